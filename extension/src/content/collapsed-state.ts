import { browser } from 'wxt/browser';

// The only state the page side keeps: whether the user folded the panel away.
const KEY = 'baton:ui:collapsed';

export async function loadCollapsed(): Promise<boolean> {
  const stored = await browser.storage.local.get(KEY);
  return stored[KEY] === true;
}

export async function saveCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [KEY]: collapsed });
}
