import { bodyText } from './body-text.ts';
import { cleanText, findAll, findFirst } from './dom.ts';
import { parseGmailDate } from './message-date.ts';
import { dedupePeople, personFromElement } from './person.ts';
import { GMAIL_SELECTORS } from './selectors.ts';
import { readMessageIdValues } from './thread-id.ts';
import type { GmailMessage, Person } from './types.ts';

export interface MessageRead {
  message: GmailMessage;
  matched: Record<string, string>;
  /** Fields of this message the page did not give, by name (`id`, `from`, `date`, `body`). */
  missing: { field: string; reason: string }[];
  /** The id's spelling is one Baton has never seen: it is kept as an opaque id. */
  opaqueId: boolean;
}

function isCollapsed(element: Element, hasBody: boolean): boolean {
  const marker = (key: 'messageExpanded' | 'messageCollapsed'): boolean =>
    GMAIL_SELECTORS[key].some(
      ({ selector }) => element.matches(selector) || element.querySelector(selector) !== null,
    );
  if (marker('messageExpanded')) return false;
  return marker('messageCollapsed') || !hasBody;
}

function recipients(element: Element): { to: Person[]; cc: Person[]; via: string | null } {
  const to: Person[] = [];
  const cc: Person[] = [];
  // The details table labels each row ("to:", "cc:"); the one-line summary does not.
  const rows = findAll(element, 'recipientDetailsRow', false);
  if (rows !== null) {
    for (const row of rows.value) {
      const label = (row.firstElementChild?.textContent ?? '').trim().toLowerCase();
      const target = label.startsWith('cc') ? cc : label.startsWith('to') ? to : null;
      for (const span of row.querySelectorAll('[email]')) {
        const person = personFromElement(span);
        if (target && person) target.push(person);
      }
    }
    if (to.length + cc.length > 0) return { to: dedupePeople(to), cc: dedupePeople(cc), via: rows.via };
  }
  const summary = findAll(element, 'recipient', false);
  if (summary === null) return { to: [], cc: [], via: null };
  const people = summary.value.map(personFromElement).filter((p): p is Person => p !== null);
  return { to: dedupePeople(people), cc: [], via: summary.via };
}

export function readMessage(element: Element, lang: string | null): MessageRead {
  const missing: MessageRead['missing'] = [];
  const rawId = element.getAttribute('data-message-id') ?? '';
  const ids = readMessageIdValues(rawId, element.getAttribute('data-legacy-message-id') ?? '');
  if (ids === null) missing.push({ field: 'id', reason: `no usable data-message-id or data-legacy-message-id ("${rawId.slice(0, 60)}")` });
  const matched: Record<string, string> = {};
  const body = findFirst(element, 'body', false);
  const collapsed = isCollapsed(element, body !== null);
  const sender = findFirst(element, 'sender', false);
  if (sender) matched.sender = sender.via;
  const from = sender ? personFromElement(sender.value) : null;
  if (from === null) missing.push({ field: 'from', reason: sender ? 'the sender element has no valid email' : 'no sender element matched' });
  const dated = findFirst(element, 'date', false);
  if (dated) matched.date = dated.via;
  const title = dated?.value.getAttribute('title')?.replace(/\s+/g, ' ').trim() || null;
  const dateText = cleanText(dated?.value) ?? cleanText(findFirst(element, 'dateText', false)?.value) ?? title;
  const date = title === null ? null : parseGmailDate(title, lang);
  if (date === null) {
    missing.push({ field: 'date', reason: title === null ? 'no dated element (span.g3[title])' : `cannot read "${title.slice(0, 80)}" as a date in ${lang ?? 'an unknown language'}` });
  }
  const { to, cc, via } = collapsed ? { to: [], cc: [], via: null } : recipients(element);
  if (via) matched.recipients = via;
  // A collapsed message has no body in the page: that is Gmail's layout, not a missing field.
  if (body && !collapsed) matched.body = body.via;
  else if (!collapsed) missing.push({ field: 'body', reason: 'no body element matched' });
  return {
    matched,
    missing,
    opaqueId: ids !== null && !ids.known,
    message: {
      messageId: ids?.id ?? null,
      legacyMessageId: ids?.legacyMessageId ?? null,
      collapsed,
      from,
      to,
      cc,
      date,
      dateText: dateText === '' ? null : dateText,
      dateTitle: date === null ? title : null,
      bodyText: body && !collapsed ? bodyText(body.value) : null,
    },
  };
}
