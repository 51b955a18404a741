/**
 * What the Gmail address says: which account and view is open and, for a thread, its URL token.
 * Gmail names the open view in the hash (`#inbox/<token>`, `#label/<name>/<token>`).
 */

// Views whose thread token is the second hash segment (`#inbox/<token>`).
const FLAT_VIEWS = new Set([
  'inbox', 'starred', 'snoozed', 'sent', 'drafts', 'imp', 'all', 'spam', 'trash', 'scheduled',
  'chats', 'outbox',
]);
// Views with an argument before the token (`#search/<query>/<token>`).
const NESTED_VIEWS = new Set(['label', 'search', 'category', 'advanced-search', 'section_query']);

export type GmailUrl =
  | { ok: true; view: string; listView: boolean; token: string | null; segments: string[] }
  | { ok: false; reason: string };

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch (error) {
    // A stray `%` in a search query is legal in Gmail's hash; keep it as typed.
    if (error instanceof URIError) return segment;
    throw error;
  }
}

export function parseGmailUrl(url: string): GmailUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, reason: `not a URL: ${url.slice(0, 100)}` };
    throw error;
  }
  if (parsed.hostname !== 'mail.google.com' || !parsed.pathname.startsWith('/mail')) {
    return { ok: false, reason: `not Gmail: ${parsed.hostname}${parsed.pathname}` };
  }
  // `#inbox?compose=new` keeps the list open under a compose window.
  const hash = parsed.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash === '' ? ['inbox'] : hash.split('/').map(decodeSegment);
  const view = segments[0] ?? 'inbox';
  const tokenIndex = FLAT_VIEWS.has(view) ? 1 : NESTED_VIEWS.has(view) ? 2 : -1;
  const rawToken = tokenIndex > 0 ? segments[tokenIndex] : undefined;
  const token = rawToken !== undefined && /^[A-Za-z0-9_-]{10,}$/.test(rawToken) ? rawToken : null;
  return { ok: true, view, listView: tokenIndex > 0, token, segments };
}
