import { describe, expect, it } from 'vitest';
import { createNonce } from './nonce.ts';
import { acceptContentMessage } from './content-guard.ts';
import { acceptPageContext } from './to-sidebar.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const nonce = createNonce();
const own = { extensionId: EXT, tabId: 7, nonce };
const read = { kind: 'other', user: null, view: 'settings' } as const;
const message = { type: 'page-context', nonce, context: { site: 'gmail', read } };
const fromTab = { id: EXT, tab: { id: 7 } as never, frameId: 0 };

describe('acceptPageContext (sidebar side)', () => {
  it('accepts its own content script with its nonce', () => {
    expect(acceptPageContext(message, fromTab, own)).toEqual({ ok: true, message });
  });
  it.each([
    ['a foreign extension', { ...fromTab, id: 'otherextensionidotherextensionid' }, message, 'foreign sender'],
    ['another tab', { ...fromTab, tab: { id: 8 } as never }, message, 'another tab or frame'],
    ['a sub-frame of the same tab', { ...fromTab, frameId: 3 }, message, 'another tab or frame'],
    ['a wrong nonce', fromTab, { ...message, nonce: createNonce() }, 'wrong nonce'],
    ['a malformed context', fromTab, { ...message, context: { site: 'gmail', read: { kind: 'thread' } } }, 'malformed message'],
  ])('rejects %s', (_name, sender, raw, reason) => {
    expect(acceptPageContext(raw, sender, own)).toEqual({ ok: false, reason });
  });
});

describe('acceptContentMessage (page side)', () => {
  const fromSidebar = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html` };
  it('accepts a collapse request with the nonce', () => {
    const raw = { type: 'set-collapsed', nonce, collapsed: true };
    expect(acceptContentMessage(raw, fromSidebar, { extensionId: EXT, nonce })).toEqual({ ok: true, message: raw });
  });
  it('rejects a foreign sender, a wrong nonce and unknown types', () => {
    const own2 = { extensionId: EXT, nonce };
    expect(acceptContentMessage({ type: 'sidebar-ready', nonce }, { id: 'x' }, own2)).toEqual({ ok: false, reason: 'foreign sender' });
    expect(acceptContentMessage({ type: 'sidebar-ready', nonce: createNonce() }, fromSidebar, own2)).toEqual({ ok: false, reason: 'wrong nonce' });
    expect(acceptContentMessage({ type: 'brief', nonce, brief: {} }, fromSidebar, own2)).toEqual({ ok: false, reason: 'malformed message' });
  });
});

describe('open-intro-draft (sidebar → page)', () => {
  const fromSidebar = { id: EXT, url: `chrome-extension://${EXT}/sidebar.html` };
  const own2 = { extensionId: EXT, nonce };
  const draft = { to: 'jordan.lee@globex.test', cc: 'ari.chen@acme.test', subject: 'Pilot', body: 'Hi Jordan —' };
  it('accepts a draft from our sidebar with the nonce', () => {
    const raw = { type: 'open-intro-draft', nonce, draft };
    expect(acceptContentMessage(raw, fromSidebar, own2)).toEqual({ ok: true, message: raw });
  });
  it('rejects another sender, another nonce, an empty body and an oversized one', () => {
    expect(acceptContentMessage({ type: 'open-intro-draft', nonce, draft }, { id: 'x' }, own2).ok).toBe(false);
    expect(acceptContentMessage({ type: 'open-intro-draft', nonce: createNonce(), draft }, fromSidebar, own2).ok).toBe(false);
    expect(acceptContentMessage({ type: 'open-intro-draft', nonce, draft: { ...draft, body: '' } }, fromSidebar, own2).ok).toBe(false);
    expect(acceptContentMessage({ type: 'open-intro-draft', nonce, draft: { ...draft, body: 'x'.repeat(5001) } }, fromSidebar, own2).ok).toBe(false);
  });
});
