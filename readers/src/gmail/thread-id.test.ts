// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGmailUrl } from './gmail-url.ts';
import { decodeThreadToken, encodeThreadToken, normalizeThreadId } from './thread-id.ts';

describe('normalizeThreadId', () => {
  it.each([
    ['18f3c2a1b4d5e6f7', '18f3c2a1b4d5e6f7'],
    ['18F3C2A1B4D5E6F7', '18f3c2a1b4d5e6f7'],
    ['thread-f:1797994676030400247', '18f3c2a1b4d5e6f7'],
    ['f:1797994676030400247', '18f3c2a1b4d5e6f7'],
    ['#thread-f:1797994676030400247', null],
    ['thread-f:255', '00000000000000ff'],
    ['thread-f:18446744073709551616', null],
    ['thread-f:0', null],
    ['thread-a:r-6874203911487425641', 'thread-a:r-6874203911487425641'],
    ['a:r-6874203911487425641', 'thread-a:r-6874203911487425641'],
    ['undefined', null],
    ['', null],
    ['18f3c2a1b4d5e6f', null],
    ['thread-f:12ab', null],
  ])('%j -> %j', (raw, id) => {
    expect(normalizeThreadId(raw)).toBe(id);
  });
});

describe('decodeThreadToken', () => {
  it.each([
    ['18f3c2a1b4d5e6f7', '18f3c2a1b4d5e6f7'],
    ['FMfcgzGxSvBmjBlLqqFwdckZtHGbztdK', '18f3c2a1b4d5e6f7'],
    ['FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV', '1902ab34cd56ef78'],
    ['FMfcgzQfBGWzCGJRFdhSFWLSsxJjDhxM', '19b7c6d5e4f30211'],
    // Not a thread: the same alphabet, but the bytes are not `f:<decimal>`.
    ['BCDFGHJKLMNPQRSTVWXZ', null],
    ['FMfcgzGxSvBmjBlLqqFwdckZtHGbztdA', null],
    ['compose', null],
    ['', null],
  ])('%j -> %j', (token, id) => {
    expect(decodeThreadToken(token)).toBe(id);
  });

  it('round-trips every 64-bit id through the URL token', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), (value) => {
        const id = value.toString(16).padStart(16, '0');
        const token = encodeThreadToken(id);
        expect(token).toMatch(/^[BCDFGHJKLMNPQRSTVWXZbcdfghjklmnpqrstvwxz]+$/);
        expect(decodeThreadToken(token ?? '')).toBe(id);
      }),
    );
  });

  it('gives the same id from the data attribute, the perm id and the URL', () => {
    const fromToken = decodeThreadToken('FMfcgzQcqQzRBDmzfcRfcMpmVpmQHDvd');
    expect(fromToken).toBe(normalizeThreadId('thread-f:1846671297558672646'));
    expect(fromToken).toBe(normalizeThreadId('19a0b1c2d3e4f506'));
  });
});

describe('parseGmailUrl', () => {
  const mail = 'https://mail.google.com/mail/u/0/';
  it.each([
    [`${mail}#inbox/FMfcgzGxSvBmjBlLqqFwdckZtHGbztdK`, 'inbox', 'FMfcgzGxSvBmjBlLqqFwdckZtHGbztdK'],
    [`${mail}#sent/18f3c2a1b4d5e6f7`, 'sent', '18f3c2a1b4d5e6f7'],
    [`${mail}#starred/18f3c2a1b4d5e6f7`, 'starred', '18f3c2a1b4d5e6f7'],
    [`${mail}#imp/18f3c2a1b4d5e6f7`, 'imp', '18f3c2a1b4d5e6f7'],
    [`${mail}#all/18f3c2a1b4d5e6f7`, 'all', '18f3c2a1b4d5e6f7'],
    [`${mail}#label/Clients%2FAcme/18f3c2a1b4d5e6f7`, 'label', '18f3c2a1b4d5e6f7'],
    [`${mail}#search/acme+renewal/18f3c2a1b4d5e6f7`, 'search', '18f3c2a1b4d5e6f7'],
    [`${mail}#category/promotions/18f3c2a1b4d5e6f7`, 'category', '18f3c2a1b4d5e6f7'],
    [`${mail}#search/18f3c2a1b4d5e6f7`, 'search', null],
    [`${mail}#inbox?compose=new`, 'inbox', null],
    [`${mail}#inbox`, 'inbox', null],
    [mail, 'inbox', null],
    [`${mail}#settings/general`, 'settings', null],
    [`${mail}#search/100%25 off`, 'search', null],
  ])('%s', (url, view, token) => {
    expect(parseGmailUrl(url)).toMatchObject({ ok: true, view, token });
  });

  it.each(['https://www.example.com/mail/#inbox', 'https://mail.google.com/chat/', 'not a url'])(
    'rejects %s',
    (url) => {
      expect(parseGmailUrl(url)).toMatchObject({ ok: false });
    },
  );
});
