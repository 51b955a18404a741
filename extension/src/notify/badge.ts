import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { BatonDb } from '../local/db.ts';

export const BADGE_COLOR = '#1f4ed8';

export function badgeText(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

/**
 * Keeps the toolbar badge at the number of unread notifications in the local cache. A live query,
 * so a notification read in the sidebar or the popup (another context writing the same database)
 * updates it at once, as does a poll that learns it was read on another machine.
 * `userId` narrows the count to the signed-in user when known: the cache may hold a previous user's rows.
 */
export function watchBadge(db: BatonDb, userId: () => string | null): () => void {
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  const subscription = liveQuery(async () => {
    const unread = await db.notifications.where('unread').equals(1).toArray();
    const mine = userId();
    return mine === null ? unread.length : unread.filter((notification) => notification.userId === mine).length;
  }).subscribe({
    next: (count) => void browser.action.setBadgeText({ text: badgeText(count) }),
    error: (error: unknown) => console.error('[baton] the unread badge stopped updating', error),
  });
  return () => subscription.unsubscribe();
}

export function clearBadge(): Promise<void> {
  return browser.action.setBadgeText({ text: '' });
}
