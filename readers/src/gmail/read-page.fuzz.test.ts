// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GMAIL_FIXTURE_NAMES, GMAIL_FIXTURES, loadGmailFixture } from './fixtures/load.ts';
import { isShown } from './dom.ts';
import { readGmailPage } from './read-page.ts';
import { GmailReadResultSchema } from './types.ts';

// Values chosen to hit the parsers' edges: ids that overflow or are not numbers, near-emails,
// dates that do not exist, hiding styles.
const junkValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'undefined', '', '#msg-f:', '#msg-f:99999999999999999999999', '#msg-f:0', 'msg-a:r-5', 'thread-f:abc',
    'thread-f:18446744073709551616', 'thread-a:r-1', 'ffffffffffffffff', '0000000000000000', '@', 'a@b',
    'X@Example.COM', 'Google Account: (x@y.z)', 'Google Account: Eve (eve@example.com)', 'display:none',
    'Tue, Feb 30, 2025, 10:00 AM', 'Mon, Mar 3, 2025, 0:00 PM', '<script>alert(1)</script>',
    '#msg-x:Zk81', 'opaque:', 'thread-x:7Q', '#thread-f:1797994676030400247', 'msg-a:', 'Di., 4. März 2025, 14:05',
    '2025年3月4日(火) 14:05', 'вт, 4 мар. 2025 г., 25:61', 'Tue, Mar 4, 99999, 10:15 AM', 'x'.repeat(300),
  ),
);
const attributeName = fc.constantFrom(
  'email', 'name', 'title', 'class', 'role', 'style', 'hidden', 'aria-label', 'data-message-id', 'lang',
  'data-legacy-message-id', 'data-legacy-thread-id', 'data-thread-perm-id', 'contenteditable',
);
const gmailClass = fc.constantFrom(
  'adn ads', 'hP', 'ha', 'gD', 'g2', 'hb', 'g3', 'a3s', 'a3s undefined', 'ii gt', 'adP', 'zA', 'zF', 'yP', 'kv',
  'h7', 'gmail_quote', 'adL', 'h5', 'ajC', 'gF', 'x9Q',
);

const mutation = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('class' as const), at: fc.nat(), value: fc.oneof(gmailClass, fc.string({ maxLength: 12 })) }),
  fc.record({ op: fc.constant('attribute' as const), at: fc.nat(), name: attributeName, value: fc.option(junkValue) }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat({ max: 30 }) }),
  fc.record({ op: fc.constant('cut-after' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('inject' as const),
    at: fc.nat(),
    tag: fc.constantFrom('div', 'span', 'h2', 'tr', 'table', 'blockquote', 'a', 'br', 'p'),
    value: gmailClass,
    attributes: fc.array(fc.tuple(attributeName, junkValue), { maxLength: 3 }),
    text: junkValue,
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: Document, change: Mutation): void {
  const elements = [...doc.querySelectorAll('body *')];
  const target = elements[change.at % Math.max(elements.length, 1)];
  if (target === undefined) return;
  switch (change.op) {
    case 'remove':
      target.remove();
      return;
    case 'class':
      target.setAttribute('class', change.value);
      return;
    case 'attribute':
      if (change.value === null) target.removeAttribute(change.name);
      else target.setAttribute(change.name, change.value);
      return;
    case 'shuffle': {
      const children = [...target.children];
      children.sort((a, b) => ((children.indexOf(a) * 7919 + change.seed) % 13) - ((children.indexOf(b) * 7919 + change.seed) % 13));
      for (const child of children) target.append(child);
      return;
    }
    case 'truncate':
      target.textContent = (target.textContent ?? '').slice(0, change.keep);
      return;
    case 'cut-after':
      for (const later of elements.slice(change.at % elements.length + 1)) later.remove();
      return;
    case 'inject': {
      const element = doc.createElement(change.tag);
      element.setAttribute('class', change.value);
      for (const [name, value] of change.attributes) element.setAttribute(name, value);
      element.textContent = change.text;
      target.append(element);
    }
  }
}

const address = (fixtureUrl: string) =>
  fc.oneof(
    fc.constant(fixtureUrl),
    fc.constantFrom(
      'https://mail.google.com/mail/u/0/#inbox',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV',
      'https://mail.google.com/mail/u/0/#inbox/BCDFGHJKLMNPQRSTVWXZ',
      'https://mail.google.com/mail/u/0/#label/%E0%A4%A/ffffffffffffffff',
      'about:blank',
    ),
    fc.string({ maxLength: 30 }).map((hash) => `https://mail.google.com/mail/u/1/#${hash}`),
  );

describe('readGmailPage on mutated fixture pages', () => {
  it.each(GMAIL_FIXTURE_NAMES)('never throws and always returns a valid result: %s', { timeout: 60_000 }, (name) => {
    const { document } = loadGmailFixture(name);
    const kinds = new Set<string>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), address(GMAIL_FIXTURES[name].url), (changes, url) => {
        const doc = document.cloneNode(true) as Document;
        for (const change of changes) apply(doc, change);
        const result = readGmailPage(doc, url);
        kinds.add(result.kind);
        const parsed = GmailReadResultSchema.safeParse(result);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        // Issue 12: a page showing a thread heading or a message (outside list rows) is a thread, never refused.
        if (result.kind === 'not_recognised' && result.code === 'thread_markup_unknown') {
          const shownThreadParts = [...doc.querySelectorAll('div[role="main"]')].flatMap((main) =>
            [...main.querySelectorAll('h2.hP, .ha h2, div.adn, [data-message-id]')].filter((element) => isShown(element, main) && element.closest('tr.zA') === null),
          );
          expect(shownThreadParts).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
    // The mutations must actually reach the reader's branches, not just break every page.
    expect(kinds.size).toBeGreaterThan(1);
  });
});
