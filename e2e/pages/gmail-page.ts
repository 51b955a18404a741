import type { Page } from '@playwright/test';
import { threadMainHtml, threadPageHtml, threadUrl, type FixtureThread } from '../fixtures/gmail-thread.ts';
import type { GmailServer } from '../support/site-routes.ts';
import { SidebarPanel } from './sidebar-panel.ts';

/** Gmail (hand-made fixture pages at Gmail's real address) with the Baton sidebar on the right. */
export class GmailPage {
  readonly sidebar: SidebarPanel;

  constructor(
    readonly page: Page,
    private readonly server: GmailServer,
  ) {
    this.sidebar = new SidebarPanel(page);
  }

  /** Loads Gmail on this thread, as after typing its address or reloading. */
  async open(thread: FixtureThread): Promise<void> {
    await this.openHtml(threadPageHtml(thread), threadUrl(thread));
  }

  /** Loads any page at a Gmail address (e.g. the extension's reader fixtures). */
  async openHtml(html: string, url: string): Promise<void> {
    this.server.serveNext(html);
    await this.page.goto(url);
  }

  /**
   * Opens another thread the way Gmail does, without a page load: the address changes first,
   * then the main view is swapped for the new thread's markup.
   */
  async navigateTo(thread: FixtureThread): Promise<void> {
    await this.page.evaluate(
      ({ hash, main, title }) => {
        window.location.hash = hash;
        const view = document.querySelector('div[role="main"]');
        if (!view) throw new Error('The fixture page has no main view');
        view.innerHTML = main;
        document.title = title;
      },
      {
        hash: new URL(threadUrl(thread)).hash,
        main: threadMainHtml(thread),
        title: `${thread.subject} - ${thread.user.email} - Gmail`,
      },
    );
  }
}
