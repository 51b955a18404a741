import type { BrowserContext } from '@playwright/test';
import { FixtureSiteServer } from './site-routes.ts';

/*
 * LinkedIn's address serves whichever hand-made profile page the test opened; its images and
 * everything else stay unanswered, as the rest of the internet does in these tests.
 */
export class LinkedinServer extends FixtureSiteServer {}

/** Registered after the catch-all refusal in routeSites: Playwright tries the latest route first. */
export async function routeLinkedin(context: BrowserContext, server: LinkedinServer): Promise<void> {
  await context.route('https://www.linkedin.com/**', (route) => server.handle(route));
}
