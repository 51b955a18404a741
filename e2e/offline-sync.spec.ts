import { expect, test } from './baton-test.ts';
import { JAMIE, jamieIntro, RILEY, rileyRollout } from './fixtures/people.ts';
import { seedContact } from './support/seed.ts';

const UNREACHABLE = 'API unreachable — your work is saved on this device';

test('with the API down, work is saved on this device and arrives exactly once when the API is back', async ({ api, signedIn, gmailPage }) => {
  const sdr = api.as('sdr');
  await seedContact(sdr, RILEY, { company: 'Northwind' });
  await gmailPage.open(rileyRollout);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  await expect(sidebar.syncBadge).toHaveText('Synced');

  await api.stop();

  await sidebar.logThread();
  await expect(sidebar.frame.getByRole('status').filter({ hasText: /^Thread logged/ })).toHaveText('Thread logged (3 messages added)');
  await expect(sidebar.syncBadge).toHaveText(UNREACHABLE);

  await sidebar.addNote('Prefers a Friday kickoff; loop in their IT lead.');
  await expect(sidebar.region('Timeline').getByRole('listitem')).toHaveCount(4);

  // A stranger on another thread: added as a contact and logged while the API is still down.
  await gmailPage.navigateTo(jamieIntro);
  await expect(sidebar.region('Contact')).toContainText('Nobody on this thread is in Baton yet.');
  await sidebar.addAsContact(JAMIE.email, { company: 'Contoso' });
  await expect(sidebar.contactName).toHaveText(JAMIE.name);
  await sidebar.logThread();
  await expect(sidebar.syncBadge).toHaveText(UNREACHABLE);

  // Nothing reached the server meanwhile, and pressing "Sync now" against a dead API keeps it all.
  await sidebar.syncNow();
  await expect(sidebar.syncBadge).toHaveText(UNREACHABLE);

  await api.start();
  expect(await sdr.contactsByEmail(JAMIE.email)).toEqual([]);
  await sidebar.syncNow();
  await expect(sidebar.syncBadge).toHaveText('Synced');

  const riley = await sdr.timeline((await sdr.contactsByEmail(RILEY.email))[0]?.id ?? '');
  expect(riley.filter((activity) => activity.type === 'email')).toHaveLength(3);
  expect(riley.filter((activity) => activity.type === 'note').map((note) => note.body)).toEqual(['Prefers a Friday kickoff; loop in their IT lead.']);
  expect(new Set(riley.map((activity) => activity.id)).size).toBe(riley.length);

  const jamie = await sdr.contactsByEmail(JAMIE.email);
  expect(jamie).toHaveLength(1);
  expect(jamie[0]).toMatchObject({ name: JAMIE.name, company: 'Contoso', ownerId: signedIn.user.id });
  expect(await sdr.emailsOf(JAMIE.email)).toHaveLength(1);
});

test('work saved while the API was down is sent by itself when the browser starts again', async ({ api, newDevice }) => {
  const sdr = api.as('sdr');
  await seedContact(sdr, RILEY, { company: 'Northwind' });
  const device = await newDevice();
  await device.gmailPage.open(rileyRollout);
  await expect(device.gmailPage.sidebar.contactName).toHaveText(RILEY.name);

  await api.stop();
  await device.gmailPage.sidebar.logThread();
  await expect(device.gmailPage.sidebar.syncBadge).toHaveText(UNREACHABLE);

  // The rep quits the browser; by the next morning the API is back.
  const restarted = await device.restart(() => api.start());

  await expect.poll(async () => (await sdr.emailsOf(RILEY.email)).length, { timeout: 30_000 }).toBe(3);
  await restarted.gmailPage.open(rileyRollout);
  await expect(restarted.gmailPage.sidebar.syncBadge).toHaveText('Synced');
  await expect(restarted.gmailPage.sidebar.frame.getByRole('status').filter({ hasText: /^Thread logged/ })).toHaveText('Thread logged');
  expect(await sdr.emailsOf(RILEY.email)).toHaveLength(3);
});
