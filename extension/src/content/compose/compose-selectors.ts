/**
 * What the intro-draft helper touches in Gmail's reply UI, in one table beside the reader's
 * (readers/src/gmail/selectors.ts) and in its style: fallbacks newest first, each dated by the layout it
 * was seen in. Gmail renames these without notice; when the reply UI cannot be found the sidebar
 * opens Gmail's compose URL instead, so a miss degrades, it never breaks the handoff.
 */

export interface ComposeSelector {
  readonly selector: string;
  /** The layout this selector comes from (approximate year first seen). */
  readonly since: string;
}

export const COMPOSE_SELECTORS = {
  /** The thread's own "Reply" (the toolbar icon, then the link under the last message). */
  replyButton: [
    { selector: '[role="button"][aria-label="Reply"]', since: '2018' },
    { selector: '[role="button"][aria-label^="Reply"]:not([aria-label^="Reply all"])', since: '2018' },
    { selector: '.ams.bkH', since: '2014' },
  ],
  /** The message body of an open reply. */
  body: [
    { selector: 'div[contenteditable="true"][role="textbox"]', since: '2018' },
    { selector: 'div[contenteditable="true"].editable', since: '2014' },
  ],
  /** The box around one compose: its recipient fields are looked up inside it. */
  composeRoot: [
    { selector: 'form', since: '2014' },
    { selector: '[role="dialog"]', since: '2018' },
    { selector: '.M9', since: '2014' },
  ],
  /** Reveals the Cc field. */
  ccLink: [
    { selector: 'span[role="link"][aria-label*="Cc"]', since: '2018' },
    { selector: 'span.aB.gQ.pE', since: '2014' },
  ],
  ccInput: [
    { selector: 'input[aria-label*="Cc"]', since: '2021' },
    { selector: 'textarea[name="cc"]', since: '2014' },
  ],
} as const satisfies Record<string, readonly ComposeSelector[]>;

export type ComposeSelectorKey = keyof typeof COMPOSE_SELECTORS;
