import { fromThisExtension, reject, type Sender, type Verdict } from './sender.ts';
import type { ContentMessage } from './to-content.ts';

/*
 * The content script's side of the message map, validated by hand. The rules are exactly those of
 * the zod schemas in to-content.ts (a test holds the two to the same verdicts), but building zod
 * schemas is work done on the host page's main thread at every page load, for three tiny messages;
 * keeping zod out of the content script also keeps it out of its bundle.
 */

const NONCE = /^[A-Za-z0-9_-]{22}$/;
const MAX_ADDRESS = 320;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonce = (value: unknown): value is string => typeof value === 'string' && NONCE.test(value);
const lengthIn = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

function isDraft(value: unknown): boolean {
  return (
    isPlain(value) &&
    lengthIn(value['to'], 3, MAX_ADDRESS) &&
    lengthIn(value['cc'], 3, MAX_ADDRESS) &&
    lengthIn(value['subject'], 0, 1000) &&
    lengthIn(value['body'], 1, 5000)
  );
}

/** The message with only the keys the schema knows, as zod's object parsing returns it. */
function parseContentMessage(raw: unknown): ContentMessage | null {
  if (!isPlain(raw) || !isNonce(raw['nonce'])) return null;
  const nonce = raw['nonce'];
  switch (raw['type']) {
    case 'sidebar-ready':
      return { type: 'sidebar-ready', nonce };
    case 'set-collapsed':
      return typeof raw['collapsed'] === 'boolean' ? { type: 'set-collapsed', nonce, collapsed: raw['collapsed'] } : null;
    case 'open-intro-draft': {
      const draft = raw['draft'];
      if (!isDraft(draft)) return null;
      const { to, cc, subject, body } = draft as Record<'to' | 'cc' | 'subject' | 'body', string>;
      return { type: 'open-intro-draft', nonce, draft: { to, cc, subject, body } };
    }
    default:
      return null;
  }
}

/**
 * Validates a message arriving at the content script: it must come from this extension (the
 * sidebar frame) and carry this instance's nonce, so a stale frame from before an extension reload
 * or a second instance cannot steer it.
 */
export function acceptContentMessage(raw: unknown, sender: Sender, own: { extensionId: string; nonce: string }): Verdict<ContentMessage> {
  if (!fromThisExtension(sender, own.extensionId)) return reject('foreign sender');
  const message = parseContentMessage(raw);
  if (message === null) return reject('malformed message');
  if (message.nonce !== own.nonce) return reject('wrong nonce');
  return { ok: true, message };
}
