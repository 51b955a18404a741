import type { BrowserContext } from '@playwright/test';
import { waitForSidebarHeading } from './sidebar-frame.ts';

export interface LoadCost {
  TaskDuration: number;
  ScriptDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
}

// The content script runs at document_idle and its page watcher debounces for 200 ms: a second
// of quiet after the sidebar shows the brief covers everything it does at load.
const QUIET_MS = 1000;

/**
 * Main-thread time of one fresh load of `url` in its own tab, from the renderer's own counters
 * (CDP Performance.getMetrics, in ms). With the extension, the load counts as done when the
 * sidebar shows `expectName`; the sidebar frame is an extension process of its own, so only what
 * runs in the Gmail page is counted.
 */
export async function loadCost(context: BrowserContext, url: string, expectName: string | null): Promise<LoadCost> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    if (expectName !== null) {
      await waitForSidebarHeading(page, expectName);
    }
    await page.waitForTimeout(QUIET_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: keyof LoadCost) => (metrics.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000;
    return {
      TaskDuration: metric('TaskDuration'),
      ScriptDuration: metric('ScriptDuration'),
      LayoutDuration: metric('LayoutDuration'),
      RecalcStyleDuration: metric('RecalcStyleDuration'),
    };
  } finally {
    await page.close();
  }
}
