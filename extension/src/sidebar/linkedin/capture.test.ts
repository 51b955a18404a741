import { describe, expect, it } from 'vitest';
import { loadFixture } from '@baton/readers/linkedin/fixtures';
import { readLinkedinPage } from '@baton/readers/linkedin';
import { roleLine, toCapture } from './capture.ts';

describe('toCapture', () => {
  it('sends what the reader saw on a real-shaped profile, without its diagnostics', () => {
    const { document, url } = loadFixture('profile-2024-logged-in');
    const read = readLinkedinPage(document, url);
    if (read.kind !== 'profile') throw new Error(`fixture not read as a profile: ${JSON.stringify(read)}`);
    const captured = toCapture(read);
    expect(captured).toEqual({
      profileUrl: read.profileUrl,
      name: 'Dana Okafor',
      headline: read.headline,
      company: 'Brightwave Labs',
      title: 'VP Revenue Operations',
      location: read.location,
      photoUrl: read.photoUrl,
    });
    expect(captured).not.toHaveProperty('matched');
  });
});

describe('roleLine', () => {
  it.each([
    [{ title: 'CTO', company: 'Acme' }, 'CTO at Acme'],
    [{ title: 'CTO', company: null }, 'CTO'],
    [{ title: null, company: 'Acme' }, 'Acme'],
    [{ title: null, company: null }, null],
  ])('%j → %j', (profile, expected) => {
    expect(roleLine(profile)).toBe(expected);
  });
});
