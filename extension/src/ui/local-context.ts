import { openBatonDb, type BatonDb } from '../local/db.ts';
import type { LocalContext } from '../local/context.ts';
import { sendToBackground } from '../messages/send.ts';
import type { Settings } from '../settings/index.ts';

let shared: BatonDb | null = null;

/** One Dexie connection per extension page. */
export function batonDb(): BatonDb {
  shared ??= openBatonDb();
  return shared;
}

/**
 * The data layer's context for writes made from a page: the signed-in user acts, and every queued
 * write nudges the background to sync now instead of waiting for the next alarm.
 */
export function pageLocalContext(settings: Pick<Settings, 'user'>, db: BatonDb = batonDb()): LocalContext {
  return {
    db,
    now: () => new Date(),
    userId: () => settings.user?.id ?? null,
    onQueued: () => {
      sendToBackground({ type: 'sync-now' }).catch((error: unknown) => {
        // The alarm-driven drain still runs; the write itself is safe in the outbox.
        console.warn('[baton] could not wake the background to sync', error);
      });
    },
  };
}
