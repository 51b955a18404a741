import type { Route } from '@playwright/test';
import { expect, test } from './baton-test.ts';
import { RILEY, rileyRollout, TAYLOR, taylorRenewal } from './fixtures/people.ts';
import { RenderRecorder } from './support/render-recorder.ts';
import { seedContact } from './support/seed.ts';

test.beforeEach(async ({ api }) => {
  const sdr = api.as('sdr');
  const riley = await seedContact(sdr, RILEY, { company: 'Northwind' });
  await sdr.createDeal({ contactId: riley.id, title: 'Northwind support pilot' });
  const taylor = await seedContact(sdr, TAYLOR, { company: 'Fabrikam' });
  await sdr.createDeal({ contactId: taylor.id, title: 'Fabrikam renewal' });
});

test('moving between two threads never shows the first thread’s contact on the second', async ({ signedIn, gmailPage }) => {
  const { sidebar } = gmailPage;
  await gmailPage.open(rileyRollout);
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  const recorder = await RenderRecorder.start(sidebar.frameElement);

  await gmailPage.navigateTo(taylorRenewal);
  await expect(sidebar.contactName).toHaveText(TAYLOR.name);
  await expect(sidebar.frame.getByText('Deal: Fabrikam renewal')).toBeVisible();

  // Back and forth faster than anyone reads: the panel must settle on the thread that is open.
  await gmailPage.navigateTo(rileyRollout);
  await gmailPage.navigateTo(taylorRenewal);
  await gmailPage.navigateTo(rileyRollout);
  await gmailPage.navigateTo(taylorRenewal);
  await expect(sidebar.contactName).toHaveText(TAYLOR.name);
  await expect(sidebar.participant(TAYLOR.email)).toBeVisible();
  await expect(sidebar.participant(RILEY.email)).toHaveCount(0);
  await expect(sidebar.frame.getByText(RILEY.name)).toHaveCount(0);

  const renders = await recorder.renders();
  const mixed = renders.filter((text) => text.includes(RILEY.name) && text.includes(TAYLOR.name));
  expect(mixed, 'no render shows both threads’ people').toEqual([]);
  // The sidebar frame is the same document throughout: Gmail navigation does not reload it.
  expect(renders[0]).toContain(RILEY.name);
});

test('a slow answer about the first thread never lands on the second one', async ({ api, signedIn, gmailPage, extensionContext }) => {
  // Hold the API's answer about Riley until the rep has already moved on to Taylor's thread.
  const aboutRiley = (url: URL) => url.origin === api.url && url.pathname === '/v1/brief' && url.searchParams.get('email') === RILEY.email;
  const held: Route[] = [];
  await extensionContext.route(aboutRiley, (route) => {
    held.push(route);
  });
  const { sidebar } = gmailPage;
  await gmailPage.open(rileyRollout);
  await expect.poll(() => held.length, { message: 'the sidebar asked the API about Riley' }).toBeGreaterThan(0);
  const recorder = await RenderRecorder.start(sidebar.frameElement);

  await gmailPage.navigateTo(taylorRenewal);
  await expect(sidebar.contactName).toHaveText(TAYLOR.name);

  const answered = extensionContext.waitForEvent('requestfinished', (request) => aboutRiley(new URL(request.url())));
  await extensionContext.unroute(aboutRiley);
  for (const route of held) await route.continue();
  await answered;

  await expect(sidebar.contactName).toHaveText(TAYLOR.name);
  await expect(sidebar.frame.getByText(RILEY.name)).toHaveCount(0);
  const renders = await recorder.renders();
  expect(renders[0], 'the recorder saw the sidebar looking Riley up').toContain(RILEY.name);
  expect(await recorder.staleAfter(TAYLOR.name, RILEY.name), 'Riley never shows once Taylor’s thread is open').toEqual([]);
});
