import { expect, type Locator, type Page } from '@playwright/test';

/** The extension's options page, where a rep connects Baton to their API. */
export class OptionsPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await expect(this.apiUrl).toBeVisible();
  }

  get apiUrl(): Locator {
    return this.page.getByRole('textbox', { name: 'API URL' });
  }

  get token(): Locator {
    return this.page.getByLabel('Personal token');
  }

  get neverLogDomains(): Locator {
    return this.page.getByRole('textbox', { name: /Never log these domains/ });
  }

  get autoLog(): Locator {
    return this.page.getByRole('switch', { name: /Auto-log/ });
  }

  /** The live region under the buttons: "Signed in as …" or exactly what is wrong. */
  get status(): Locator {
    return this.page.getByRole('status');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  async testConnection(): Promise<void> {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
  }

  /** Types the address and token and saves, as a rep does after creating a token. */
  async configure(apiUrl: string, token: string): Promise<void> {
    await this.apiUrl.fill(apiUrl);
    await this.token.fill(token);
    await this.save();
  }

  async expectSignedInAs(name: string): Promise<void> {
    await expect(this.status).toContainText(`Signed in as ${name}`);
  }
}
