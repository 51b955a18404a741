import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './baton-test.ts';
import { HOSTILE_PARAGRAPHS, HOSTILE_SUBJECT, MALLORY, hostileThread } from './fixtures/hostile.ts';
import type { SidebarPanel } from './pages/sidebar-panel.ts';
import { repoRoot } from './support/paths.ts';
import { seedContact } from './support/seed.ts';

/*
 * Markup inside an email is text a prospect typed, never code. These flows put script tags,
 * inline handlers and javascript: links in the subject, sender and body, log the thread, and fail
 * on any sign that one of them ran anywhere: a global marker, a console line, a dialog, or a
 * Content-Security-Policy violation (the extension pages refuse inline code, so markup that got
 * interpreted in the sidebar would at least trip its CSP).
 */

declare global {
  interface Window {
    __pwned?: unknown;
    __batonAlarmArmed?: boolean;
  }
}

/** Runs in every frame of the page before its own scripts: turns a CSP refusal into a console line. */
function armAlarm(): void {
  window.__batonAlarmArmed = true;
  document.addEventListener('securitypolicyviolation', (event) => {
    // zod probes for eval with a caught `new Function` when its first object schema is built; the
    // extension CSP refuses it. Markup from an email can only ever be refused as 'inline'.
    if (event.blockedURI === 'eval') return;
    console.error(`PWNED? CSP refused ${event.violatedDirective} in ${event.documentURI}: blocked ${event.blockedURI} from ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
  });
}

/** Every sign of script execution the page and its frames give, collected for one assertion at the end. */
async function watchForExecution(page: Page): Promise<string[]> {
  const alarms: string[] = [];
  await page.addInitScript(armAlarm);
  page.on('console', (message) => {
    if (/PWNED|Content Security Policy/i.test(message.text())) alarms.push(`console (${message.location().url}): ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    alarms.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return alarms;
}

/**
 * Elements that could run code or navigate to it, in a document and its open shadow roots:
 * inline scripts, scripts from anywhere but the extension, any `on*` attribute, javascript: URLs,
 * and frames or SVG that only markup from an email would have put there.
 */
function liveMarkup(): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'script') {
        const src = element.getAttribute('src');
        if (src === null || element.textContent?.trim() || !/^(chrome-extension:\/\/|\/)/.test(src)) found.push(element.outerHTML);
      }
      if (tag === 'svg' || tag === 'iframe' || tag === 'object' || tag === 'embed') {
        if (!(tag === 'iframe' && element.getAttribute('src')?.startsWith('chrome-extension://'))) found.push(element.outerHTML);
      }
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) found.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}

async function sidebarFrame(sidebar: SidebarPanel): Promise<Frame> {
  const frame = await (await sidebar.frameElement.elementHandle())?.contentFrame();
  if (!frame) throw new Error('The sidebar frame is not attached');
  return frame;
}

async function expectNothingRan(page: Page, sidebar: SidebarPanel, alarms: string[]): Promise<void> {
  const frame = await sidebarFrame(sidebar);
  expect(await frame.evaluate(() => window.__batonAlarmArmed), 'the CSP alarm is armed in the sidebar frame').toBe(true);
  expect(await page.evaluate(() => window.__pwned), 'no payload ran in the Gmail page').toBeUndefined();
  expect(await frame.evaluate(() => window.__pwned), 'no payload ran in the sidebar').toBeUndefined();
  expect(await frame.evaluate(liveMarkup), 'the sidebar holds no live markup').toEqual([]);
  expect(await page.evaluate(liveMarkup), 'the Gmail page holds no live markup').toEqual([]);
  expect(alarms, 'no console line, dialog or CSP refusal from a payload').toEqual([]);
}

test('an email full of markup is logged and shown as inert text, and nothing in it ever runs', async ({ api, signedIn, gmailPage }) => {
  const sdr = api.as('sdr');
  await seedContact(sdr, MALLORY, { company: 'Bad Actor Ltd' });
  const alarms = await watchForExecution(gmailPage.page);

  await gmailPage.open(hostileThread);
  const { sidebar } = gmailPage;
  await expect(sidebar.contactName).toHaveText(MALLORY.name);
  await sidebar.logThread();
  await expect(sidebar.syncBadge).toHaveText('Synced');

  const timeline = sidebar.region('Timeline');
  const entry = timeline.getByRole('listitem').filter({ hasText: HOSTILE_SUBJECT });
  await expect(entry.getByText(HOSTILE_SUBJECT, { exact: true })).toBeVisible();
  await expect(entry.getByText(`From ${MALLORY.name}`, { exact: true })).toBeVisible();
  await entry.getByRole('button', { name: /^Show text/ }).click();
  for (const paragraph of HOSTILE_PARAGRAPHS) await expect(entry.getByText(paragraph)).toBeVisible();

  await expectNothingRan(gmailPage.page, sidebar, alarms);

  // What reached the system of record is the same text, character for character.
  const [email, ...others] = await sdr.emailsOf(MALLORY.email);
  expect(others).toEqual([]);
  expect(email).toMatchObject({
    subject: HOSTILE_SUBJECT,
    body: HOSTILE_PARAGRAPHS.join('\n\n'),
    details: { from: { name: MALLORY.name, email: MALLORY.email } },
  });
});

test('the reader fixture with markup in the sender’s name stays text from "Add as contact" to the API', async ({ api, signedIn, gmailPage }) => {
  // The extension's own hostile reader fixture, served at the address its manifest gives it.
  const html = readFileSync(resolve(repoRoot, 'readers/src/gmail/fixtures/thread-hostile-text.html'), 'utf8');
  const alarms = await watchForExecution(gmailPage.page);
  const senderName = 'Mallory <img src=x onerror=alert(3)>';

  await gmailPage.openHtml(html, 'https://mail.google.com/mail/u/0/#inbox/19d0e1f2a3b4c5d6');
  const { sidebar } = gmailPage;
  const mallory = sidebar.participant('mallory@example.com');
  await expect(mallory.getByText(senderName)).toBeVisible();
  await mallory.getByRole('button', { name: 'Add as contact' }).click();
  const form = sidebar.frame.getByRole('form', { name: 'Add contact' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue(senderName);
  await form.getByRole('button', { name: 'Save contact' }).click();
  await expect(sidebar.contactName).toHaveText(senderName);

  await sidebar.logThread();
  const entry = sidebar.region('Timeline').getByRole('listitem').first();
  await expect(entry.getByText('Re: <script>alert("subject")</script> pricing', { exact: true })).toBeVisible();
  await entry.getByRole('button', { name: /^Show text/ }).click();
  await expect(entry.getByText('Try this: <img src=x onerror=alert(1)>')).toBeVisible();

  await expectNothingRan(gmailPage.page, sidebar, alarms);
  await expect(sidebar.syncBadge).toHaveText('Synced');
  const [email] = await api.as('sdr').emailsOf('mallory@example.com');
  expect(email).toMatchObject({
    subject: 'Re: <script>alert("subject")</script> pricing',
    body: 'Try this: <img src=x onerror=alert(1)>\nOr <a href="javascript:alert(2)">click here</a> and javascript:void(0)',
  });
});
