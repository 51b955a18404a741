/**
 * Notifications in the background service worker: `startNotifications()` (called once in the
 * background's `main`) keeps the SSE stream, the polling alarm, the system notifications and the
 * unread badge running, and returns a stop function. The parts: stream (fetch-based
 * text/event-stream client over eventsource-parser, with backoff and Last-Event-ID), poll (the alarm's catch-up),
 * inbox (cache, de-duplicate, announce), badge, open-target (where a click goes).
 */
import { syncNow } from '../background/index.ts';
import { startNotificationService, type NotificationService, type NotificationServiceOptions } from './service.ts';

export { startNotificationService, NOTIFY_ALARM, NOTIFY_PERIOD_MINUTES, type NotificationService, type NotificationServiceOptions } from './service.ts';
export { openNotificationStream, type NotificationStream, type StreamState } from './stream.ts';
export { badgeText } from './badge.ts';
export { notificationTarget, gmailSearchUrl, gmailThreadUrl } from './open-target.ts';

let running: NotificationService | null = null;

/** Starts the notification service for this worker (idempotent); the returned function stops it. */
export function startNotifications(options: NotificationServiceOptions = {}): () => Promise<void> {
  // A click marks the notification read in the outbox; pushing it now keeps other devices' badges honest.
  running ??= startNotificationService({ afterRead: () => void syncNow(), ...options });
  const service = running;
  return async () => {
    if (running === service) running = null;
    await service.stop();
  };
}
