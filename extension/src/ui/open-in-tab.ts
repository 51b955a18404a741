import { browser } from 'wxt/browser';

/** Opens a Gmail address (a prospect, a notification's target) in a new tab beside the current one. */
export async function openInTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}
