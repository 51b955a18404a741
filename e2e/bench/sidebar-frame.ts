import type { Frame, Page } from '@playwright/test';

const isSidebar = (frame: Frame) => frame.url().startsWith('chrome-extension://');

/**
 * Waits until the sidebar frame of `page` shows `name` as its heading, without running anything in
 * the Gmail page itself: a locator that starts from the page (`page.locator('iframe')…`) would
 * inject Playwright's own script into the page's main world, and the load benchmark would count
 * that script's compile and polling as the extension's cost. Frames are found from the browser's
 * frame tree instead, and only the extension frame (its own process) is queried.
 */
export async function waitForSidebarHeading(page: Page, name: string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: isSidebar });
  const frame = page.frames().find(isSidebar) ?? (await navigated);
  navigated.catch(() => undefined);
  await frame.getByRole('heading', { level: 1, name }).waitFor();
}
