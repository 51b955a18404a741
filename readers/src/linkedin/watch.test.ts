// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureHtml, loadFixture, type LinkedinFixtureName } from './fixtures/load.ts';
import { STALE_PROFILE_REASON } from './read-profile.ts';
import type { LinkedinReadResult } from './types.ts';
import { watchLinkedin } from './watch.ts';

const DEBOUNCE_MS = 100;
const PERSON_OF_SLUG: Record<string, string> = { 'dana-okafor': 'Dana Okafor', 'tomas-berglund': 'Tomas Berglund' };

function bodyOf(name: LinkedinFixtureName): string {
  return loadFixture(name, { html: fixtureHtml(name) }).document.body.innerHTML;
}

function start(options: { withoutContactLinks?: boolean } = {}) {
  const page = loadFixture('profile-2024-logged-in');
  const { window } = page.dom;
  const emitted: LinkedinReadResult[] = [];
  const controller = new AbortController();
  const strip = (): void => {
    if (!options.withoutContactLinks) return;
    for (const link of window.document.querySelectorAll('#top-card-text-details-contact-info')) link.remove();
  };
  strip();
  watchLinkedin(window, (result) => emitted.push(result), { signal: controller.signal, debounceMs: DEBOUNCE_MS });
  const navigate = async (path: string, fixture: LinkedinFixtureName): Promise<void> => {
    window.history.pushState({}, '', path);
    // LinkedIn first shows a skeleton over the old top card, then swaps in the new person.
    window.document.querySelector('main')?.insertAdjacentHTML('afterbegin', '<div class="skeleton-loader"></div>');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    window.document.body.innerHTML = bodyOf(fixture);
    strip();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
  };
  return { window, emitted, controller, navigate };
}

/** The invariant the sidebar relies on: a profile result never carries another person's data. */
function expectNoMixing(emitted: readonly LinkedinReadResult[]): void {
  for (const result of emitted) {
    if (result.kind === 'profile') expect(result.name).toBe(PERSON_OF_SLUG[result.slug]);
  }
}

function summary(result: LinkedinReadResult | undefined): string | undefined {
  if (result?.kind === 'profile') return `${result.slug}: ${result.name}`;
  return result?.kind === 'not_recognised' ? result.reason : result?.kind;
}

const DANA = 'dana-okafor: Dana Okafor';
const TOMAS = 'tomas-berglund: Tomas Berglund';

describe('watchLinkedin', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits the current page at once, then the next profile after SPA navigation', async () => {
    const { emitted, navigate, controller } = start();
    expect(emitted.map(summary)).toEqual([DANA]);

    await navigate('/in/tomas-berglund/', 'profile-2022');
    expect(emitted.map(summary)).toEqual([DANA, STALE_PROFILE_REASON, TOMAS]);
    expectNoMixing(emitted);
    controller.abort();
  });

  it('does not put the previous person under the new URL when the page has no contact link', async () => {
    const { emitted, navigate, controller } = start({ withoutContactLinks: true });
    await navigate('/in/tomas-berglund/', 'profile-2022');
    expect(emitted.map(summary)).toEqual([DANA, STALE_PROFILE_REASON, TOMAS]);
    expectNoMixing(emitted);
    controller.abort();
  });

  it('stays quiet while mutations do not change the person', async () => {
    const { window, emitted, controller } = start();
    for (let i = 0; i < 5; i += 1) {
      window.document.querySelector('main')?.append(window.document.createElement('div'));
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    }
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(emitted).toHaveLength(1);
    controller.abort();
  });

  it('re-reads on popstate even when the DOM has not changed yet', async () => {
    const { window, emitted, controller } = start();
    window.history.pushState({}, '', '/feed/');
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(emitted).toHaveLength(1);
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(emitted.map(summary)).toEqual([DANA, 'the LinkedIn feed is not a profile']);
    controller.abort();
  });

  it('reads even when the page never stops mutating', async () => {
    const { window, emitted, controller } = start();
    window.history.pushState({}, '', '/in/tomas-berglund/');
    window.document.body.innerHTML = bodyOf('profile-2022');
    for (let i = 0; i < 30; i += 1) {
      window.document.body.append(window.document.createElement('i'));
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    }
    expect(summary(emitted.at(-1))).toBe('tomas-berglund: Tomas Berglund');
    controller.abort();
  });

  it('stops after abort', async () => {
    const { emitted, navigate, controller } = start();
    controller.abort();
    await navigate('/in/tomas-berglund/', 'profile-2022');
    expect(emitted).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
