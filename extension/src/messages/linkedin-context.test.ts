import { describe, expect, it } from 'vitest';
import { loadFixture } from '@baton/readers/linkedin/fixtures';
import { readLinkedinPage } from '@baton/readers/linkedin';
import { createNonce } from './nonce.ts';
import { acceptPageContext } from './to-sidebar.ts';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const nonce = createNonce();
const own = { extensionId: EXT, tabId: 7, nonce };
const fromTab = { id: EXT, tab: { id: 7 } as never, frameId: 0 };

describe('LinkedIn page context', () => {
  it('carries what the LinkedIn reader saw to the sidebar', () => {
    const { document, url } = loadFixture('profile-2022');
    const message = { type: 'page-context', nonce, context: { site: 'linkedin', read: readLinkedinPage(document, url) } };
    expect(acceptPageContext(message, fromTab, own)).toEqual({ ok: true, message });
  });
  it('refuses a profile without its slug, or a Gmail result labelled as LinkedIn', () => {
    const profile = { kind: 'profile', name: 'X', profileUrl: 'https://www.linkedin.com/in/x-y/' };
    expect(acceptPageContext({ type: 'page-context', nonce, context: { site: 'linkedin', read: profile } }, fromTab, own).ok).toBe(false);
    const gmail = { kind: 'other', user: null, view: 'settings' };
    expect(acceptPageContext({ type: 'page-context', nonce, context: { site: 'linkedin', read: gmail } }, fromTab, own).ok).toBe(false);
  });
});
