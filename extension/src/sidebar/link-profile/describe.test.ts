import { describe, expect, it } from 'vitest';
import { describeContact, parsePastedProfile } from './describe.ts';

const base = { name: 'Morgan Lindqvist', title: null, company: null, emails: [] as string[], linkedinUrl: null };

describe('describeContact', () => {
  it.each([
    ['name, role and email', { ...base, title: 'Head of Enablement', company: 'Tailspin', emails: ['m@tailspin.test'] }, 'Morgan Lindqvist · Head of Enablement at Tailspin · m@tailspin.test'],
    ['name and profile when no email', { ...base, linkedinUrl: 'https://www.linkedin.com/in/morgan' }, 'Morgan Lindqvist · linkedin.com/in/morgan'],
    ['the email as the name when unnamed', { ...base, name: null, emails: ['m@tailspin.test'] }, 'm@tailspin.test'],
    ['a placeholder for nothing at all', { ...base, name: null }, 'Unnamed contact'],
    ['only the company half of a role', { ...base, company: 'Tailspin' }, 'Morgan Lindqvist · Tailspin'],
  ])('shows %s', (_name, contact, expected) => {
    expect(describeContact(contact)).toBe(expected);
  });
});

describe('parsePastedProfile', () => {
  it.each([
    ['https://www.linkedin.com/in/Morgan-L/?trk=public', 'https://www.linkedin.com/in/morgan-l'],
    ['linkedin.com/in/morgan-l', 'https://www.linkedin.com/in/morgan-l'],
    ['  http://linkedin.com/in/morgan-l#about ', 'https://www.linkedin.com/in/morgan-l'],
  ])('canonicalises %s', (input, url) => {
    expect(parsePastedProfile(input)).toEqual({ ok: true, url });
  });
  it.each(['', '   ', 'https://www.linkedin.com/company/tailspin/', 'https://example.com/in/morgan', 'not a url'])('refuses %j', (input) => {
    expect(parsePastedProfile(input).ok).toBe(false);
  });
});
