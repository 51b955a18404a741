import { expect, type Locator, type Page } from '@playwright/test';

/** The team console in a browser tab: pages found by their heading, controls by role and name. */
export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async expectPage(name: string | RegExp): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }

  async navigate(link: 'Handoffs' | 'Team' | 'Handoff templates' | 'Devices and tokens' | 'Account'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: link, exact: true }).click();
  }

  textbox(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Create your team, as the first person on an empty Baton. */
  async createTeam(values: { teamName: string; name: string; email: string; password: string }): Promise<void> {
    await this.textbox('Team name').fill(values.teamName);
    await this.textbox('Your name').fill(values.name);
    await this.textbox('Email').fill(values.email);
    await this.page.getByLabel('Password', { exact: true }).fill(values.password);
    await this.button('Create team').click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.textbox('Email').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.button('Sign in').click();
  }

  async invite(email: string, role: string): Promise<void> {
    const button = this.button('Invite teammate');
    if (await button.isVisible()) await button.click();
    const form = this.page.getByRole('form', { name: 'Invite teammate' });
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
    await form.getByRole('button', { name: 'Send invite' }).click();
    await expect(form.getByRole('status')).toContainText(`Invitation sent to ${email}`);
  }

  /** On the invite page: name, password, Join team. */
  async join(name: string, password: string): Promise<void> {
    await this.textbox('Name').fill(name);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.button('Join team').click();
  }

  /** A new API token on "Your devices and tokens"; its secret is shown once. */
  async createToken(name: string): Promise<string> {
    await this.textbox('Token name').fill(name);
    await this.button('Create token').click();
    const secret = this.page.getByRole('textbox', { name: 'New token' });
    await expect(secret).toBeVisible();
    return secret.inputValue();
  }
}
