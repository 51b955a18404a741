import { describe, expect, it } from 'vitest';
import { parseDomains, validateApiUrl, validateToken } from './validate.ts';

describe('options validation', () => {
  it.each([
    ['https://baton.example.com/', true],
    ['http://127.0.0.1:8787', true],
    ['http://localhost:8787', true],
    ['http://baton.example.com', false],
    ['ftp://baton.example.com', false],
    ['not a url', false],
    ['', false],
    ['https://user:pw@baton.example.com', false],
  ])('API URL %s valid=%s', (input, ok) => {
    expect(validateApiUrl(input).ok).toBe(ok);
  });
  it('trims the trailing slash', () => {
    expect(validateApiUrl(' https://baton.example.com/ ')).toEqual({ ok: true, url: 'https://baton.example.com' });
  });
  it('needs a token without spaces', () => {
    expect(validateToken('').ok).toBe(false);
    expect(validateToken('abc def').ok).toBe(false);
    expect(validateToken(' baton_x ')).toEqual({ ok: true, token: 'baton_x' });
  });
  it('parses domains one per line, tolerating @ and case, rejecting garbage', () => {
    expect(parseDomains('@Acme.com\nacme.com, eu.acme.com')).toEqual({ ok: true, domains: ['acme.com', 'eu.acme.com'] });
    expect(parseDomains('acme')).toEqual({ ok: false, error: 'Not a domain: acme' });
    expect(parseDomains('')).toEqual({ ok: true, domains: [] });
  });
});
