import { browser } from 'wxt/browser';
import { toggleCollapsed } from '../content/collapsed-state.ts';

/** The pages Baton works in; the same patterns as the content scripts' `matches`. */
const SITE_TABS = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

/**
 * Gmail and LinkedIn tabs open before the install get the sidebar now, without a reload: each
 * manifest content script is injected into the open tabs it matches. A tab that cannot take it
 * (discarded, an error page) gets it on its next load as usual.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  let injected = 0;
  for (const tab of await browser.tabs.query({ url: SITE_TABS })) {
    if (tab.id === undefined || tab.url === undefined || tab.discarded === true) continue;
    const url = tab.url;
    const files = scripts.filter((script) => (script.matches ?? []).some((pattern) => matches(pattern, url))).flatMap((script) => script.js ?? []);
    if (files.length === 0) continue;
    try {
      // The manifest's own content-script paths: public paths of this build.
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: files as NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']> });
      injected += 1;
    } catch (error) {
      console.info(`[baton] tab ${tab.id} gets the sidebar on its next load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return injected;
}

/** A match pattern of the form `https://host/*` (the only kind Baton's content scripts use). */
export function matches(pattern: string, url: string): boolean {
  const found = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!found) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${found[1]}:` && parsed.host === found[2];
  } catch {
    return false;
  }
}

/** First install: the welcome page says what Baton does and what to do next; open tabs get the sidebar. */
export function watchFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch((error: unknown) => console.warn('[baton] the welcome page did not open', error));
    injectIntoOpenTabs().catch((error: unknown) => console.warn('[baton] open tabs not given the sidebar', error));
  });
}

/** The manifest's `toggle-sidebar` command (Alt+Shift+B unless the rep changed it) opens or folds the sidebar. */
export function watchShortcut(): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === 'toggle-sidebar') toggleCollapsed().catch((error: unknown) => console.warn('[baton] the sidebar shortcut failed', error));
  });
}
