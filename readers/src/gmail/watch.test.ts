// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadGmailFixture, type GmailFixtureName } from './fixtures/load.ts';
import type { GmailReadResult } from './types.ts';
import { watchGmail } from './watch.ts';

const DEBOUNCE = 100;

function showFixture(win: Window, name: GmailFixtureName): void {
  const source = loadGmailFixture(name).document;
  const body = win.document.importNode(source.body, true);
  win.document.body.replaceChildren(...body.childNodes);
}

function navigate(win: Window, hash: string): void {
  win.location.hash = hash;
}

describe('watchGmail', () => {
  let controller: AbortController;
  let win: Window;
  let seen: GmailReadResult[];

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    win = loadGmailFixture('thread-single').window;
    seen = [];
    watchGmail(win, (result) => seen.push(result), { signal: controller.signal, debounceMs: DEBOUNCE });
  });

  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reports the page it starts on', () => {
    expect(seen.map((r) => r.kind === 'thread' && r.threadId)).toEqual(['18f3c2a1b4d5e6f7']);
  });

  it('re-reads once the DOM settles after navigating to another thread', async () => {
    navigate(win, '#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV');
    showFixture(win, 'thread-many');
    await vi.advanceTimersByTimeAsync(DEBOUNCE - 1);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ kind: 'thread', threadId: '1902ab34cd56ef78' });
  });

  it('never shows the old thread under the new address while Gmail is still swapping the DOM', async () => {
    navigate(win, '#inbox/FMfcgzQVxHZZrDksNFGVSBwZlxTgxGbV');
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    expect(seen.at(-1)).toMatchObject({ kind: 'not_recognised', code: 'stale_thread' });
    showFixture(win, 'thread-many');
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    expect(seen.at(-1)).toMatchObject({ kind: 'thread', threadId: '1902ab34cd56ef78' });
  });

  it('stays quiet when the DOM changes but the page identity does not', async () => {
    const avatar = win.document.createElement('img');
    win.document.querySelector('.gD')?.append(avatar);
    win.document.querySelector('.a3s')?.append(win.document.createTextNode(' (edited)'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE * 3);
    expect(seen).toHaveLength(1);
  });

  it('emits when the user goes from the thread to the inbox list', async () => {
    navigate(win, '#inbox');
    showFixture(win, 'inbox-list');
    await vi.advanceTimersByTimeAsync(DEBOUNCE);
    expect(seen.map((r) => r.kind)).toEqual(['thread', 'list']);
  });

  it('stops watching when the signal aborts', async () => {
    controller.abort();
    navigate(win, '#inbox');
    showFixture(win, 'inbox-list');
    await vi.advanceTimersByTimeAsync(DEBOUNCE * 3);
    expect(seen).toHaveLength(1);
  });
});
