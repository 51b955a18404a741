import { browser } from 'wxt/browser';
import { createApiClient, isApiClientError, type ApiClient, type FetchLike } from '../api-client/index.ts';
import { observeConnection, recordConnection } from '../local/connection.ts';
import { openBatonDb, type BatonDb } from '../local/db.ts';
import { createSyncEngine, type DrainResult, type SyncEngine } from '../local/sync.ts';
import { getSettings, watchSettings, type Settings } from '../settings/index.ts';

export const SYNC_ALARM = 'baton-sync';
/** Chrome's minimum alarm period; the worker may be asleep in between, the alarm wakes it. */
export const SYNC_PERIOD_MINUTES = 1;

export function clientFor(settings: Pick<Settings, 'apiUrl' | 'token'>, fetchImpl?: FetchLike): ApiClient | null {
  if (!settings.apiUrl || !settings.token) return null;
  return createApiClient({ baseUrl: settings.apiUrl, token: settings.token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

export interface SyncServiceOptions {
  db?: BatonDb;
  /** Tests route requests to an in-process API. */
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
}

export interface SyncService {
  engine: SyncEngine;
  db: BatonDb;
  /** Drains now, ignoring backoff. */
  syncNow(): Promise<DrainResult>;
  stop(): void;
}

/**
 * Wires the outbox drain to the service worker's life: an alarm every minute (survives the worker
 * being stopped), browser startup and install, and any settings change (a new token or URL
 * should be tried at once). Call once, synchronously at the top of the background's `main`.
 */
export function startSyncService(options: SyncServiceOptions = {}): SyncService {
  const db = options.db ?? openBatonDb();
  const observed = observeConnection(db, options.fetch);
  const engine = createSyncEngine({
    db,
    client: async () => clientFor(await getSettings(), observed),
    probe: async (client) => {
      try {
        await client.me();
      } catch (error) {
        // The observed fetch has recorded what the failure says about the connection; that is all a probe is for.
        if (!isApiClientError(error)) throw error;
      }
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const drain = (force: boolean) =>
    engine.drain({ force }).catch((error: unknown) => {
      // The outbox is intact; the next alarm tries again.
      console.error('[baton] sync failed', error);
      throw error;
    });
  const quietly = (force: boolean) => () => {
    drain(force).catch(() => {});
  };

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === SYNC_ALARM) quietly(false)();
  };
  const onStart = quietly(true);
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onStart);
  browser.runtime.onInstalled.addListener(onStart);
  const stopWatching = watchSettings((next, previous) => {
    if (next.apiUrl !== previous.apiUrl || next.token !== previous.token) {
      // What the old URL or token got as an answer says nothing about the new one; the forced drain finds out.
      recordConnection(db, 'unknown')
        .catch((error: unknown) => console.warn('[baton] connection state not reset', error))
        .finally(quietly(true));
    }
  });
  // Re-creating an alarm with the same name replaces it, so a woken worker does not stack them.
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
  // The worker also wakes for reasons other than the alarm (a message, a tab): drain what is due.
  quietly(false)();

  return {
    engine,
    db,
    syncNow: () => drain(true),
    stop() {
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onStartup.removeListener(onStart);
      browser.runtime.onInstalled.removeListener(onStart);
      stopWatching();
      void browser.alarms.clear(SYNC_ALARM);
    },
  };
}
