import { join } from 'node:path';
import { expect, test } from './baton-test.ts';
import { RILEY, TAYLOR } from './fixtures/people.ts';
import { artifactsDir } from './support/paths.ts';
import { seedHandedOffDeal } from './support/seed.ts';

test.use({ signedInAs: 'ae' });

const DAY = 24 * 60 * 60 * 1000;

/*
 * The popup's lists act: a handoff is accepted from the list (and what told me about it is read),
 * and a notification opens the prospect in *my* mailbox — a Gmail search for their address,
 * since the sender's thread ids mean nothing in it.
 */
test('a handoff is accepted from the popup list, and a notification opens a Gmail search for the prospect', async ({ api, signedIn, popupPage, extensionContext }) => {
  const sdr = api.as('sdr');
  for (const [person, title] of [
    [RILEY, 'Northwind support pilot'],
    [TAYLOR, 'Fabrikam renewal'],
  ] as const) {
    await seedHandedOffDeal(sdr, person, { toUserId: signedIn.user.id, dealTitle: title, company: title.split(' ')[0] ?? '', discussed: 'Scope agreed.', nextStep: 'Kickoff call', dueAt: new Date(Date.now() + 3 * DAY) });
  }
  await popupPage.open();
  const page = popupPage.page;
  const notifications = page.getByRole('region', { name: /^Notifications/ });
  await expect(notifications.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Notifications (2 unread)' })).toBeVisible();

  await page.screenshot({ path: join(artifactsDir, 'popup-lists.png'), fullPage: true });

  // Accept Riley straight from the list: the API has it, and its notification is read.
  const toAccept = page.getByRole('region', { name: 'Handoffs to accept' });
  await toAccept.getByRole('button', { name: `Accept ${RILEY.name}` }).click();
  await expect.poll(async () => (await sdr.brief(RILEY.email)).latestHandoff?.status).toBe('accepted');
  await expect(page.getByRole('heading', { name: 'Notifications (1 unread)' })).toBeVisible();
  await expect(notifications).not.toContainText(RILEY.name);

  // Taylor's notification opens Taylor in this rep's own Gmail, and is read from then on.
  const opened = extensionContext.waitForEvent('page');
  await notifications.getByRole('button', { name: /^Open: / }).click();
  const tab = await opened;
  await tab.waitForURL((address) => address.href.startsWith('https://mail.google.com/'));
  expect(tab.url()).toBe(`https://mail.google.com/mail/u/0/#search/${encodeURIComponent(TAYLOR.email)}`);
  await expect(page.getByRole('heading', { name: 'Notifications (0 unread)' })).toBeVisible();
  await expect(notifications).toContainText('Nothing new.');
});
