import { expect, type FrameLocator, type Locator } from '@playwright/test';

/**
 * The Baton sidebar inside Gmail: an extension page in an iframe the content script mounts (in a
 * shadow root, which Playwright's locators pierce). Everything is found by role and name.
 */
export class SidebarPanel {
  readonly frameElement: Locator;
  readonly frame: FrameLocator;

  constructor(host: { locator(selector: string): Locator; frameLocator(selector: string): FrameLocator }) {
    const selector = 'iframe[src^="chrome-extension://"]';
    this.frameElement = host.locator(selector);
    this.frame = host.frameLocator(selector);
  }

  /** The matched contact's name: the card's top-level heading. */
  get contactName(): Locator {
    return this.frame.getByRole('heading', { level: 1 });
  }

  /** "Synced" / "3 waiting to sync" / "API unreachable — …", in the header. */
  get syncBadge(): Locator {
    return this.frame.getByRole('banner').getByRole('status');
  }

  get logThreadButton(): Locator {
    return this.frame.getByRole('button', { name: 'Log thread', exact: true });
  }

  region(title: string): Locator {
    return this.frame.getByRole('region', { name: title });
  }

  participant(email: string): Locator {
    return this.region('Participants').getByRole('listitem').filter({ hasText: email });
  }

  async logThread(): Promise<void> {
    await this.logThreadButton.click();
    await expect(this.frame.getByRole('status').filter({ hasText: /^Thread logged/ })).toBeVisible();
  }

  /** The header's "Sync now", shown while writes are waiting. */
  async syncNow(): Promise<void> {
    await this.frame.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
  }

  async addNote(text: string): Promise<void> {
    const quickLog = this.region('Quick log');
    await quickLog.getByRole('button', { name: 'Add note' }).click();
    const form = this.frame.getByRole('form', { name: 'Add note' });
    await form.getByRole('textbox', { name: 'Note' }).fill(text);
    await form.getByRole('button', { name: 'Save note' }).click();
    await expect(quickLog.getByRole('status')).toHaveText('Note saved');
  }

  async addAsContact(email: string, extra: { company?: string; title?: string } = {}): Promise<void> {
    await this.participant(email).getByRole('button', { name: 'Add as contact' }).click();
    const form = this.frame.getByRole('form', { name: 'Add contact' });
    await expect(form.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
    if (extra.company !== undefined) await form.getByRole('textbox', { name: 'Company' }).fill(extra.company);
    if (extra.title !== undefined) await form.getByRole('textbox', { name: 'Title' }).fill(extra.title);
    await form.getByRole('button', { name: 'Save contact' }).click();
  }
}
