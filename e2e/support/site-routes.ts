import type { BrowserContext, Route } from '@playwright/test';

/*
 * The browser never reaches the internet in these tests. Gmail's address serves whichever fixture
 * page the test opened (the fragment that names a thread never reaches a server, so the page to
 * serve is chosen by the test, as Gmail's server would for a signed-in user); the API on loopback
 * passes through; anything else is refused so a page cannot depend on the network by accident.
 */
/** Serves whichever hand-made page the test opened for a site's address; nothing else on it answers. */
export class FixtureSiteServer {
  private html: string | null = null;
  readonly served: string[] = [];

  /** The document the next load of the site gets. */
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

export class GmailServer extends FixtureSiteServer {}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';

export async function routeSites(context: BrowserContext, gmail: GmailServer): Promise<void> {
  await context.route('https://mail.google.com/**', (route) => gmail.handle(route));
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== 'mail.google.com' && !isLoopback(url),
    (route) => route.abort('blockedbyclient'),
  );
}
