import { describe, expect, it } from 'vitest';
import { acceptContentMessage } from './content-guard.ts';
import { createNonce } from './nonce.ts';
import { ContentMessage } from './to-content.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const nonce = createNonce();
const own = { extensionId: EXT, nonce };
const fromSidebar = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html` };
const draft = { to: 'jordan.lee@globex.test', cc: 'ari.chen@acme.test', subject: 'Pilot', body: 'Hi Jordan —' };

// Valid messages, each bent in the ways a confused or hostile sender could bend it.
const valid = [
  { type: 'sidebar-ready', nonce },
  { type: 'set-collapsed', nonce, collapsed: false },
  { type: 'open-intro-draft', nonce, draft },
];
const bends: ((message: Record<string, unknown>) => unknown)[] = [
  (m) => m,
  (m) => ({ ...m, extra: 'ignored' }),
  (m) => ({ ...m, nonce: 'short' }),
  (m) => ({ ...m, nonce: `${nonce}=` }),
  (m) => ({ ...m, nonce: 42 }),
  (m) => ({ ...m, type: 'brief' }),
  (m) => ({ ...m, collapsed: 'yes' }),
  (m) => ({ ...m, draft: { ...draft, to: 'ab' } }),
  (m) => ({ ...m, draft: { ...draft, cc: 'x'.repeat(321) } }),
  (m) => ({ ...m, draft: { ...draft, subject: 'x'.repeat(1001) } }),
  (m) => ({ ...m, draft: { ...draft, subject: '' } }),
  (m) => ({ ...m, draft: { ...draft, body: '' } }),
  (m) => ({ ...m, draft: { ...draft, body: 'x'.repeat(5000), extra: 1 } }),
  (m) => ({ ...m, draft: { ...draft, body: 'x'.repeat(5001) } }),
  (m) => ({ ...m, draft: [draft] }),
  (m) => ({ ...m, draft: null }),
  () => null,
  () => [nonce],
  () => 'sidebar-ready',
];

describe('acceptContentMessage (hand-written guard)', () => {
  it('agrees with the zod schema of the message map on every bent message', () => {
    for (const message of valid) {
      for (const bend of bends) {
        const raw = bend(message);
        const parsed = ContentMessage.safeParse(raw);
        const verdict = acceptContentMessage(raw, fromSidebar, own);
        expect({ raw, ok: verdict.ok }).toEqual({ raw, ok: parsed.success });
        if (verdict.ok && parsed.success) expect(verdict.message).toEqual(parsed.data);
      }
    }
  });
  it('checks the sender before the payload and the nonce after it', () => {
    expect(acceptContentMessage({ type: 'brief' }, { id: 'other' }, own)).toEqual({ ok: false, reason: 'foreign sender' });
    expect(acceptContentMessage({ type: 'sidebar-ready', nonce: createNonce() }, fromSidebar, own)).toEqual({ ok: false, reason: 'wrong nonce' });
  });
});
