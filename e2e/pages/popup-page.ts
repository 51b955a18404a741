import type { Locator, Page } from '@playwright/test';

/** The toolbar popup, opened as its own tab (a headless browser has no toolbar to click). */
export class PopupPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
  }

  text(content: string | RegExp): Locator {
    return this.page.getByText(content);
  }
}
