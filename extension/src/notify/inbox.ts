import type { Notification } from '@baton/shared';
import { browser } from 'wxt/browser';
import type { BatonDb } from '../local/db.ts';
import { cacheNotifications } from '../local/read.ts';
import { NOTIFICATION_ICON_URL } from './icon.ts';
import { loadNotifyState, saveNotifyState, type NotifyState } from './notify-state.ts';

/**
 * On a first sign-in the backlog holds every unread notification; only recent ones pop up
 * (older ones still count on the badge), so the rep is not buried under last month's news.
 */
export const ANNOUNCE_WITHIN_MS = 24 * 60 * 60_000;

export interface Inbox {
  /** The highest seq handled: where the stream and the poll resume. */
  lastSeq(): Promise<number | null>;
  /** Caches notifications (stream or poll, any order, repeats welcome) and shows each new unread one once. */
  receive(notifications: readonly Notification[]): Promise<void>;
  /** Takes a system notification off the screen (clicked, or read). */
  dismiss(notificationId: string): Promise<void>;
}

/**
 * The single place notifications enter the worker. Work is serialised, so when the stream and
 * the poll deliver the same row at the same moment the second sees the first's bookkeeping.
 */
export function createInbox(options: { db: BatonDb; account: string; now: () => Date }): Inbox {
  const { db, account, now } = options;
  let state: NotifyState | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: (current: NotifyState) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => work((state ??= await loadNotifyState(account))));
    // The caller gets the failure; the queue itself must keep going for the next delivery.
    queue = run.catch(() => undefined);
    return run;
  };

  const show = async (notification: Notification) => {
    try {
      await browser.notifications.create(notification.id, {
        type: 'basic',
        iconUrl: NOTIFICATION_ICON_URL,
        title: notification.title,
        message: notification.body,
      });
    } catch (error) {
      // Notifications blocked by the OS or the user: the badge and the popup still tell the rep.
      console.warn('[baton] could not show a system notification', error);
    }
  };

  return {
    lastSeq: () => serial(async (current) => current.lastSeq),
    receive: (notifications) =>
      serial(async (current) => {
        if (notifications.length === 0) return;
        await cacheNotifications(db, notifications);
        const announced = new Set(current.announced);
        const onScreen = new Set(current.onScreen);
        let lastSeq = current.lastSeq;
        for (const notification of [...notifications].sort((a, b) => a.seq - b.seq)) {
          lastSeq = Math.max(lastSeq ?? notification.seq, notification.seq);
          // The local row decides: a read still waiting in the outbox is newer than the server's copy.
          const unread = (await db.notifications.get(notification.id))?.unread === 1;
          if (unread && !announced.has(notification.id)) {
            announced.add(notification.id);
            if (now().getTime() - Date.parse(notification.createdAt) <= ANNOUNCE_WITHIN_MS) {
              await show(notification);
              onScreen.add(notification.id);
            }
          } else if (!unread && onScreen.delete(notification.id)) {
            await browser.notifications.clear(notification.id);
          }
        }
        state = { account, lastSeq, announced: [...announced], onScreen: [...onScreen] };
        await saveNotifyState(state);
      }),
    dismiss: (notificationId) =>
      serial(async (current) => {
        await browser.notifications.clear(notificationId);
        if (!current.onScreen.includes(notificationId)) return;
        state = { ...current, onScreen: current.onScreen.filter((id) => id !== notificationId) };
        await saveNotifyState(state);
      }),
  };
}
