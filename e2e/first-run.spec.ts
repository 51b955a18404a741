import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './baton-test.ts';
import { rileyRollout } from './fixtures/people.ts';
import { GmailPage } from './pages/gmail-page.ts';
import { CHROMIUM, prepareExtension } from './support/extension.ts';
import { artifactsDir } from './support/paths.ts';
import { GmailServer, routeSites } from './support/site-routes.ts';

/*
 * Installing Baton into a browser that already has Gmail open: the open tab gets the sidebar
 * without a reload, and a welcome page says what Baton does and what to do next. The extension
 * is installed the way a rep's browser does it at runtime (CDP Extensions.loadUnpacked), not at
 * launch, so the tab really predates it.
 */
test('installing Baton opens the welcome page and gives an already-open Gmail tab the sidebar', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-first-run-'));
  const extensionDir = prepareExtension(join(dir, 'extension'));
  // Chromium started as a rep's browser is, then driven over CDP: extensions can be installed into it while it runs.
  const chrome = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--enable-unsafe-extension-debugging', '--remote-debugging-port=0', `--user-data-dir=${join(dir, 'profile')}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolveEndpoint, reject) => {
    let seen = '';
    chrome.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found?.[1]) resolveEndpoint(found[1]);
    });
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${String(code)}): ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  try {
    const gmail = new GmailServer();
    await routeSites(context, gmail);
    const gmailPage = new GmailPage(await context.newPage(), gmail);
    await gmailPage.open(rileyRollout);
    await expect(gmailPage.page.getByRole('heading', { name: rileyRollout.subject })).toBeVisible();
    await expect(gmailPage.sidebar.frameElement).toHaveCount(0);

    const welcomeOpened = context.waitForEvent('page', (page) => page.url().endsWith('/welcome.html'));
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never);

    const welcome = await welcomeOpened;
    await expect(welcome.getByRole('heading', { name: 'Welcome to Baton' })).toBeVisible();
    await expect(welcome.getByRole('region', { name: 'Next step' })).toContainText('connect Baton to your team');
    await expect(welcome.getByRole('button', { name: 'Open Baton options' })).toBeVisible();
    await welcome.screenshot({ path: join(artifactsDir, 'welcome.png') });

    // The tab from before the install has the sidebar now, with no reload.
    await expect(gmailPage.sidebar.frameElement).toHaveCount(1);
    await expect(gmailPage.sidebar.frame.getByRole('button', { name: 'Open Baton options' })).toBeVisible();
  } finally {
    await browser.close();
    chrome.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
