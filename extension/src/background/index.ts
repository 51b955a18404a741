/**
 * Service-worker side of sync. The background entrypoint calls `startSync()` once in `main`; the
 * bridge's `syncNow` method calls `syncNow()`. Pages read progress through the bridge
 * (`syncStatus`, re-read on every change event): only the worker opens the database.
 */
import type { DrainResult } from '../local/sync.ts';
import { startSyncService, type SyncService, type SyncServiceOptions } from './sync-service.ts';

export { clientFor, startSyncService, SYNC_ALARM, SYNC_PERIOD_MINUTES, type SyncService, type SyncServiceOptions } from './sync-service.ts';

let service: SyncService | null = null;

/** Starts the sync service for this worker (idempotent). */
export function startSync(options?: SyncServiceOptions): SyncService {
  service ??= startSyncService(options);
  return service;
}

/** Drains the outbox now, ignoring backoff; starts the service if needed. */
export async function syncNow(): Promise<void> {
  const result: DrainResult = await startSync().syncNow();
  if (result.stoppedBy) console.info(`[baton] sync stopped: ${result.stoppedBy.message}`);
}

/** For tests: forget the running service. */
export function stopSync(): void {
  service?.stop();
  service = null;
}
