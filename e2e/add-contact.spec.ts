import { expect, test } from './baton-test.ts';
import { JAMIE, jamieIntro } from './fixtures/people.ts';

test('an unknown sender is added as a contact from the thread, then the thread is logged to them', async ({ api, signedIn, gmailPage }) => {
  const sdr = api.as('sdr');
  await gmailPage.open(jamieIntro);
  const { sidebar } = gmailPage;

  await expect(sidebar.region('Contact')).toContainText('Nobody on this thread is in Baton yet.');
  await expect(sidebar.logThreadButton).toHaveCount(0);

  await sidebar.addAsContact(JAMIE.email, { company: 'Contoso', title: 'Sales Operations Lead' });

  await expect(sidebar.contactName).toHaveText(JAMIE.name);
  await expect(sidebar.frame.getByRole('region', { name: JAMIE.name })).toContainText('Sales Operations Lead at Contoso');
  await expect(sidebar.participant(JAMIE.email)).toContainText('In Baton');
  await expect(sidebar.syncBadge).toHaveText('Synced');

  await expect.poll(() => sdr.contactsByEmail(JAMIE.email)).toEqual([
    expect.objectContaining({ name: JAMIE.name, emails: [JAMIE.email], company: 'Contoso', title: 'Sales Operations Lead' }),
  ]);
  const [contact] = await sdr.contactsByEmail(JAMIE.email);
  expect(contact?.ownerId).toBe(signedIn.user.id);

  await sidebar.logThread();
  await expect(sidebar.syncBadge).toHaveText('Synced');
  const emails = await sdr.emailsOf(JAMIE.email);
  expect(emails).toHaveLength(1);
  expect(emails[0]).toMatchObject({ contactId: contact?.id, subject: jamieIntro.subject });
});

test('an unknown sender is added and the thread logged to them in one click, from the contact section', async ({ api, signedIn, gmailPage }) => {
  const sdr = api.as('sdr');
  await gmailPage.open(jamieIntro);
  const { sidebar } = gmailPage;
  await sidebar.region('Contact').getByRole('button', { name: `Add ${JAMIE.name} and log thread` }).click();

  await expect(sidebar.contactName).toHaveText(JAMIE.name);
  await expect(sidebar.region('Timeline').getByRole('listitem')).toHaveCount(1);
  await expect(sidebar.syncBadge).toHaveText('Synced');
  const [contact] = await sdr.contactsByEmail(JAMIE.email);
  expect(contact).toMatchObject({ name: JAMIE.name, ownerId: signedIn.user.id });
  await expect.poll(async () => (await sdr.emailsOf(JAMIE.email)).map((email) => email.subject)).toEqual([jamieIntro.subject]);
});
