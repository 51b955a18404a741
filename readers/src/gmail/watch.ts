import { resultIdentity } from './identity.ts';
import { readGmailPage } from './read-page.ts';
import type { GmailReadResult } from './types.ts';

export interface WatchGmailOptions {
  signal: AbortSignal;
  /** Quiet time after the last DOM mutation or navigation before re-reading. */
  debounceMs?: number;
}

/**
 * Calls `onChange` with the current read now, then whenever navigation or DOM changes produce a
 * different page identity. Gmail signals navigation both by hash changes and by DOM swaps, and
 * mutates the DOM constantly, hence the debounce and the identity check. Everything stops when
 * `signal` aborts.
 */
export function watchGmail(
  win: Window,
  onChange: (result: GmailReadResult) => void,
  { signal, debounceMs = 200 }: WatchGmailOptions,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastIdentity: string | null = null;

  const emitIfChanged = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    // The address is read at emit time, not when the change was noticed: the thread id must come
    // from where the user is now, or a stale thread's DOM could be shown under the new address.
    const result = readGmailPage(win.document, win.location.href);
    const identity = resultIdentity(result);
    if (identity === lastIdentity) return;
    lastIdentity = identity;
    onChange(result);
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(emitIfChanged, debounceMs);
  };

  // Listeners are removed by hand, not via `{ signal }`: the signal may come from another realm
  // (a jsdom window, or the extension's world) and the DOM rejects foreign signals.
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  // The observer must come from the page's own realm (jsdom windows and content scripts differ).
  const { MutationObserver: Observer } = win as Window & typeof globalThis;
  const observer = new Observer(schedule);
  observer.observe(win.document.body ?? win.document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-legacy-thread-id', 'data-thread-perm-id', 'data-message-id', 'class', 'style', 'hidden'],
  });
  signal.addEventListener(
    'abort',
    () => {
      win.removeEventListener('hashchange', schedule);
      win.removeEventListener('popstate', schedule);
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  emitIfChanged();
}
