import { isShown, type Found } from './dom.ts';
import { describeFallback, GMAIL_SELECTORS } from './selectors.ts';
import { decodeThreadToken, opaqueId, readThreadIdValue, threadIdFromMessageId, type IdRead } from './thread-id.ts';

export type ThreadIdRead =
  | { ok: true; threadId: string | null; via: string | null; warnings: string[] }
  | { ok: false; code: 'stale_thread'; reason: string };

const ATTRIBUTES = [
  { key: 'legacyThreadId', attribute: 'data-legacy-thread-id' },
  { key: 'permThreadId', attribute: 'data-thread-perm-id' },
] as const;

/**
 * The open thread's id from the page, heading first. List rows carry thread ids too (in reading-pane
 * mode they share the main view), so ids inside a list row never count. A known spelling on any
 * attribute beats an unknown one on an earlier attribute.
 */
function threadIdFromDom(main: Element, heading: Element | null): Found<IdRead> | null {
  const listRows = GMAIL_SELECTORS.listRow.map((fallback) => fallback.selector).join(', ');
  let opaque: Found<IdRead> | null = null;
  for (const { key, attribute } of ATTRIBUTES) {
    for (const fallback of GMAIL_SELECTORS[key]) {
      const candidates = [
        ...(heading?.matches(fallback.selector) ? [heading] : []),
        ...main.querySelectorAll(fallback.selector),
      ];
      for (const candidate of candidates) {
        if (candidate.closest(listRows) !== null || !isShown(candidate, main)) continue;
        const id = readThreadIdValue(candidate.getAttribute(attribute) ?? '');
        if (id?.known) return { value: id, via: describeFallback(fallback) };
        if (id !== null) opaque ??= { value: id, via: describeFallback(fallback) };
      }
    }
  }
  return opaque;
}

/**
 * The open thread's id, from the first of: the heading's attributes (any spelling; an unknown one
 * kept opaque), the address token, the first message's id (in Gmail a thread's id is its first
 * message's), an address token of unknown spelling. When the heading and the address both name a
 * thread in a known spelling and disagree, the DOM is the previous thread lingering after
 * navigation: report it as stale rather than show the wrong thread.
 */
export function readThreadId(main: Element, heading: Element | null, urlToken: string | null, firstMessageId: string | null): ThreadIdRead {
  const fromDom = threadIdFromDom(main, heading);
  const fromUrl = urlToken === null ? null : decodeThreadToken(urlToken);
  if (fromDom?.value.known && fromUrl !== null && fromDom.value.id !== fromUrl) {
    return {
      ok: false,
      code: 'stale_thread',
      reason: `page shows thread ${fromDom.value.id} but the address names ${fromUrl}; Gmail is still navigating`,
    };
  }
  const warnings: string[] = [];
  if (fromDom) {
    if (!fromDom.value.known) warnings.push(`thread id in an unknown spelling, kept as is: ${fromDom.value.id}`);
    return { ok: true, threadId: fromDom.value.id, via: fromDom.via, warnings };
  }
  if (fromUrl !== null) return { ok: true, threadId: fromUrl, via: 'url token', warnings };
  const fromMessage = firstMessageId === null ? null : threadIdFromMessageId(firstMessageId);
  if (fromMessage !== null) {
    warnings.push('no thread id on the heading or in the address: the first message names the thread');
    return { ok: true, threadId: fromMessage, via: 'first message id', warnings };
  }
  const opaqueToken = urlToken === null ? null : opaqueId(urlToken);
  if (opaqueToken !== null) {
    warnings.push(`thread id from an address token of unknown spelling, kept as is: ${urlToken}`);
    return { ok: true, threadId: opaqueToken, via: 'url token (opaque)', warnings };
  }
  return { ok: true, threadId: null, via: null, warnings };
}
