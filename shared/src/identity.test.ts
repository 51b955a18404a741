import { describe, expect, it } from 'vitest';
import { canonicalLinkedinUrl, emailDomain, linkedinSlug, normalizeEmail, sameEmail } from './identity.ts';

describe('normalizeEmail', () => {
  it.each([
    ['Jordan.Lee@Acme.test', 'jordan.lee@acme.test'],
    ['  jordan@acme.test \n', 'jordan@acme.test'],
    ['mailto:Jordan@acme.test', 'jordan@acme.test'],
    ['<jordan@acme.test>', 'jordan@acme.test'],
    ['Jordan+Sales@acme.test', 'jordan+sales@acme.test'],
    ['not an email', null],
    ['jordan@', null],
    ['@acme.test', null],
    ['jordan@acme', null],
    ['', null],
    [`${'a'.repeat(320)}@acme.test`, null],
    // Lookalikes that Unicode case mapping or NFKC would fold into a real address are refused.
    ['\u212Aate@acme.test', null],
    ['kate@\u212Acme.test', null],
    ['\uFF4Bate@acme.test', null],
    ['jos\u00e9@acme.test', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it('keeps +tags distinct but matches case-insensitively', () => {
    expect(sameEmail('Jordan+X@acme.test', 'jordan+x@ACME.test')).toBe(true);
    expect(sameEmail('jordan+x@acme.test', 'jordan@acme.test')).toBe(false);
    expect(sameEmail('nope', 'nope')).toBe(false);
  });

  it('finds the domain', () => {
    expect(emailDomain('Sam@Baton.Example')).toBe('baton.example');
    expect(emailDomain('nope')).toBeNull();
  });
});

describe('linkedinSlug', () => {
  it.each([
    ['https://www.linkedin.com/in/jordan-lee/', 'jordan-lee'],
    ['linkedin.com/in/jordan-lee', 'jordan-lee'],
    ['www.linkedin.com/in/jordan-lee/', 'jordan-lee'],
    ['https://linkedin.com/in/Jordan-Lee?trk=public_profile', 'jordan-lee'],
    ['https://www.linkedin.com/in/jordan-lee/#experience', 'jordan-lee'],
    ['https://www.linkedin.com/in/jordan-lee/fr', 'jordan-lee'],
    ['https://www.linkedin.com/in/jordan-lee/?locale=de_DE', 'jordan-lee'],
    ['https://nl.linkedin.com/in/jordan-lee', 'jordan-lee'],
    ['https://www.linkedin.com/in/jordan-lee/overlay/contact-info/', 'jordan-lee'],
    ['https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/', 'jörg-müller'],
    ['https://www.linkedin.com/company/acme/', null],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/in/', null],
    ['https://evil.example/in/jordan-lee', null],
    ['https://linkedin.com.evil.example/in/jordan-lee', null],
    ['javascript:alert(1)', null],
    ['https://www.linkedin.com/in/%E0%A4%A', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(linkedinSlug(input)).toBe(expected);
  });

  it('gives one canonical URL for every spelling', () => {
    const spellings = ['linkedin.com/in/x-y', 'www.linkedin.com/in/x-y/', 'https://linkedin.com/in/X-Y?trk=a'];
    expect(new Set(spellings.map(canonicalLinkedinUrl))).toEqual(new Set(['https://www.linkedin.com/in/x-y']));
    expect(canonicalLinkedinUrl('https://www.linkedin.com/feed/')).toBeNull();
  });
});
