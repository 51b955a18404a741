// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LINKEDIN_FIXTURE_NAMES, loadFixture, type LinkedinFixtureName } from './fixtures/load.ts';
import { readLinkedinPage } from './read-page.ts';
import { STALE_PROFILE_REASON } from './read-profile.ts';
import { LinkedinReadResultSchema, type LinkedinReadResult } from './types.ts';

type Expected = LinkedinReadResult extends infer R ? (R extends { kind: 'profile' } ? Omit<R, 'matched'> : R) : never;

const photo = (path: string) => `https://media.licdn.com/dms/image/${path}`;

const EXPECTED: Record<LinkedinFixtureName, Expected> = {
  'profile-2024-logged-in': {
    kind: 'profile',
    slug: 'dana-okafor',
    profileUrl: 'https://www.linkedin.com/in/dana-okafor',
    name: 'Dana Okafor',
    headline: 'VP Revenue Operations at Brightwave Labs | Pipeline hygiene nerd',
    company: 'Brightwave Labs',
    title: 'VP Revenue Operations',
    location: 'Rotterdam, South Holland, Netherlands',
    photoUrl: photo('v2/made-up-dana/profile-displayphoto-shrink_400_400/0/1700000000000?e=1790000000&v=beta&t=fake'),
  },
  'profile-2022': {
    kind: 'profile',
    slug: 'tomas-berglund',
    profileUrl: 'https://www.linkedin.com/in/tomas-berglund',
    name: 'Tomas Berglund',
    headline: 'Head of Partnerships, Nordlicht Logistics',
    company: 'Nordlicht Logistics',
    title: 'Head of Partnerships',
    location: 'Gothenburg, Västra Götaland County, Sweden',
    photoUrl: photo('made-up-tomas/profile-displayphoto-shrink_200_200/0/1650000000000?e=1&v=beta&t=y'),
  },
  'profile-public': {
    kind: 'profile',
    slug: 'amara-nwosu',
    profileUrl: 'https://www.linkedin.com/in/amara-nwosu',
    name: 'Amara Nwosu',
    headline: 'Procurement Lead at Kestrel Foods',
    company: 'Kestrel Foods',
    title: null,
    location: 'Nairobi County, Kenya',
    photoUrl: photo('made-up-amara/profile-displayphoto-shrink_200_200/0/1?e=1&v=beta&t=z'),
  },
  'profile-2026-h2': {
    kind: 'profile',
    slug: 'wei-zhang-7a1b2c',
    profileUrl: 'https://www.linkedin.com/in/wei-zhang-7a1b2c',
    name: 'Wei Zhang',
    headline: 'Director of Sales, APAC · Halcyon Robotics',
    company: 'Halcyon Robotics',
    title: 'Director of Sales, APAC',
    location: 'Singapore',
    photoUrl: photo('v2/made-up-wei/profile-displayphoto-scale_400_400/0/1?e=1&v=beta&t=w'),
  },
  'profile-no-photo': {
    kind: 'profile',
    slug: 'sam-ortega',
    profileUrl: 'https://www.linkedin.com/in/sam-ortega',
    name: 'Sam Ortega',
    headline: 'Independent consultant',
    company: null,
    title: null,
    location: 'Lisbon, Portugal',
    photoUrl: null,
  },
  'profile-stale-json': {
    kind: 'profile',
    slug: 'priya-raman',
    profileUrl: 'https://www.linkedin.com/in/priya-raman',
    name: 'Priya Raman',
    headline: null,
    company: 'Lotus Freight',
    title: 'Key Account Manager',
    location: 'Pune, Maharashtra, India',
    photoUrl: photo('v2/made-up-priya/profile-displayphoto-shrink_400_400/0/1?e=1&v=beta&t=p'),
  },
  'profile-stale-dom': { kind: 'not_recognised', reason: STALE_PROFILE_REASON },
  feed: { kind: 'not_recognised', reason: 'the LinkedIn feed is not a profile' },
  search: { kind: 'not_recognised', reason: 'LinkedIn search results are not a profile' },
  company: {
    kind: 'company',
    name: 'Brightwave Labs',
    website: 'https://brightwave.example/',
    url: 'https://www.linkedin.com/company/brightwave-labs',
  },
};

function read(name: LinkedinFixtureName, url?: string): LinkedinReadResult {
  const page = loadFixture(name, url === undefined ? {} : { url });
  return readLinkedinPage(page.document, url ?? page.url);
}

describe('readLinkedinPage on fixture pages', () => {
  it.each(LINKEDIN_FIXTURE_NAMES)('%s', (name) => {
    const result = read(name);
    expect(LinkedinReadResultSchema.safeParse(result).success).toBe(true);
    const { matched: _matched, ...fields } = result.kind === 'profile' ? result : { ...result, matched: null };
    expect(fields).toEqual(EXPECTED[name]);
  });

  it('never reports the viewer (nav, "Me" menu, side cards) as the profile', () => {
    const result = read('profile-2024-logged-in');
    expect(JSON.stringify(result)).not.toMatch(/Riley|Quinlan|Ines|Baton Demo|Leeds|made-up-viewer/);
  });

  it('says which selector or fallback each field came from', () => {
    const modern = read('profile-2024-logged-in');
    const json = read('profile-stale-json');
    expect(modern.kind === 'profile' && modern.matched).toMatchObject({
      slug: 'a#top-card-text-details-contact-info',
      topCard: 'section.artdeco-card[data-member-id]',
      name: 'h1.text-heading-xlarge',
      company: 'button[aria-label^="Current company: "]',
    });
    expect(json.kind === 'profile' && json.matched).toMatchObject({ location: 'bpr-guid json' });
    expect(json.kind === 'profile' && json.matched).not.toHaveProperty('headline');
  });

  it('uses the embedded JSON only for the current slug', () => {
    const page = loadFixture('profile-stale-json');
    page.document.querySelector('h1')?.remove();
    const result = readLinkedinPage(page.document, page.url);
    expect(result).toMatchObject({ kind: 'profile', name: 'Priya Raman', headline: null });
    expect(JSON.stringify(result)).not.toMatch(/Dana|Rotterdam|Brightwave/);
  });

  it('does not fall back to the embedded JSON of another person', () => {
    const page = loadFixture('profile-stale-json', { url: 'https://www.linkedin.com/in/nobody-here/' });
    page.document.querySelector('main')?.remove();
    expect(readLinkedinPage(page.document, page.url)).toEqual({
      kind: 'not_recognised',
      reason: 'profile layout not recognised: no top card',
    });
  });
});

describe('readLinkedinPage on unrecognised pages', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'not a LinkedIn page'],
    ['https://evil-linkedin.com/in/dana-okafor/', 'not a LinkedIn page'],
    ['not a url at all ::', 'not a LinkedIn page'],
    ['https://www.linkedin.com/messaging/thread/2-abc/', 'LinkedIn messaging is not a profile'],
    [
      'https://www.linkedin.com/in/dana-okafor/details/experience/',
      'profile sub-page without the top card: open the main profile',
    ],
    ['https://www.linkedin.com/in/', 'profile URL has no valid slug'],
    ['https://www.linkedin.com/jobs/view/123/', 'not a LinkedIn profile or company page'],
  ])('%s', (url, reason) => {
    const page = loadFixture('profile-2024-logged-in');
    expect(readLinkedinPage(page.document, url)).toEqual({ kind: 'not_recognised', reason });
  });

  it('reports a profile whose markup no longer matches instead of guessing', () => {
    const page = loadFixture('profile-2024-logged-in');
    for (const heading of page.document.querySelectorAll('main h1, main h2')) heading.remove();
    expect(readLinkedinPage(page.document, page.url)).toEqual({
      kind: 'not_recognised',
      reason: 'profile name not found in the top card',
    });
  });
});
