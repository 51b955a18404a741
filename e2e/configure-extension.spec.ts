import { expect, test } from './baton-test.ts';

test('a rep connects the extension on the options page and is told who they are signed in as', async ({ api, optionsPage, popupPage }) => {
  const { user, token } = api.users.ae;
  await optionsPage.open();

  await optionsPage.configure(api.url, 'baton_not-a-real-token');
  await expect(optionsPage.status).toContainText('The token was rejected');

  await optionsPage.token.fill(token);
  await optionsPage.save();
  await optionsPage.expectSignedInAs(user.name);
  // The never-log list starts with the rep's own company domain, so colleagues are never logged.
  await expect(optionsPage.neverLogDomains).toHaveValue(user.email.split('@')[1] ?? '');
  await expect(optionsPage.autoLog).not.toBeChecked();

  await optionsPage.page.reload();
  await optionsPage.testConnection();
  await optionsPage.expectSignedInAs(user.name);

  await popupPage.open();
  await expect(popupPage.text(user.name)).toBeVisible();
});

test('"Test connection" says when the API cannot be reached', async ({ api, optionsPage }) => {
  await optionsPage.open();
  await optionsPage.configure(api.url, api.users.sdr.token);
  await optionsPage.expectSignedInAs(api.users.sdr.user.name);

  await api.stop();
  await optionsPage.testConnection();
  await expect(optionsPage.status).toContainText(`Cannot reach ${api.url}`);

  await api.start();
  await optionsPage.testConnection();
  await optionsPage.expectSignedInAs(api.users.sdr.user.name);
});
