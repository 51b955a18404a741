import type { BrowserContext, Route } from '@playwright/test';

/*
 * LinkedIn's address serves whichever hand-made profile page the test opened; its images and
 * everything else stay unanswered, as the rest of the internet does in these tests.
 */
export class LinkedinServer {
  private html: string | null = null;
  readonly served: string[] = [];

  /** The document the next load of www.linkedin.com gets. */
  serveNext(html: string): void {
    this.html = html;
  }

  async handle(route: Route): Promise<void> {
    const request = route.request();
    if (this.html === null || request.resourceType() !== 'document') {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the fixture' });
      return;
    }
    this.served.push(request.url());
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: this.html });
  }
}

/** Registered after the catch-all refusal in routeSites: Playwright tries the latest route first. */
export async function routeLinkedin(context: BrowserContext, server: LinkedinServer): Promise<void> {
  await context.route('https://www.linkedin.com/**', (route) => server.handle(route));
}
