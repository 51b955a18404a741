import { findAll, findEvery, findFirst, type Found } from './dom.ts';
import { GMAIL_SELECTORS } from './selectors.ts';
import { parseGmailUrl } from './gmail-url.ts';
import { readListSenders } from './read-list.ts';
import { readThread } from './read-thread.ts';
import { readUser } from './read-user.ts';
import type { GmailReadResult } from './types.ts';

/** The shown main view, preferring one that holds a thread (reading-pane mode can show several). */
const LIST_ROWS = GMAIL_SELECTORS.listRow.map((fallback) => fallback.selector).join(', ');

/** Every message shown in the main view; list rows (reading-pane mode) are never messages. */
function findMessages(main: Element): Found<Element[]> | null {
  return findEvery(main, 'message', (element) => element.closest(LIST_ROWS) !== null);
}

function pickMain(root: Element): Found | null {
  const mains = findAll(root, 'main');
  if (mains === null) return null;
  const withThread = mains.value.find((main) => findFirst(main, 'subject') ?? findMessages(main));
  return { value: withThread ?? mains.value[0] ?? root, via: mains.via };
}

/**
 * Reads what the Gmail tab shows: an open thread, a thread list, another view, or a typed
 * `not_recognised` with the reason (never a guess, never an exception). A page with a thread
 * heading or messages is always a thread, read field by field (`missing` names what was not there)
 * unless it is the previous thread still on screen. Pure: it only reads `doc`
 * and `url`, so the content script, `baton doctor` and the tests all call it the same way.
 */
export function readGmailPage(doc: Document, url: string): GmailReadResult {
  const address = parseGmailUrl(url);
  if (!address.ok) return { kind: 'not_recognised', code: 'not_gmail', reason: address.reason };
  const root = doc.documentElement;
  const main = root === null ? null : pickMain(root);
  if (main === null) {
    return { kind: 'not_recognised', code: 'no_main_view', reason: 'no div[role=main]: Gmail has not loaded a view' };
  }
  const user = readUser(doc);
  const heading = findFirst(main.value, 'subject');
  const messages = findMessages(main.value);
  if (heading || messages) {
    const lang = root?.getAttribute('lang')?.trim() || null;
    const result = readThread(main.value, heading, messages, address.token, user, lang);
    if (result.kind === 'thread') result.matched.main = main.via;
    return result;
  }
  if (address.token !== null) {
    return {
      kind: 'not_recognised',
      code: 'thread_markup_unknown',
      reason: `the address names thread ${address.token} but no subject or message selector matched`,
    };
  }
  const rows = findAll(main.value, 'listRow');
  if (rows || address.listView) {
    const matched: Record<string, string> = { main: main.via };
    if (rows) matched.listRow = rows.via;
    if (user.via) matched.user = user.via;
    return { kind: 'list', user: user.user, senders: rows ? readListSenders(rows, user.user) : [], matched };
  }
  const view = findFirst(root ?? main.value, 'compose') ? 'compose' : address.view;
  return { kind: 'other', user: user.user, view: view === '' ? 'unknown' : view };
}
