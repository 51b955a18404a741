import { GMAIL_FIXTURES, gmailFixtureHtml } from '@baton/readers/gmail/fixtures';
import { expect, test } from './baton-test.ts';
import { RILEY, TAYLOR, taylorRenewal } from './fixtures/people.ts';
import { seedContact, seedHandedOffDeal } from './support/seed.ts';

test.use({ signedInAs: 'ae' });

const DAY = 24 * 60 * 60 * 1000;

test('outside a thread the panel lists the handoffs waiting for me and my overdue next steps', async ({ api, signedIn, gmailPage }) => {
  await seedHandedOffDeal(api.as('sdr'), RILEY, {
    toUserId: signedIn.user.id,
    dealTitle: 'Northwind support pilot',
    company: 'Northwind',
    discussed: 'Support team first.',
    nextStep: 'Kickoff call',
    dueAt: new Date(Date.now() + 3 * DAY),
  });
  const ae = api.as('ae');
  const taylor = await seedContact(ae, TAYLOR, { company: 'Fabrikam' });
  const renewal = await ae.createDeal({ contactId: taylor.id, title: 'Fabrikam renewal' });
  await ae.updateDeal(renewal.id, { version: renewal.version, nextStep: { what: 'Send the renewal quote', dueAt: new Date(Date.now() - 2 * DAY).toISOString() } });

  await gmailPage.openHtml(gmailFixtureHtml('inbox-list'), GMAIL_FIXTURES['inbox-list'].url);
  const { sidebar } = gmailPage;
  const waiting = sidebar.frame.getByRole('region', { name: 'My handoffs' });
  await expect(waiting).toContainText(RILEY.name);
  await expect(waiting).toContainText(`From ${api.users.sdr.user.name}`);
  const overdue = sidebar.region('Overdue next steps');
  await expect(overdue).toContainText('Fabrikam renewal');
  await expect(overdue).toContainText('Send the renewal quote');
  await expect(overdue).toContainText('was due');
  // Riley's kickoff is not due yet: it is not listed as overdue.
  await expect(overdue).not.toContainText('Kickoff call');
});

test('"Log call" on a contact is saved at once and reaches the API with its duration and outcome', async ({ api, signedIn, gmailPage }) => {
  expect(signedIn.user.role).toBe('ae');
  await seedContact(api.as('ae'), TAYLOR, { company: 'Fabrikam' });
  await gmailPage.open(taylorRenewal);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(TAYLOR.name);

  await sidebar.region('Quick log').getByRole('button', { name: 'Log call' }).click();
  const form = sidebar.frame.getByRole('form', { name: 'Log call' });
  await form.getByLabel('What was discussed').fill('Renewal scope: 60 seats, SSO add-on');
  await form.getByLabel('Minutes').fill('25');
  await form.getByLabel('Outcome').fill('Quote by Friday');
  await form.getByRole('button', { name: 'Save call' }).click();

  await expect(sidebar.region('Timeline')).toContainText('Renewal scope: 60 seats, SSO add-on');
  await expect
    .poll(async () => {
      const [contact] = await api.as('ae').contactsByEmail(TAYLOR.email);
      return contact ? (await api.as('ae').timeline(contact.id)).filter((activity) => activity.type === 'call') : [];
    })
    .toEqual([expect.objectContaining({ details: expect.objectContaining({ durationMinutes: 25, outcome: 'Quote by Friday' }) })]);
});
