import { bodyText } from './body-text.ts';
import { cleanText, findAll, findFirst } from './dom.ts';
import { parseGmailDate } from './message-date.ts';
import { dedupePeople, personFromElement } from './person.ts';
import { GMAIL_SELECTORS } from './selectors.ts';
import { decimalToHexId, hexIdToDecimal } from './thread-id.ts';
import type { GmailMessage, Person } from './types.ts';

export type MessageRead =
  | { ok: true; message: GmailMessage; matched: Record<string, string> }
  | { ok: false; reason: string };

/** `#msg-f:1797994676030400247` -> decimal; `#msg-a:r-123` stays raw (it has no numeric form). */
function messageIds(element: Element): { messageId: string; legacyMessageId: string | null } | null {
  const raw = (element.getAttribute('data-message-id') ?? '').replace(/^#/, '').trim();
  const legacyRaw = (element.getAttribute('data-legacy-message-id') ?? '').trim().toLowerCase();
  const legacy = hexIdToDecimal(legacyRaw) === null ? null : legacyRaw;
  const fixed = /^(?:msg-f:)?(\d{1,20})$/.exec(raw)?.[1];
  const fixedHex = fixed === undefined ? null : decimalToHexId(fixed);
  if (fixed !== undefined && fixedHex !== null) {
    return { messageId: BigInt(fixed).toString(10), legacyMessageId: legacy ?? fixedHex };
  }
  if (/^msg-a:[\w:-]+$/.test(raw)) return { messageId: raw, legacyMessageId: legacy };
  // Only the legacy hex is there: store the decimal anyway so one message always has one id.
  const fromLegacy = legacy === null ? null : hexIdToDecimal(legacy);
  return fromLegacy === null ? null : { messageId: fromLegacy, legacyMessageId: legacy };
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

export function readMessage(element: Element): MessageRead {
  const ids = messageIds(element);
  if (ids === null) {
    return { ok: false, reason: `message without a usable id: "${(element.getAttribute('data-message-id') ?? '').slice(0, 60)}"` };
  }
  const matched: Record<string, string> = {};
  const body = findFirst(element, 'body', false);
  const collapsed = isCollapsed(element, body !== null);
  const sender = findFirst(element, 'sender', false);
  if (sender) matched.sender = sender.via;
  const dated = findFirst(element, 'date', false);
  if (dated) matched.date = dated.via;
  const dateText = cleanText(dated?.value) ?? cleanText(findFirst(element, 'dateText', false)?.value) ??
    dated?.value.getAttribute('title')?.trim() ?? null;
  const { to, cc, via } = collapsed ? { to: [], cc: [], via: null } : recipients(element);
  if (via) matched.recipients = via;
  if (body && !collapsed) matched.body = body.via;
  return {
    ok: true,
    matched,
    message: {
      ...ids,
      collapsed,
      from: sender ? personFromElement(sender.value) : null,
      to,
      cc,
      date: parseGmailDate(dated?.value.getAttribute('title') ?? ''),
      dateText: dateText === '' ? null : dateText,
      bodyText: body && !collapsed ? bodyText(body.value) : null,
    },
  };
}
