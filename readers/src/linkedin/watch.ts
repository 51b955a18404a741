import { linkedinSlug } from '@baton/shared';
import { readLinkedinPage } from './read-page.ts';
import { STALE_PROFILE_REASON } from './read-profile.ts';
import type { LinkedinProfile, LinkedinReadResult } from './types.ts';

/** What the watcher needs from a window: a content script's `window` or a jsdom window. */
export type WatchedWindow = Pick<Window, 'location' | 'document' | 'addEventListener' | 'removeEventListener'> & {
  readonly MutationObserver: typeof MutationObserver;
};

export interface WatchOptions {
  readonly signal: AbortSignal;
  /** Quiet time after the last DOM mutation before re-reading. */
  readonly debounceMs?: number;
}

const WATCHED_ATTRIBUTES = ['href', 'src', 'class', 'id', 'aria-label'];

/**
 * Calls `onChange` with the current page right away, then whenever the profile identity or fields
 * change. LinkedIn navigates with pushState (no event), so DOM mutations are the main signal.
 */
export function watchLinkedin(
  win: WatchedWindow,
  onChange: (result: LinkedinReadResult) => void,
  { signal, debounceMs = 250 }: WatchOptions,
): void {
  if (signal.aborted) return;
  // Continuous mutations (animations, typing indicators) must not postpone the read forever.
  const maxWaitMs = Math.max(debounceMs * 4, 1000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingSince: number | null = null;
  let lastKey: string | null = null;
  let lastProfile: LinkedinProfile | null = null;

  const read = (): void => {
    timer = undefined;
    pendingSince = null;
    if (signal.aborted) return;
    const href = win.location.href;
    const result = distrustLeftovers(readLinkedinPage(win.document, href), lastProfile);
    // The URL is the identity; if it moved on while reading, this result belongs to no one.
    if (result.kind === 'profile' && result.slug !== linkedinSlug(win.location.href)) {
      schedule();
      return;
    }
    const key = changeKey(result);
    if (key === lastKey) return;
    lastKey = key;
    if (result.kind === 'profile') lastProfile = result;
    onChange(result);
  };

  const schedule = (): void => {
    if (signal.aborted) return;
    const now = Date.now();
    pendingSince ??= now;
    if (timer !== undefined) {
      if (now - pendingSince >= maxWaitMs) return;
      clearTimeout(timer);
    }
    timer = setTimeout(read, debounceMs);
  };

  const observer = new win.MutationObserver(schedule);
  observer.observe(win.document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  win.addEventListener('popstate', schedule);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      win.removeEventListener('popstate', schedule);
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  read();
}

/**
 * Without a contact-info link the reader cannot see that the DOM is stale; a "new" person whose
 * every field equals the previous one's is the old top card under the new URL.
 */
function distrustLeftovers(result: LinkedinReadResult, previous: LinkedinProfile | null): LinkedinReadResult {
  if (result.kind !== 'profile' || previous === null || result.slug === previous.slug) return result;
  if (result.matched['slug'] !== 'url') return result;
  const fields = ['name', 'headline', 'company', 'title', 'location', 'photoUrl'] as const;
  const same = fields.every((field) => result[field] === previous[field]);
  return same ? { kind: 'not_recognised', reason: STALE_PROFILE_REASON } : result;
}

/** Which selector matched is diagnostics, not a change the sidebar should re-render for. */
function changeKey(result: LinkedinReadResult): string {
  if (result.kind !== 'profile') return JSON.stringify(result);
  const { matched: _matched, ...fields } = result;
  return JSON.stringify(fields);
}
