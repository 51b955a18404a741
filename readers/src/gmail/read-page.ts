import { findAll, findFirst, type Found } from './dom.ts';
import { parseGmailUrl } from './gmail-url.ts';
import { readListSenders } from './read-list.ts';
import { readThread } from './read-thread.ts';
import { readUser } from './read-user.ts';
import type { GmailReadResult } from './types.ts';

/** The shown main view, preferring one that holds a thread (reading-pane mode can show several). */
function pickMain(root: Element): Found | null {
  const mains = findAll(root, 'main');
  if (mains === null) return null;
  const withThread = mains.value.find((main) => findFirst(main, 'subject') ?? findFirst(main, 'message'));
  return { value: withThread ?? mains.value[0] ?? root, via: mains.via };
}

/**
 * Reads what the Gmail tab shows: an open thread, a thread list, another view, or a typed
 * `not_recognised` with the reason (never a guess, never an exception). Pure: it only reads `doc`
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
  const messages = findAll(main.value, 'message');
  if (heading || messages) {
    const result = readThread(main.value, heading, messages, address.token, user);
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
