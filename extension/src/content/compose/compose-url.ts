import type { IntroDraft } from '../../messages/to-content.ts';

const REPLY_PREFIX = /^\s*re\s*:/i;

/**
 * Gmail's full-page compose with every field filled, for when the thread's reply UI cannot be
 * found: the rep still gets the draft to edit and send.
 */
export function composeUrl(draft: IntroDraft): string {
  const subject = REPLY_PREFIX.test(draft.subject) ? draft.subject : `Re: ${draft.subject}`;
  const params = new URLSearchParams({ view: 'cm', fs: '1', to: draft.to, cc: draft.cc, su: subject, body: draft.body });
  return `https://mail.google.com/mail/?${params.toString()}`;
}
