import type { Frame, Page } from '@playwright/test';
import { threadMainHtml, threadUrl, type FixtureThread } from '../fixtures/gmail-thread.ts';

/*
 * Marks on two timelines joined by absolute time (performance.timeOrigin + performance.now(),
 * the same clock in every frame): the Gmail page marks when the new thread's DOM is in place;
 * a MutationObserver in the sidebar frame marks when the new thread's participant appears, when
 * the contact's heading (the brief) is in the DOM, and the next animation frame after it (painted).
 */

interface Probe {
  email: string;
  name: string;
  threadShown: number | null;
  briefInDom: number | null;
  briefPainted: number | null;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
  }
}

export async function installBriefProbe(frame: Frame): Promise<void> {
  // No named helpers inside: tsx would wrap them in a `__name` call the frame does not have.
  await frame.evaluate(() => {
    const probe: Probe = { email: '', name: '', threadShown: null, briefInDom: null, briefPainted: null };
    window.__benchProbe = probe;
    new MutationObserver(() => {
      if (probe.email === '') return;
      if (probe.threadShown === null && document.body.textContent?.includes(probe.email)) {
        probe.threadShown = performance.timeOrigin + performance.now();
        performance.mark('bench:thread-shown');
      }
      if (probe.briefInDom === null && document.querySelector('h1')?.textContent === probe.name) {
        probe.briefInDom = performance.timeOrigin + performance.now();
        performance.mark('bench:brief-in-dom');
        requestAnimationFrame(() => {
          probe.briefPainted = performance.timeOrigin + performance.now();
          performance.mark('bench:brief-painted');
        });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export interface SwitchSample {
  /** From the thread's DOM being present to the sidebar showing that thread's participant. */
  threadShown: number;
  briefInDom: number;
  briefPainted: number;
}

/** Opens `thread` the way Gmail does (address, then the main view swapped) and times the sidebar. */
export async function switchThread(page: Page, frame: Frame, thread: FixtureThread, name: string): Promise<SwitchSample> {
  const email = thread.messages[0].from.email;
  await frame.evaluate(
    ({ email, name }) => {
      const probe = window.__benchProbe;
      if (!probe) throw new Error('The probe is not installed');
      Object.assign(probe, { email, name, threadShown: null, briefInDom: null, briefPainted: null });
    },
    { email, name },
  );
  const domPresent = await page.evaluate(
    ({ hash, main, title }) => {
      window.location.hash = hash;
      const view = document.querySelector('div[role="main"]');
      if (!view) throw new Error('The fixture page has no main view');
      view.innerHTML = main;
      document.title = title;
      performance.mark('bench:thread-dom-present');
      return performance.timeOrigin + performance.now();
    },
    { hash: new URL(threadUrl(thread)).hash, main: threadMainHtml(thread), title: `${thread.subject} - ${thread.user.email} - Gmail` },
  );
  await frame.waitForFunction(() => window.__benchProbe?.briefPainted !== null, undefined, { timeout: 30_000 });
  // Let the API refresh behind the cached brief finish, so switches do not overlap.
  await frame.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 30_000 });
  const probe = await frame.evaluate(() => window.__benchProbe);
  if (!probe || probe.threadShown === null || probe.briefInDom === null || probe.briefPainted === null) throw new Error('The probe missed a mark');
  return { threadShown: probe.threadShown - domPresent, briefInDom: probe.briefInDom - domPresent, briefPainted: probe.briefPainted - domPresent };
}
