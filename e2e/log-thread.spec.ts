import { expect, test } from './baton-test.ts';
import { RILEY, rileyRollout } from './fixtures/people.ts';
import { seedContact } from './support/seed.ts';

const messageIds = rileyRollout.messages.map((message) => BigInt(`0x${message.legacyId}`).toString(10));

test('"Log thread" pressed twice, and again on a second machine, stores each message once', async ({ api, signedIn, gmailPage, newDevice }) => {
  await seedContact(api.as('sdr'), RILEY, { company: 'Northwind' });
  const sdr = api.as('sdr');

  await gmailPage.open(rileyRollout);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(RILEY.name);

  // An impatient double press: the second click must not log anything again.
  await sidebar.logThreadButton.dblclick();
  await expect(sidebar.frame.getByRole('status').filter({ hasText: /^Thread logged/ })).toHaveText('Thread logged (3 messages added)');
  await expect(sidebar.syncBadge).toHaveText('Synced');
  await expect.poll(async () => (await sdr.emailsOf(RILEY.email)).length).toBe(3);

  // The same rep on another machine, whose browser has never logged this thread.
  const laptop = await newDevice();
  await laptop.gmailPage.open(rileyRollout);
  await expect(laptop.gmailPage.sidebar.contactName).toHaveText(RILEY.name);
  await laptop.gmailPage.sidebar.logThread();
  await expect(laptop.gmailPage.sidebar.syncBadge).toHaveText('Synced');

  const emails = await sdr.emailsOf(RILEY.email);
  expect(emails.map((email) => email.source?.gmailMessageId).sort()).toEqual([...messageIds].sort());
  const first = emails.find((email) => email.source?.gmailMessageId === messageIds[0]);
  expect(first).toMatchObject({
    subject: rileyRollout.subject,
    body: 'Hi Sam,\n\nCould we start the pilot with the support team first?\n\nRiley',
    actorId: signedIn.user.id,
    source: { gmailThreadId: rileyRollout.messages[0].legacyId },
    details: { from: { name: RILEY.name, email: RILEY.email }, to: [{ name: 'Sam Seller', email: 'sam.seller@acme.test' }] },
  });

  // Back on the first machine the thread stays logged, with nothing new to offer.
  await gmailPage.page.reload();
  await expect(sidebar.frame.getByRole('status').filter({ hasText: /^Thread logged/ })).toHaveText('Thread logged');
  await expect(sidebar.logThreadButton).toHaveCount(0);
  await expect(sidebar.region('Timeline').getByRole('listitem')).toHaveCount(3);
});
