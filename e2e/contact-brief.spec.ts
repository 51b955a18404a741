import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './baton-test.ts';
import { RILEY, rileyRollout } from './fixtures/people.ts';
import { artifactsDir } from './support/paths.ts';
import { seedHandedOffDeal } from './support/seed.ts';

test.use({ signedInAs: 'ae' });

test('opening a thread with a handed-off prospect shows who they are, the deal, the handoff brief and the next step', async ({
  api,
  signedIn,
  gmailPage,
}, testInfo) => {
  const dueAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  await seedHandedOffDeal(api.as('sdr'), RILEY, {
    toUserId: signedIn.user.id,
    dealTitle: 'Northwind support pilot',
    company: 'Northwind',
    discussed: 'Start with the support team; 40 seats; SSO is a must.',
    nextStep: 'Kickoff call with the support leads',
    dueAt,
  });

  await gmailPage.open(rileyRollout);
  const { sidebar } = gmailPage;

  await expect(sidebar.contactName).toHaveText(RILEY.name);
  const card = sidebar.frame.getByRole('region', { name: RILEY.name });
  await expect(card).toContainText('Head of Support at Northwind');
  await expect(card).toContainText(`Owner: ${api.users.sdr.user.name}`);
  await expect(card).toContainText('Deal: Northwind support pilot');
  await expect(card).toContainText('Qualified');

  const handoff = sidebar.region('Handoff brief');
  // The signed-in AE is the recipient: the brief says so in the first person.
  await expect(handoff).toContainText(`from ${api.users.sdr.user.name} to you`);
  await expect(handoff).toContainText('Start with the support team; 40 seats; SSO is a must.');
  await expect(handoff).toContainText('None raised');

  const nextStep = sidebar.region('Next step');
  await expect(nextStep).toContainText('Kickoff call with the support leads');
  await expect(nextStep).toContainText('Due ');
  await expect(nextStep.locator('.danger')).toHaveCount(0);

  await expect(sidebar.participant(RILEY.email)).toContainText('In Baton');
  await expect(sidebar.syncBadge).toHaveText('Synced');

  // For people, not assertions: what the sidebar looks like on a thread.
  mkdirSync(artifactsDir, { recursive: true });
  const screenshot = await sidebar.frameElement.screenshot({ path: join(artifactsDir, 'sidebar-thread.png') });
  await testInfo.attach('sidebar-thread', { body: screenshot, contentType: 'image/png' });
});

test('an overdue next step is shown in red', async ({ api, signedIn, gmailPage }) => {
  await seedHandedOffDeal(api.as('sdr'), RILEY, {
    toUserId: signedIn.user.id,
    dealTitle: 'Northwind support pilot',
    company: 'Northwind',
    discussed: 'Pricing for 40 seats.',
    nextStep: 'Send the order form',
    dueAt: new Date(Date.now() + 60 * 60 * 1000),
  });
  const [deal] = await api.as('sdr').listDeals();
  if (!deal) throw new Error('the seeded deal is missing');
  await api.as('manager').updateDeal(deal.id, { version: deal.version, nextStep: { dueAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString() } });

  await gmailPage.open(rileyRollout);
  const nextStep = gmailPage.sidebar.region('Next step');
  await expect(nextStep).toContainText('Send the order form');
  const overdue = nextStep.getByText('Overdue since');
  await expect(overdue).toBeVisible();
  const [red, green, blue] = (await overdue.evaluate((element) => getComputedStyle(element).color)).match(/\d+/g)?.map(Number) ?? [];
  expect(red, 'an overdue date is red').toBeGreaterThan(150);
  expect(Math.max(green ?? 255, blue ?? 255)).toBeLessThan(100);
});
