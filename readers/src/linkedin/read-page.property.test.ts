// @vitest-environment jsdom
import { canonicalLinkedinUrl, linkedinSlug } from '@baton/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINKEDIN_FIXTURE_NAMES, LINKEDIN_FIXTURES, fixtureHtml, loadFixture } from './fixtures/load.ts';
import { readLinkedinPage } from './read-page.ts';
import { LinkedinReadResultSchema, type LinkedinReadResult } from './types.ts';

/*
 * LinkedIn's markup changes under us: whatever a page turns into, the reader must return a valid
 * result and must not pick up the viewer or another person.
 */

const TOKENS = [
  'text-heading-xlarge', 'artdeco-card', 'ghost-person', 'pv-top-card', 'visually-hidden',
  'top-card-text-details-contact-info', 'experience', 'profile-component-entity', 'true',
  'Current company: ', 'Current company: X. Click to skip to experience card', '/in/other-person/overlay/contact-info/',
  'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'https://media.licdn.com/x.jpg', 'javascript:alert(1)', '',
];
const JUNK = [
  '<h1 class="text-heading-xlarge"></h1>', '<section class="artdeco-card" data-member-id="1"><h2>x</h2>',
  '<div id="experience"></div><div data-view-name="profile-component-entity"><span aria-hidden="true"> </span></div>',
  '<img class="pv-top-card-profile-picture__image--show" src="::">', '<code id="bpr-guid-5">{"publicIdentifier":',
  '<a id="top-card-text-details-contact-info" href="http://[::1">x</a>', '<button aria-label="Current company: ">',
];
const ATTRIBUTES = [
  'id', 'class', 'href', 'src', 'aria-label', 'aria-hidden', 'data-member-id', 'data-view-name', 'data-section',
];

const text = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 40 }));
const mutation = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('attr' as const), at: fc.nat(), name: fc.constantFrom(...ATTRIBUTES), value: text }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), value: text }),
  fc.record({ op: fc.constant('junk' as const), at: fc.nat(), html: fc.oneof(fc.constantFrom(...JUNK), fc.string()) }),
  fc.record({ op: fc.constant('json' as const), payload: fc.jsonValue(), identify: fc.boolean() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(doc: Document, slug: string | null, change: Mutation): void {
  const all = doc.querySelectorAll('*');
  const target = 'at' in change ? all[change.at % Math.max(all.length, 1)] : undefined;
  switch (change.op) {
    case 'remove': return target?.remove();
    case 'attr': return target?.setAttribute(change.name, change.value);
    case 'text': if (target) target.textContent = change.value; return;
    case 'junk': return target?.insertAdjacentHTML('beforeend', change.html);
    case 'json': {
      const code = doc.createElement('code');
      code.id = 'bpr-guid-42';
      const payload = change.identify
        ? { publicIdentifier: slug, firstName: change.payload, headline: change.payload }
        : change.payload;
      code.textContent = JSON.stringify(payload) ?? '';
      return void doc.body?.append(code);
    }
  }
}

const page = fc.record({
  name: fc.constantFrom(...LINKEDIN_FIXTURE_NAMES),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  changes: fc.array(mutation, { maxLength: 12 }),
});

const otherUrl = fc.option(fc.oneof(fc.webUrl(), fc.string(), fc.constant('https://www.linkedin.com/in/x-y')), {
  nil: undefined,
});

type PageInput = typeof page extends fc.Arbitrary<infer P> ? P : never;

function readMutated({ name, cut, changes }: PageInput, url?: string): LinkedinReadResult {
  const html = fixtureHtml(name);
  const source = cut === undefined ? html : html.slice(0, Math.floor(html.length * cut));
  const fixture = loadFixture(name, { html: source });
  const target = url ?? fixture.url;
  for (const change of changes) mutate(fixture.document, linkedinSlug(target), change);
  return readLinkedinPage(fixture.document, target);
}

// jsdom parses a page per run; on a busy machine that outgrows vitest's default 5 s per test.
const SLOW = { timeout: 60_000 };

describe('readLinkedinPage on damaged pages', () => {
  it('never throws and always returns a schema-valid result', SLOW, () => {
    fc.assert(
      fc.property(page, otherUrl, (input, url) => {
        const result = readMutated(input, url);
        expect(LinkedinReadResultSchema.safeParse(result).success).toBe(true);
        // The reader's own safety nets (caught exception, invalid result) must never be needed.
        expect(result.kind === 'not_recognised' ? result.reason : '').not.toMatch(/^reader /);
        if (result.kind === 'profile') {
          const target = url ?? LINKEDIN_FIXTURES[input.name];
          expect(result.slug).toBe(linkedinSlug(target));
          expect(result.profileUrl).toBe(canonicalLinkedinUrl(target));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never reports the viewer, however the logged-in page is damaged', SLOW, () => {
    fc.assert(
      fc.property(page, (input) => {
        const result = readMutated({ ...input, name: 'profile-2024-logged-in' });
        expect(JSON.stringify(result)).not.toMatch(/Riley|Quinlan|Ines|Baton Demo|Leeds|made-up-viewer/);
      }),
      { numRuns: 200 },
    );
  });

  it('never mixes in the previous person\'s embedded payload', SLOW, () => {
    fc.assert(
      fc.property(page, (input) => {
        const result = readMutated({ ...input, name: 'profile-stale-json' });
        expect(JSON.stringify(result)).not.toMatch(/Dana|Okafor|Rotterdam|Brightwave/);
      }),
      { numRuns: 200 },
    );
  });
});
