import { expect, test } from './baton-test.ts';
import { RILEY, rileyRollout } from './fixtures/people.ts';
import { OptionsPage } from './pages/options-page.ts';
import { seedContact } from './support/seed.ts';

const TOKEN_REJECTED = 'Token rejected — paste a new one in Options';

/*
 * One source of truth for the connection: the sidebar's header, the notice over the contact and
 * the popup say the same thing while the API is down, after it is back, and once the token is
 * revoked.
 */
test('the header, the card and the popup agree while the API is down, once it is back, after the token is revoked and with a new one', async ({ api, signedIn, gmailPage, popupPage, extensionContext, extensionId }) => {
  expect(signedIn.user.role).toBe('sdr');
  await seedContact(api.as('sdr'), RILEY, { company: 'Northwind' });
  await gmailPage.open(rileyRollout);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  await expect(sidebar.syncBadge).toHaveText('Synced');
  await popupPage.open();
  const popupBadge = popupPage.page.getByRole('status').first();
  await expect(popupBadge).toHaveText('Synced');

  await api.stop();
  // The rep reloads Gmail: the brief cannot be refreshed, and nothing may claim "Synced" over it.
  await gmailPage.page.reload();
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  const notice = sidebar.frame.getByRole('status').filter({ hasText: /^Showing what this device knows/ });
  await expect(notice).toContainText('API unreachable');
  await expect(sidebar.syncBadge).toHaveText('API unreachable');
  await expect(popupBadge).toHaveText('API unreachable');

  await api.start();
  await sidebar.frame.getByRole('banner').getByRole('button', { name: 'Try again' }).click();
  await expect(sidebar.syncBadge).toHaveText('Synced');
  await expect(popupBadge).toHaveText('Synced');
  // The notice about the outage goes with it: the brief was read again.
  await expect(notice).toHaveCount(0);

  await api.revokeTokens('sdr');
  await gmailPage.page.reload();
  await expect(sidebar.syncBadge).toHaveText(TOKEN_REJECTED);
  await expect(popupBadge).toHaveText(TOKEN_REJECTED);
  await expect(popupPage.page.getByRole('button', { name: 'Open Options' })).toBeVisible();
  await expect(sidebar.frame.getByRole('banner').getByRole('button', { name: 'Open Options' })).toBeVisible();

  // A new token, made with the CLI while the server runs, puts everything right again.
  const fresh = await api.createToken('sdr');
  const optionsPage = new OptionsPage(await extensionContext.newPage(), extensionId);
  await optionsPage.open();
  await optionsPage.configure(api.url, fresh);
  await optionsPage.expectSignedInAs(signedIn.user.name);
  await expect(sidebar.syncBadge).toHaveText('Synced');
  await expect(popupBadge).toHaveText('Synced');
});
