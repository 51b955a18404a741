import type { Page } from '@playwright/test';
import { profilePageHtml, profileUrl, type FixtureProfile } from '../fixtures/linkedin-profile.ts';
import type { LinkedinServer } from '../support/linkedin-routes.ts';
import { SidebarPanel } from './sidebar-panel.ts';

/** A LinkedIn profile (a hand-made page at LinkedIn's real address) with the Baton sidebar. */
export class LinkedinPage {
  readonly sidebar: SidebarPanel;

  constructor(
    readonly page: Page,
    private readonly server: LinkedinServer,
  ) {
    this.sidebar = new SidebarPanel(page);
  }

  async open(profile: FixtureProfile): Promise<void> {
    this.server.serveNext(profilePageHtml(profile));
    await this.page.goto(profileUrl(profile));
  }

  /** Moves to another profile the way LinkedIn does: pushState, then the page content is swapped. */
  async navigateTo(profile: FixtureProfile): Promise<void> {
    const html = profilePageHtml(profile);
    await this.page.evaluate(
      ({ path, page }) => {
        window.history.pushState({}, '', path);
        const next = new DOMParser().parseFromString(page, 'text/html');
        const outlet = document.querySelector('.application-outlet');
        const incoming = next.querySelector('.application-outlet');
        if (!outlet || !incoming) throw new Error('The fixture page has no application outlet');
        outlet.innerHTML = incoming.innerHTML;
        document.title = next.title;
      },
      { path: new URL(profileUrl(profile)).pathname, page: html },
    );
  }
}
