import { expect, test } from './baton-test.ts';
import { threadPageHtml, threadUrl } from './fixtures/gmail-thread.ts';
import { withHostSpy, type SpyReport } from './fixtures/host-page-spy.ts';
import { RILEY, rileyRollout } from './fixtures/people.ts';
import { newId } from './support/api-http.ts';
import { seedContact } from './support/seed.ts';

/*
 * Gmail's own scripts share the page with the content script. The brief is CRM data and must live
 * only in the extension-origin frame: a script of the host page that searches everything it can
 * reach — open shadow roots included — must come back empty-handed while the sidebar shows it all.
 */

const SECRET = {
  company: 'ZEBRA-COMPANY-1717',
  deal: 'ZEBRA-DEAL-7319 support pilot',
  discussed: 'ZEBRA-DISCUSSED-2323: 40 seats, SSO',
  objections: 'ZEBRA-OBJECTION-5150: the price per seat',
  budget: 'ZEBRA-BUDGET-4242',
  note: 'ZEBRA-NOTE-8080: prefers calls on Tuesdays',
};
const SECRET_NEEDLES = ['ZEBRA-COMPANY-1717', 'ZEBRA-DEAL-7319', 'ZEBRA-DISCUSSED-2323', 'ZEBRA-OBJECTION-5150', 'ZEBRA-BUDGET-4242', 'ZEBRA-NOTE-8080'];
// What the page itself shows (in its own DOM and in the panel's open shadow root): proof the spy looks where it claims to.
const CONTROL_NEEDLES = ['Northwind pilot', 'Open Baton panel'];

test.use({ signedInAs: 'ae' });

test('a script of the Gmail page that searches its whole DOM, shadow roots and frames cannot find the brief', async ({ api, signedIn, gmailPage }) => {
  const sdr = api.as('sdr');
  const contact = await seedContact(sdr, RILEY, { company: SECRET.company, title: 'Head of Support' });
  const deal = await sdr.createDeal({ contactId: contact.id, title: SECRET.deal, stage: 'qualified' });
  await sdr.logActivities([{ id: newId(), contactId: contact.id, dealId: deal.id, type: 'note', occurredAt: new Date().toISOString(), body: SECRET.note }]);
  await sdr.handoff(deal.id, {
    kind: 'sdr_to_ae',
    toUserId: signedIn.user.id,
    version: deal.version,
    trigger: 'Asked for a pilot after the webinar',
    discussed: SECRET.discussed,
    objections: SECRET.objections,
    qualification: { budget: SECRET.budget, authority: 'Riley signs off', need: 'Support backlog', timeline: 'Pilot in April' },
    nextStep: { what: 'Kickoff call', dueAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString() },
    warmIntro: 'intro_email',
  });

  await gmailPage.openHtml(withHostSpy(threadPageHtml(rileyRollout), [...SECRET_NEEDLES, ...CONTROL_NEEDLES]), threadUrl(rileyRollout));
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(RILEY.name);
  const timeline = sidebar.region('Timeline');
  const showText = timeline.getByRole('button', { name: /^Show text/ });
  await expect(showText.first()).toBeVisible();
  // Each click turns its button into "Hide text", so the first one left is always the next to open.
  while ((await showText.count()) > 0) await showText.first().click();
  // Everything the spy hunts for is on screen in the sidebar before it looks.
  const shown = sidebar.frame.locator('body');
  for (const text of [SECRET.company, SECRET.deal, SECRET.discussed, SECRET.objections, SECRET.budget, SECRET.note]) {
    await expect(shown).toContainText(text);
  }

  // page.evaluate runs in the page's main world, where Gmail's own scripts run.
  const searchesBefore = await gmailPage.page.evaluate(() => window.__hostSpy?.searches ?? 0);
  await gmailPage.page.evaluate(() => document.dispatchEvent(new Event('host-spy:search')));
  const report: SpyReport | undefined = await gmailPage.page.evaluate(() => window.__hostSpy);
  if (!report) throw new Error('The spy script did not run in the Gmail page');
  expect(report.searches).toBeGreaterThan(searchesBefore);

  const secretsFound = report.found.filter((hit) => SECRET_NEEDLES.some((needle) => hit.startsWith(needle)));
  expect(secretsFound, 'the host page found no CRM data').toEqual([]);
  expect(report.found, 'the spy does see what the page shows').toContain('Northwind pilot in document text');
  expect(report.found, 'the spy walks the panel’s open shadow root').toContain('Open Baton panel in document #shadow(baton-sidebar) <button aria-label>');
  expect(report.shadowRoots).toBeGreaterThanOrEqual(1);
  const extensionFrames = report.frames.filter((frame) => frame.src.startsWith('chrome-extension://'));
  expect(extensionFrames, 'the spy reached the sidebar frame element').toHaveLength(1);
  expect(extensionFrames[0], 'but could not open its document').toMatchObject({ readable: false });
  expect(extensionFrames[0]?.refusal).toMatch(/SecurityError|contentDocument is null/);
  // The address the spy can read holds no secret: the nonce is posted to the frame's window.
  expect(extensionFrames[0]?.src, 'the sidebar address carries no nonce').not.toMatch(/#|[A-Za-z0-9_-]{22}$/);
});

test('a copy of the sidebar that the Gmail page frames itself stays empty, even handed a nonce', async ({ api, signedIn, gmailPage }) => {
  expect(signedIn.user.role).toBe('ae');
  await seedContact(api.as('sdr'), RILEY, { company: 'Northwind', title: 'Head of Support' });
  await gmailPage.openHtml(threadPageHtml(rileyRollout), threadUrl(rileyRollout));
  await expect(gmailPage.sidebar.contactName).toHaveText(RILEY.name);

  // The page reads the frame's address through the panel's open shadow root and frames a copy,
  // posting it a nonce of its own making once it loads.
  await gmailPage.page.evaluate(() => {
    const genuine = document.querySelector('baton-sidebar')?.shadowRoot?.querySelector('iframe');
    if (!genuine) throw new Error('no sidebar frame to copy');
    const copy = document.createElement('iframe');
    copy.id = 'page-made-copy';
    copy.title = 'Copy made by the page';
    copy.src = genuine.src;
    copy.addEventListener('load', () => copy.contentWindow?.postMessage({ type: 'baton-nonce', nonce: 'AAAAAAAAAAAAAAAAAAAAAA' }, '*'));
    document.body.append(copy);
  });
  const copy = gmailPage.page.locator('#page-made-copy').contentFrame();
  await expect(copy.getByRole('alert')).toHaveText('This page must be opened by Baton inside Gmail or LinkedIn.');
  await expect(copy.locator('body')).not.toContainText(RILEY.name);
  // The genuine sidebar is untouched.
  await expect(gmailPage.page.locator('baton-sidebar iframe').contentFrame().getByRole('heading', { level: 1 })).toHaveText(RILEY.name);
});
