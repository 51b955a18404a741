// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { GMAIL_SELECTORS } from './selectors.ts';

describe('GMAIL_SELECTORS', () => {
  const entries = Object.entries(GMAIL_SELECTORS).flatMap(([key, fallbacks]) =>
    fallbacks.map((fallback) => [key, fallback.selector, fallback.since] as const),
  );

  it.each(entries)('%s: %s is valid and dated', (_key, selector, since) => {
    expect(() => document.querySelector(selector)).not.toThrow();
    expect(since).toMatch(/^\d{4}(?:-\d{2})?$/);
  });

  it('never lists the same selector twice for one field', () => {
    for (const fallbacks of Object.values(GMAIL_SELECTORS)) {
      const selectors = fallbacks.map((fallback) => fallback.selector);
      expect(new Set(selectors).size).toBe(selectors.length);
    }
  });
});
