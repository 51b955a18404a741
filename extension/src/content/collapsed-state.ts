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

/** Calls `onChange` when the collapsed state changes elsewhere (the keyboard shortcut, another tab). */
export function watchCollapsed(onChange: (collapsed: boolean) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change !== undefined) onChange(change.newValue === true);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

/** The keyboard shortcut: opens the panel if it is folded away, folds it otherwise. */
export async function toggleCollapsed(): Promise<void> {
  await saveCollapsed(!(await loadCollapsed()));
}
