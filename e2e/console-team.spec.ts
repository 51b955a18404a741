import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { expect, test } from './baton-test.ts';
import { DEMO_AE, DEMO_SDR, JORDAN, jordanPilot } from './fixtures/handoff-threads.ts';
import { ConsolePage } from './pages/console-page.ts';
import { HandoffPanel } from './pages/handoff-panel.ts';
import { apiHttp } from './support/api-http.ts';
import { ApiServer } from './support/api-server.ts';
import { expectAccessible } from './support/axe.ts';
import { CHROMIUM } from './support/extension.ts';
import { freePort } from './support/free-port.ts';
import { artifactsDir } from './support/paths.ts';
import { seedContact } from './support/seed.ts';
import { linkIn, SmtpInbox } from './support/smtp-inbox.ts';

/*
 * A team adopts Baton without a terminal: on an empty Baton the first admin creates the team in
 * the console, invites an AE and an SDR (the invitations read from a real SMTP server), both join,
 * the admin changes what "ready" means for SDR → AE and the SDR's checklist in the extension
 * follows, the SDR hands a deal to the AE, the admin sees it on Handoffs, and deactivating the SDR
 * cuts their extension off. Every console page on the way passes axe.
 */

const PASSWORD = 'correct horse battery';
const ADMIN = { name: 'Morgan Admin', email: 'morgan@acme.test' };

const pad = (n: number) => String(n).padStart(2, '0');
function daysAhead(days: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:00`;
}

let inbox: SmtpInbox;
let server: ApiServer;
let browser: Browser;
let dir: string;

test.beforeEach(async ({}, testInfo) => {
  dir = mkdtempSync(join(tmpdir(), 'baton-e2e-console-'));
  inbox = await SmtpInbox.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = new ApiServer({
    dataDir: join(dir, 'data'),
    port,
    logFile: testInfo.outputPath('api.log'),
    env: { BATON_SMTP_URL: inbox.url, BATON_MAIL_FROM: 'Baton <baton@acme.test>', BATON_PUBLIC_URL: url },
  });
  await server.start();
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

test.afterEach(async () => {
  await browser.close();
  await server.dispose();
  await inbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function consoleFor(): Promise<ConsolePage> {
  const context = await browser.newContext();
  return new ConsolePage(await context.newPage(), server.url);
}

test('the first admin creates the team, invites an AE and an SDR by email, changes the SDR → AE template, and manages the team from the console', async ({
  optionsPage,
  gmailPage,
}, testInfo) => {
  test.setTimeout(240_000);
  const shot = (console: ConsolePage, name: string) => console.page.screenshot({ path: join(artifactsDir, `console-${name}.png`), fullPage: true });
  mkdirSync(artifactsDir, { recursive: true });

  // --- First run: an empty Baton shows "Create your team".
  const admin = await consoleFor();
  await admin.goto('/');
  await admin.expectPage('Create your team');
  await expectAccessible(admin.page, testInfo, 'create-your-team');
  await shot(admin, 'create-team');
  await admin.createTeam({ teamName: 'Acme Sales', name: ADMIN.name, email: ADMIN.email, password: PASSWORD });
  await admin.expectPage('Team');
  await expect(admin.page.getByRole('row', { name: new RegExp(ADMIN.name) })).toContainText('Admin');
  await expectAccessible(admin.page, testInfo, 'team');

  // --- Invitations go out over SMTP; each mail carries a link to the invite page.
  await admin.invite(DEMO_AE.email, 'AE');
  await admin.invite(DEMO_SDR.email, 'SDR');
  await expect(admin.page.getByRole('region', { name: 'Pending invitations' }).getByRole('row')).toHaveCount(3);
  await expectAccessible(admin.page, testInfo, 'team-with-invitations');
  await shot(admin, 'team-invited');
  await expect.poll(() => inbox.to(DEMO_AE.email).length, { timeout: 30_000 }).toBe(1);
  await expect.poll(() => inbox.to(DEMO_SDR.email).length, { timeout: 30_000 }).toBe(1);
  const aeLink = linkIn(inbox.to(DEMO_AE.email)[0]!, `${server.url}/invite/`);
  const sdrLink = linkIn(inbox.to(DEMO_SDR.email)[0]!, `${server.url}/invite/`);

  // --- Both join from their own browsers.
  const ae = await consoleFor();
  await ae.goto(aeLink);
  await ae.expectPage('Join Acme Sales');
  await expectAccessible(ae.page, testInfo, 'invite');
  await shot(ae, 'invite');
  await ae.join(DEMO_AE.name, PASSWORD);
  await ae.expectPage('Your devices and tokens');
  await expectAccessible(ae.page, testInfo, 'devices');

  const sdr = await consoleFor();
  await sdr.goto(sdrLink);
  await sdr.join(DEMO_SDR.name, PASSWORD);
  await sdr.expectPage('Your devices and tokens');
  const sdrToken = await sdr.createToken('Chrome at work');
  await expect(sdr.page.getByRole('row', { name: /Chrome at work/ })).toBeVisible();
  await shot(sdr, 'devices');
  // An invitation works once.
  const again = await consoleFor();
  await again.goto(sdrLink);
  await expect(again.page.getByRole('alert')).toContainText('expired, was already used, or was revoked');

  // --- The admin makes the warm-introduction plan optional for SDR → AE; the preview follows at once.
  await admin.page.reload();
  await expect(admin.page.getByRole('region', { name: 'Pending invitations' })).toContainText('No invitations waiting.');
  await admin.navigate('Handoff templates');
  await admin.expectPage('Handoff templates');
  const preview = admin.page.getByRole('list', { name: 'Readiness checklist preview' });
  await expect(preview).toContainText('Warm-introduction plan');
  await expect(admin.page.getByRole('checkbox', { name: /Recipient/ })).toBeDisabled();
  await expect(admin.page.getByRole('checkbox', { name: /Recipient/ })).toBeChecked();
  await admin.page.getByRole('checkbox', { name: 'Warm-introduction plan' }).uncheck();
  await expect(preview).not.toContainText('Warm-introduction plan');
  await expectAccessible(admin.page, testInfo, 'templates');
  await shot(admin, 'templates');
  await admin.button('Save template').click();
  await expect(admin.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // --- The SDR's extension, with the token from the console: the checklist no longer asks for it.
  await optionsPage.open();
  await optionsPage.configure(server.url, sdrToken);
  await optionsPage.expectSignedInAs(DEMO_SDR.name);
  const sdrApi = apiHttp(server.url, sdrToken);
  const contact = await seedContact(sdrApi, JORDAN, { company: 'Globex', title: 'Head of Support' });
  await sdrApi.createDeal({ contactId: contact.id, title: 'Globex support pilot', stage: 'qualified' });
  await gmailPage.open(jordanPilot);
  await expect(gmailPage.sidebar.contactName).toHaveText(JORDAN.name);
  await gmailPage.sidebar.frame.getByRole('button', { name: 'Log & hand off' }).click();
  const panel = new HandoffPanel(gmailPage.sidebar.frame);
  await expect(panel.checklist.getByRole('button', { name: 'Why they engaged', exact: true })).toBeVisible();
  await expect(panel.checklist.getByRole('button', { name: 'Warm-introduction plan', exact: true })).toHaveCount(0);
  await panel.fill({
    recipient: DEMO_AE.name,
    trigger: 'Support backlog doubled',
    discussed: 'Pilot with 40 seats <b>not bold</b>',
    budget: 'Roughly 30k',
    authority: 'Jordan recommends, the COO signs',
    need: 'Halve first-response time',
    timeline: 'Pilot by March',
    nextStep: 'Demo with the support leads',
    nextStepDate: daysAhead(3),
    warmIntro: 'None',
  });
  await expect(panel.checklist).toContainText('Ready to hand off');
  await panel.handOffButton.click();
  await expect(gmailPage.sidebar.frame.getByRole('status').filter({ hasText: `Handed off to ${DEMO_AE.name}` })).toBeVisible();

  // --- The AE received it (their console session reads their handoffs).
  const received = await ae.page.request.get(`${server.url}/v1/handoffs?to=me&status=pending`);
  expect(received.status()).toBe(200);
  expect(((await received.json()) as { handoffs: unknown[] }).handoffs).toHaveLength(1);

  // --- The admin sees it on Handoffs, newest first, and opens the brief as the AE reads it.
  await admin.navigate('Handoffs');
  await admin.expectPage('Handoffs');
  const row = admin.page.getByRole('row', { name: /Globex support pilot/ });
  await expect(row).toContainText(DEMO_SDR.name);
  await expect(row).toContainText(DEMO_AE.name);
  await expect(row).toContainText('Pending');
  await admin.page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Accepted' });
  await expect(admin.page.getByText('No handoff matches these filters.')).toBeVisible();
  await admin.page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pending' });
  await expect(row).toBeVisible();
  await expectAccessible(admin.page, testInfo, 'handoffs');
  await shot(admin, 'handoffs');
  await row.getByRole('link', { name: 'Globex support pilot' }).click();
  await admin.expectPage(`Globex support pilot — ${JORDAN.name}`);
  const brief = admin.page.getByRole('region', { name: 'Handoff brief' });
  await expect(brief).toContainText(`from ${DEMO_SDR.name} to ${DEMO_AE.name}`);
  // Prospect text is text: the markup a rep typed is shown, not rendered.
  await expect(brief).toContainText('Pilot with 40 seats <b>not bold</b>');
  await expect(brief.locator('b')).toHaveCount(0);
  await expect(admin.page.getByRole('region', { name: 'Audit entries' }).getByRole('row')).not.toHaveCount(1);
  await expectAccessible(admin.page, testInfo, 'handoff-detail');
  await shot(admin, 'handoff-detail');
  // A deep link survives a reload.
  await admin.page.reload();
  await admin.expectPage(`Globex support pilot — ${JORDAN.name}`);

  // --- Deactivating the SDR: their token gets 401 at once and the extension says so.
  await admin.navigate('Team');
  await admin.button(`Deactivate ${DEMO_SDR.name}`).click();
  await admin.button(`Deactivate ${DEMO_SDR.name}`).click();
  await expect(admin.page.getByRole('status').filter({ hasText: `${DEMO_SDR.name} is deactivated.` })).toBeVisible();
  await expect(admin.page.getByRole('row').filter({ has: admin.page.getByRole('rowheader', { name: DEMO_SDR.name, exact: true }) })).toContainText('Deactivated');
  const cut = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${sdrToken}` } });
  expect(cut.status).toBe(401);
  await optionsPage.page.bringToFront();
  const options = optionsPage;
  await options.open();
  await options.testConnection();
  await expect(options.status).toContainText('Your Baton account has been deactivated: ask an admin of your team');
  // The SDR's console session ended too.
  await sdr.page.reload();
  await sdr.expectPage('Sign in');
});

test('sign in, account sessions, sign out and the forgot-password page pass axe and do what they say', async ({}, testInfo) => {
  const admin = await consoleFor();
  await admin.goto('/team');
  await admin.expectPage('Create your team');
  await admin.createTeam({ teamName: 'Acme Sales', name: ADMIN.name, email: ADMIN.email, password: PASSWORD });
  await admin.expectPage('Team');

  await admin.navigate('Account');
  await admin.expectPage('Account');
  await expect(admin.page.getByRole('row', { name: /This browser/ })).toBeVisible();
  await expectAccessible(admin.page, testInfo, 'account');
  await admin.button('Sign out').click();
  await admin.expectPage('Sign in');
  await expectAccessible(admin.page, testInfo, 'sign-in');

  // A wrong password and an unknown address get the same answer.
  await admin.signIn(ADMIN.email, 'not the password');
  const wrong = await admin.page.getByRole('alert').textContent();
  await admin.signIn('nobody@acme.test', 'not the password');
  await expect(admin.page.getByRole('alert')).toHaveText(wrong ?? '');

  await admin.page.getByRole('link', { name: 'Forgot password?' }).click();
  await admin.expectPage('Reset your password');
  await expectAccessible(admin.page, testInfo, 'forgot-password');
  await admin.textbox('Email').fill(ADMIN.email);
  await admin.button('Send reset link').click();
  await expect(admin.page.getByRole('status')).toContainText('If that address belongs to a member');
  await expect.poll(() => inbox.to(ADMIN.email).length, { timeout: 30_000 }).toBe(1);
  // Better Auth's link checks the token and then redirects to the console's /reset-password?token=….
  const reset = linkIn(inbox.to(ADMIN.email)[0]!, `${server.url}/api/auth/reset-password/`);
  await admin.page.goto(reset);
  await admin.expectPage('Choose a new password');
  await expectAccessible(admin.page, testInfo, 'reset-password');
  await admin.page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await admin.button('Save password').click();
  await expect(admin.page.getByRole('status')).toContainText('Your password is changed');

  await admin.page.getByRole('link', { name: 'Sign in' }).click();
  await admin.signIn(ADMIN.email, 'a brand new password');
  await admin.expectPage('Handoffs');
  await expect(admin.page.getByText('No handoffs yet.')).toBeVisible();

  // Changing the password from the account page.
  await admin.navigate('Account');
  const change = admin.page.getByRole('form', { name: 'Change password' });
  await change.getByLabel('Current password', { exact: true }).fill('a brand new password');
  await change.getByLabel('New password', { exact: true }).fill('yet another password');
  await change.getByRole('button', { name: 'Change password' }).click();
  await expect(change.getByRole('status')).toContainText('Password changed');
  await expectAccessible(admin.page, testInfo, 'account-after-change');
});
