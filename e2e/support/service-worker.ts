import type { BrowserContext } from '@playwright/test';
import { extensionWorker } from './extension.ts';

/*
 * What the extension shows outside any page — the toolbar badge and system notifications — read
 * from its service worker, as the browser itself would show them.
 */

interface WorkerGlobal {
  chrome: {
    action: { getBadgeText(details: object): Promise<string> };
    notifications: { getAll(): Promise<Record<string, boolean>> };
  };
}

export async function badgeText(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  return worker.evaluate(() => (globalThis as unknown as WorkerGlobal).chrome.action.getBadgeText({}));
}

/** Ids of the system notifications on screen (the API's notification ids). */
export async function systemNotificationIds(context: BrowserContext): Promise<string[]> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async () => Object.keys(await (globalThis as unknown as WorkerGlobal).chrome.notifications.getAll()).sort());
}
