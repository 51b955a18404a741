import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './baton-test.ts';
import { threadUrl } from './fixtures/gmail-thread.ts';
import { DEMO_AE, DEMO_SDR, JORDAN, jordanAgenda, jordanPilot, threadWithReplyHtml } from './fixtures/handoff-threads.ts';
import { HandoffPanel, type HandoffFields } from './pages/handoff-panel.ts';
import { PopupPage } from './pages/popup-page.ts';
import { artifactsDir } from './support/paths.ts';
import { seedContact } from './support/seed.ts';
import { badgeText, systemNotificationIds } from './support/service-worker.ts';
import { extensionIdOf } from './support/extension.ts';

/*
 * The handoff between two people, each in their own browser with the extension signed in as
 * themselves, against one API: the SDR hands Jordan to the AE from the SDR's thread, the AE reads
 * the brief on another thread with Jordan, sends it back, the SDR fixes it, the AE accepts.
 */

const pad = (n: number) => String(n).padStart(2, '0');
/** A `datetime-local` value some days ahead at 10:00 in the browser's (and this process's) time zone. */
function daysAhead(days: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:00`;
}

const firstTry: HandoffFields = {
  recipient: DEMO_AE.name,
  trigger: 'Support backlog doubled; wants help before the spring peak',
  discussed: 'Pilot with the support team, 40 seats, SSO required',
  budget: 'Roughly 30k this year',
  authority: 'Jordan recommends, the COO signs',
  need: 'Cut first-response time in half',
  timeline: 'Pilot live by March',
  nextStep: 'Demo with the support leads',
  nextStepDate: daysAhead(3),
  warmIntro: 'Intro email',
};

const SEND_BACK_REASON = 'Budget is not confirmed — who holds it, and how much?';

const fixed: HandoffFields = {
  ...firstTry,
  objections: 'Worried about the SSO rollout effort',
  budget: '32k approved by the COO for Q1',
  warmIntro: 'Joint call',
};

async function openPopup(context: BrowserContext): Promise<PopupPage> {
  const popup = new PopupPage(await context.newPage(), await extensionIdOf(context));
  await popup.open();
  return popup;
}

test('SDR hands Jordan to the AE across two browsers: blocked until ready, notified, brief on another thread, sent back, fixed, accepted', async ({
  api,
  signedIn,
  extensionContext,
  gmailPage,
  newDevice,
}, testInfo) => {
  // Two browsers, a dozen round trips through the API and the notification stream.
  test.setTimeout(240_000);
  expect(signedIn.user.name).toBe(DEMO_SDR.name);
  const sdrApi = api.as('sdr');
  const contact = await seedContact(sdrApi, JORDAN, { company: 'Globex', title: 'Head of Support' });
  await sdrApi.createDeal({ contactId: contact.id, title: 'Globex support pilot', stage: 'qualified' });

  // The AE's own browser, open the whole time.
  const ae = await newDevice('ae');
  expect(await badgeText(ae.context)).toBe('');

  // --- The SDR, on the thread with Jordan.
  await gmailPage.openHtml(threadWithReplyHtml(jordanPilot, JORDAN), threadUrl(jordanPilot));
  const sdrSidebar = gmailPage.sidebar;
  await expect(sdrSidebar.contactName).toHaveText(JORDAN.name);

  await sdrSidebar.frame.getByRole('button', { name: 'Log & hand off' }).click();
  const panel = new HandoffPanel(sdrSidebar.frame);
  await expect(panel.form).toBeVisible();
  await expect.poll(async () => (await sdrApi.emailsOf(JORDAN.email)).length).toBe(2);

  // Blocked with fields missing, and the checklist says which.
  await expect(panel.handOffButton).toHaveAttribute('aria-disabled', 'true');
  // aria-disabled keeps the button clickable (and focusable) for a person; Playwright would wait for it to enable.
  await panel.handOffButton.click({ force: true });
  await expect(panel.form).toBeVisible();
  await expect(panel.field('Recipient')).toBeFocused();
  for (const name of ['Recipient', 'Why they engaged', 'Budget', 'Authority', 'Need', 'Timeline', 'Agreed next step', 'Next step date', 'Warm-introduction plan']) {
    await expect(panel.checklist.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(panel.checklist.getByRole('button', { name: /^Objections raised/ })).toBeVisible();
  expect(await sdrApi.listDeals().then((deals) => deals[0]?.ownerId)).toBe(signedIn.user.id);

  // Half filled: still blocked, and only what is left is named.
  await panel.field('Why they engaged').fill(firstTry.trigger);
  await panel.field('Budget').fill(firstTry.budget);
  await expect(panel.checklist.getByRole('button', { name: 'Why they engaged', exact: true })).toHaveCount(0);
  await expect(panel.checklist.getByRole('button', { name: 'Authority', exact: true })).toBeVisible();
  await expect(panel.handOffButton).toHaveAttribute('aria-disabled', 'true');

  await panel.fill(firstTry);
  await expect(panel.checklist).toContainText('Ready to hand off');
  await expect(panel.handOffButton).not.toHaveAttribute('aria-disabled', 'true');
  mkdirSync(artifactsDir, { recursive: true });
  const panelShot = await panel.form.screenshot({ path: join(artifactsDir, 'handoff-panel.png') });
  await testInfo.attach('handoff-panel', { body: panelShot, contentType: 'image/png' });

  await panel.handOffButton.click();
  await expect(sdrSidebar.frame.getByRole('status').filter({ hasText: `Handed off to ${DEMO_AE.name}` })).toBeVisible();

  // "Intro email": a reply to Jordan with the AE in Cc, drafted in Gmail and left for the SDR to send.
  const compose = gmailPage.page.locator('[data-fixture="compose"]');
  await expect(compose.getByRole('textbox', { name: 'Message Body' })).toContainText('Hi Jordan —');
  await expect(compose.getByRole('textbox', { name: 'Message Body' })).toContainText(`Introducing ${DEMO_AE.name}, our account executive, who will take it from here for the demo with the support leads`);
  await expect(compose.locator('[data-fixture="cc-chip"]')).toHaveText(DEMO_AE.email);
  await expect(compose.locator('[data-fixture="to"]')).toHaveText(`To: ${JORDAN.email}`);
  await expect(sdrSidebar.frame.getByRole('status').filter({ hasText: 'Intro email drafted' })).toBeVisible();

  // --- The AE is told: a system notification, the badge, the popup.
  const handedTitle = `${DEMO_SDR.name} handed you Globex — ${JORDAN.name}`;
  await expect.poll(() => badgeText(ae.context)).toBe('1');
  await expect.poll(() => systemNotificationIds(ae.context)).toHaveLength(1);
  const aePopup = await openPopup(ae.context);
  await expect(aePopup.text(handedTitle)).toBeVisible();
  await aePopup.page.close();

  // --- The AE opens another thread with Jordan: the brief holds everything the SDR wrote.
  await ae.gmailPage.open(jordanAgenda);
  const aeSidebar = ae.gmailPage.sidebar;
  await expect(aeSidebar.contactName).toHaveText(JORDAN.name);
  const brief = aeSidebar.region('Handoff brief');
  await expect(brief).toContainText(`from ${DEMO_SDR.name} to you`);
  await expect(brief).toContainText('Pending');
  for (const text of [firstTry.trigger, firstTry.discussed, 'None raised', firstTry.budget, firstTry.authority, firstTry.need, firstTry.timeline, firstTry.nextStep, 'Intro email']) {
    await expect(brief).toContainText(text);
  }
  // The date as the AE's browser writes it (its own locale and time zone).
  const agreedAt = await ae.gmailPage.page.evaluate(
    (local) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(local)),
    firstTry.nextStepDate,
  );
  await expect(brief).toContainText(`${firstTry.nextStep} by ${agreedAt}`);
  const briefShot = await brief.screenshot({ path: join(artifactsDir, 'ae-brief.png') });
  await testInfo.attach('ae-brief', { body: briefShot, contentType: 'image/png' });

  // Sent back, with a reason (none given is refused).
  await brief.getByRole('button', { name: 'Send back' }).click();
  const sendBack = aeSidebar.frame.getByRole('form', { name: 'Send back' });
  await sendBack.getByRole('button', { name: `Send back to ${DEMO_SDR.name}` }).click();
  await expect(sendBack.getByRole('alert')).toHaveText(`Say why, so ${DEMO_SDR.name} can fix it.`);
  await sendBack.getByLabel('Reason for sending back').fill(SEND_BACK_REASON);
  await sendBack.getByRole('button', { name: `Send back to ${DEMO_SDR.name}` }).click();
  await expect.poll(async () => (await sdrApi.brief(JORDAN.email)).latestHandoff?.status).toBe('rejected');
  await expect(brief).toContainText('Sent back');
  // Answering it is acting on the notification that announced it.
  await expect.poll(() => badgeText(ae.context)).toBe('');

  // --- The SDR is told, and the deal is theirs again.
  await expect.poll(() => badgeText(extensionContext)).toBe('1');
  await expect.poll(() => systemNotificationIds(extensionContext)).toHaveLength(1);
  const sdrPopup = await openPopup(extensionContext);
  const sentBack = sdrPopup.page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem');
  await expect(sentBack).toContainText(`${DEMO_AE.name} sent back Globex — ${JORDAN.name}`);
  await expect(sentBack).toContainText(`Reason: ${SEND_BACK_REASON}`);
  await sdrPopup.page.close();
  expect((await sdrApi.brief(JORDAN.email)).deal?.ownerId).toBe(signedIn.user.id);

  // The SDR fixes the brief and hands off again.
  await gmailPage.page.reload();
  await expect(sdrSidebar.contactName).toHaveText(JORDAN.name);
  await expect(sdrSidebar.region('Handoff brief')).toContainText(`Sent back: ${SEND_BACK_REASON}`);
  // "Fix & resend" on the sent-back brief: the form holds everything it had, with the AE's reason.
  await sdrSidebar.region('Handoff brief').getByRole('button', { name: 'Fix & resend' }).click();
  await expect(panel.form).toBeVisible();
  await expect(panel.form.getByRole('note')).toContainText(`${DEMO_AE.name} sent this back: ${SEND_BACK_REASON}`);
  await expect(panel.field('Recipient').locator('option:checked')).toHaveText(new RegExp(`^${DEMO_AE.name}`));
  await expect(panel.field('Why they engaged')).toHaveValue(firstTry.trigger);
  await expect(panel.field('What was discussed')).toHaveValue(firstTry.discussed);
  await expect(panel.field(/^Objections raised/)).toHaveValue('None raised');
  for (const [label, value] of [['Budget', firstTry.budget], ['Authority', firstTry.authority], ['Need', firstTry.need], ['Timeline', firstTry.timeline], ['Agreed next step', firstTry.nextStep], ['Next step date', firstTry.nextStepDate]] as const) {
    await expect(panel.field(label)).toHaveValue(value);
  }
  await expect(panel.form.getByRole('radio', { name: firstTry.warmIntro })).toBeChecked();
  // One panel at a time: the thread's entry steps aside while it is open.
  await expect(sdrSidebar.frame.getByRole('button', { name: 'Log & hand off' })).toHaveCount(0);
  await expect(sdrSidebar.frame.getByRole('form', { name: 'Hand off' })).toHaveCount(1);
  // Only what the reason asks for changes.
  await panel.field(/^Objections raised/).fill(fixed.objections ?? '');
  await panel.field('Budget').fill(fixed.budget);
  await panel.form.getByRole('radio', { name: fixed.warmIntro }).check();
  await expect(panel.checklist).toContainText('Ready to hand off');
  await panel.handOffButton.click();
  await expect(sdrSidebar.frame.getByRole('status').filter({ hasText: `Handed off to ${DEMO_AE.name}` })).toBeVisible();
  // The AE answered the first handoff, which read its notification: only the new one is unread.
  await expect.poll(() => badgeText(ae.context)).toBe('1');

  // --- The AE sees the fixed brief and accepts.
  await ae.gmailPage.page.reload();
  await expect(brief).toContainText(fixed.budget);
  await expect(brief).toContainText(fixed.objections ?? '');
  await expect(brief).toContainText('Joint call');
  await expect(brief).toContainText('Pending');
  await brief.getByRole('button', { name: 'Accept' }).click();
  await expect(brief).toContainText('Accepted');
  await expect.poll(async () => (await sdrApi.brief(JORDAN.email)).latestHandoff?.status).toBe('accepted');
  const deal = (await sdrApi.brief(JORDAN.email)).deal;
  expect(deal?.ownerId).toBe(api.users.ae.user.id);
  await expect.poll(() => badgeText(extensionContext)).toBe('2');
  const finalPopup = await openPopup(extensionContext);
  await expect(finalPopup.page.getByRole('region', { name: /^Notifications/ })).toContainText(`${DEMO_AE.name} accepted Globex — ${JORDAN.name}`);
});

test('without a Reply control on the page, the intro email opens in Gmail compose in a new tab, addressed and filled in', async ({
  api,
  signedIn,
  extensionContext,
  gmailPage,
}) => {
  const sdrApi = api.as('sdr');
  const contact = await seedContact(sdrApi, JORDAN, { company: 'Globex' });
  await sdrApi.createDeal({ contactId: contact.id, title: 'Globex support pilot' });

  // The plain fixture: the thread has no Reply control at all.
  await gmailPage.open(jordanPilot);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(JORDAN.name);
  await sidebar.frame.getByRole('button', { name: 'Log & hand off' }).click();
  const panel = new HandoffPanel(sidebar.frame);
  await panel.fill(firstTry);
  await expect(panel.checklist).toContainText('Ready to hand off');

  const newTab = extensionContext.waitForEvent('page');
  await panel.handOffButton.click();
  // A new tab starts blank and then loads its address.
  const composeTab = await newTab;
  await composeTab.waitForURL((address) => address.href.startsWith('https://mail.google.com/mail/?'));
  const url = new URL(composeTab.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ view: 'cm', fs: '1', to: JORDAN.email, cc: DEMO_AE.email, su: `Re: ${jordanPilot.subject}` });
  expect(url.searchParams.get('body')).toContain(`Introducing ${DEMO_AE.name}, our account executive`);
  expect(url.searchParams.get('body')).toMatch(new RegExp(`\\n${signedIn.user.name.split(' ')[0]}$`));
  await expect(sidebar.frame.getByRole('status').filter({ hasText: 'Intro email opened in a new tab' })).toBeVisible();
});
