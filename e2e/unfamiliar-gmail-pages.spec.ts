import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GMAIL_FIXTURES, gmailFixtureHtml } from '@baton/readers/gmail/fixtures';
import { expect, test } from './baton-test.ts';
import { artifactsDir } from './support/paths.ts';
import { seedContact } from './support/seed.ts';

/*
 * Gmail pages Baton has never seen (issue 12): the brief is found by the people on the thread, so
 * it shows whatever spelling the ids are in; only logging needs every message's identity. The
 * pages are the readers' own hand-made fixtures, served at their Gmail addresses.
 */

test.use({ signedInAs: 'ae' });

const JONAS = { name: 'Jonas Käufer', email: 'jonas.kaeufer@beispiel.test' };
const IVAN = { name: 'Иван Закупки', email: 'ivan.zakupki@primer.test' };

test('a thread whose ids are in no known spelling still shows the prospect and can be logged', async ({ api, signedIn, gmailPage }) => {
  expect(signedIn.user.role).toBe('ae');
  await seedContact(api.as('ae'), JONAS, { company: 'Beispiel GmbH' });
  await gmailPage.openHtml(gmailFixtureHtml('thread-unknown-ids'), GMAIL_FIXTURES['thread-unknown-ids'].url);
  const { sidebar } = gmailPage;

  await expect(sidebar.contactName).toHaveText(JONAS.name);
  await expect(sidebar.frame.getByRole('region', { name: JONAS.name })).toContainText('Beispiel GmbH');
  // The ids are kept as the page wrote them: the same message is the same activity next time.
  await sidebar.logThreadButton.click();
  await expect(sidebar.frame.getByRole('status').filter({ hasText: 'Thread logged (2 messages added)' })).toBeVisible();
  await expect(sidebar.frame.getByText("Baton can't read this page")).toHaveCount(0);
});

test('messages without ids: the brief shows, logging says why not, and a support report can be copied', async ({ api, signedIn, gmailPage }, testInfo) => {
  expect(signedIn.user.role).toBe('ae');
  await seedContact(api.as('ae'), IVAN, { company: 'Primer' });
  await gmailPage.openHtml(gmailFixtureHtml('thread-no-message-ids-ru'), GMAIL_FIXTURES['thread-no-message-ids-ru'].url);
  const { sidebar } = gmailPage;

  await expect(sidebar.contactName).toHaveText(IVAN.name);
  await expect(sidebar.frame.getByText(/Baton can't log this thread: Gmail shows these messages without an id/)).toBeVisible();
  await expect(sidebar.logThreadButton).toHaveCount(0);
  // Manual entry is there instead.
  await expect(sidebar.frame.getByRole('button', { name: 'Add note' })).toBeVisible();

  await sidebar.frame.getByText('Baton could not read everything on this page').click();
  const missing = sidebar.frame.getByRole('list', { name: 'Not read from Gmail' });
  await expect(missing).toContainText('message 1: id');
  await expect(missing).toContainText('message 2: date');
  await sidebar.frame.getByRole('button', { name: 'Copy a report for support' }).click();
  await expect(sidebar.frame.getByRole('status').filter({ hasText: /Report copied|copy it/ })).toBeVisible();
  const report = await sidebar.frame.getByRole('textbox', { name: 'Support report' }).inputValue();
  expect(report).toContain('BATON SUPPORT REPORT v1');
  expect(report).toContain('"field":"messages.1.date"');
  for (const personal of ['Иван', 'zakupki', 'primer.test', 'sam.seller', 'Добрый']) expect(report).not.toContain(personal);

  // For people, not assertions: what a partly read thread looks like.
  mkdirSync(artifactsDir, { recursive: true });
  const screenshot = await sidebar.frameElement.screenshot({ path: join(artifactsDir, 'sidebar-partial-read.png') });
  await testInfo.attach('sidebar-partial-read', { body: screenshot, contentType: 'image/png' });
});
