/**
 * Every selector the Gmail reader uses, in one table. Gmail renames its obfuscated classes without
 * notice, so each entry lists fallbacks newest first, labelled with the layout they were seen in;
 * the reader reports which one matched (`matched`), which is what `baton doctor` prints when a
 * page stops being recognised. Years are approximate: when a layout was first seen, not a contract.
 */

export interface SelectorFallback {
  readonly selector: string;
  /** The layout this selector comes from, e.g. '2019' or '2025-11'. */
  readonly since: string;
}

export const GMAIL_SELECTORS = {
  main: [{ selector: 'div[role="main"]', since: '2014' }],
  subject: [
    { selector: 'h2.hP', since: '2019' },
    { selector: '.ha h2', since: '2014' },
  ],
  legacyThreadId: [{ selector: '[data-legacy-thread-id]', since: '2018' }],
  permThreadId: [{ selector: '[data-thread-perm-id]', since: '2018' }],
  message: [
    { selector: 'div.adn[data-message-id]', since: '2018' },
    { selector: 'div.adn[data-legacy-message-id]', since: '2014' },
    // A message whose id moved or vanished is still a message: shown, read, just not loggable.
    { selector: '[data-message-id]', since: '2026' },
    { selector: 'div.adn', since: '2014' },
  ],
  messageExpanded: [{ selector: '.h7', since: '2014' }],
  messageCollapsed: [{ selector: '.kv', since: '2014' }],
  sender: [
    { selector: 'td.gF span.gD[email]', since: '2014' },
    { selector: 'span.gD[email]', since: '2014' },
  ],
  recipientDetailsRow: [{ selector: 'table.ajC tr', since: '2014' }],
  recipient: [{ selector: 'span.hb span.g2[email]', since: '2014' }],
  date: [{ selector: 'span.g3[title]', since: '2014' }],
  dateText: [{ selector: 'span.g3', since: '2014' }],
  body: [
    { selector: 'div.ii.gt div.a3s:not(.undefined)', since: '2014' },
    { selector: 'div.a3s:not(.undefined)', since: '2014' },
    { selector: '.adP', since: '2012' },
  ],
  quoted: [
    { selector: '.gmail_quote', since: '2014' },
    { selector: '.gmail_attr', since: '2018' },
    { selector: 'blockquote', since: '2012' },
    { selector: '.adL', since: '2012' },
    { selector: '.h5', since: '2012' },
    { selector: '.adm', since: '2012' },
    { selector: '.a6S', since: '2016' },
  ],
  listRow: [{ selector: 'tr.zA', since: '2012' }],
  listSender: [
    { selector: 'span.zF[email]', since: '2012' },
    { selector: 'span.yP[email]', since: '2012' },
  ],
  compose: [{ selector: 'div[role="dialog"] div[contenteditable="true"][role="textbox"]', since: '2018' }],
  accountButton: [
    { selector: 'a[aria-label^="Google Account:"]', since: '2018' },
    { selector: '[aria-label^="Google Account:"]', since: '2018' },
  ],
} as const satisfies Record<string, readonly SelectorFallback[]>;

export type GmailSelectorKey = keyof typeof GMAIL_SELECTORS;

/** How a match is reported in `matched`: the selector and its layout label. */
export function describeFallback(fallback: SelectorFallback): string {
  return `${fallback.selector} [${fallback.since}]`;
}
