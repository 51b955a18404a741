import { isShown, type Found } from './dom.ts';
import { describeFallback, GMAIL_SELECTORS } from './selectors.ts';
import { decodeThreadToken, normalizeThreadId } from './thread-id.ts';

export type ThreadIdRead =
  | { ok: true; threadId: string; via: string }
  | { ok: false; code: 'thread_id_missing' | 'stale_thread'; reason: string };

const ATTRIBUTES = [
  { key: 'legacyThreadId', attribute: 'data-legacy-thread-id' },
  { key: 'permThreadId', attribute: 'data-thread-perm-id' },
] as const;

/**
 * The open thread's id from the page, heading first. List rows carry thread ids too (in reading-pane
 * mode they share the main view), so ids inside a list row never count.
 */
function threadIdFromDom(main: Element, heading: Element | null): Found<string> | null {
  const listRows = GMAIL_SELECTORS.listRow.map((fallback) => fallback.selector).join(', ');
  for (const { key, attribute } of ATTRIBUTES) {
    for (const fallback of GMAIL_SELECTORS[key]) {
      const candidates = [
        ...(heading?.matches(fallback.selector) ? [heading] : []),
        ...main.querySelectorAll(fallback.selector),
      ];
      for (const candidate of candidates) {
        if (candidate.closest(listRows) !== null || !isShown(candidate, main)) continue;
        const id = normalizeThreadId(candidate.getAttribute(attribute) ?? '');
        if (id !== null) return { value: id, via: describeFallback(fallback) };
      }
    }
  }
  return null;
}

/**
 * Reads the thread id from the DOM and the URL token. When both exist and disagree the DOM is the
 * previous thread lingering after navigation: report it as stale rather than show the wrong thread.
 */
export function readThreadId(main: Element, heading: Element | null, urlToken: string | null): ThreadIdRead {
  const fromDom = threadIdFromDom(main, heading);
  const fromUrl = urlToken === null ? null : decodeThreadToken(urlToken);
  if (fromDom && fromUrl !== null && fromDom.value !== fromUrl) {
    return {
      ok: false,
      code: 'stale_thread',
      reason: `page shows thread ${fromDom.value} but the address names ${fromUrl}; Gmail is still navigating`,
    };
  }
  if (fromDom) return { ok: true, threadId: fromDom.value, via: fromDom.via };
  if (fromUrl !== null) return { ok: true, threadId: fromUrl, via: 'url token' };
  return {
    ok: false,
    code: 'thread_id_missing',
    reason: `no thread id in data-legacy-thread-id, data-thread-perm-id or the URL token (${urlToken ?? 'none'})`,
  };
}
