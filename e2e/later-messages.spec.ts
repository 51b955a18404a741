import { expect, test } from './baton-test.ts';
import { RILEY, rileyRollout } from './fixtures/people.ts';
import type { FixtureThread } from './fixtures/gmail-thread.ts';
import { OptionsPage } from './pages/options-page.ts';
import { seedContact } from './support/seed.ts';

/** The thread as it was before its later messages arrived. */
const upTo = (count: number): FixtureThread => ({ ...rileyRollout, messages: rileyRollout.messages.slice(0, count) as FixtureThread['messages'] });

const reply: FixtureThread['messages'][number] = {
  legacyId: '1a2b3c4d5e6f7084',
  from: RILEY,
  to: [rileyRollout.user],
  date: 'Wed, Mar 12, 2025, 4:30 PM',
  paragraphs: ['One more thing: can legal join the kickoff?', 'Riley'],
};

test('messages that arrive in an already logged thread are offered, and logged by themselves with auto-log on', async ({
  api,
  signedIn,
  gmailPage,
  extensionContext,
  extensionId,
}) => {
  expect(signedIn.user.role).toBe('sdr');
  await seedContact(api.as('sdr'), RILEY, { company: 'Northwind' });
  const sdr = api.as('sdr');
  const { sidebar } = gmailPage;

  await gmailPage.open(upTo(1));
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  await sidebar.logThread();
  await expect.poll(async () => (await sdr.emailsOf(RILEY.email)).length).toBe(1);

  // Two more messages arrive in the open thread: Baton offers them rather than logging silently.
  await gmailPage.navigateTo(upTo(3));
  await expect(sidebar.frame.getByText('2 new messages')).toBeVisible();
  await sidebar.frame.getByRole('button', { name: 'Log them' }).click();
  await expect.poll(async () => (await sdr.emailsOf(RILEY.email)).length).toBe(3);
  await expect(sidebar.frame.getByRole('button', { name: 'Log them' })).toHaveCount(0);

  // With auto-log switched on, the next message of this logged thread is logged without a click.
  const optionsPage = new OptionsPage(await extensionContext.newPage(), extensionId);
  await optionsPage.open();
  await expect(optionsPage.autoLog).not.toBeChecked();
  await optionsPage.autoLog.check();
  await optionsPage.save();
  await optionsPage.expectSignedInAs(signedIn.user.name);
  await gmailPage.page.bringToFront();
  await gmailPage.navigateTo({ ...rileyRollout, messages: [...rileyRollout.messages, reply] });
  await expect
    .poll(async () => (await sdr.emailsOf(RILEY.email)).map((email) => email.source?.gmailMessageId).sort())
    .toEqual([...rileyRollout.messages, reply].map((message) => BigInt(`0x${message.legacyId}`).toString(10)).sort());
  await expect(sidebar.frame.getByRole('button', { name: 'Log them' })).toHaveCount(0);
});
