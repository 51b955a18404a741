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
}
