import type { BatonDb } from './db.ts';
import type { SyncMeta } from './types.ts';

export type SyncState = 'synced' | 'waiting' | 'offline' | 'error';

export interface SyncStatus {
  /** Writes waiting to be sent. */
  pending: number;
  /** Writes the API refused; they are not retried (see `failedOps`). */
  failed: number;
  lastSyncedAt: string | null;
  state: SyncState;
  /** What the badge says. */
  message: string;
}

export const emptySyncMeta: SyncMeta = { lastSyncedAt: null, lastAttemptAt: null, lastError: null, retryAt: null, failures: 0 };

export async function readSyncMeta(db: BatonDb): Promise<SyncMeta> {
  return ((await db.meta.get('sync'))?.value as SyncMeta | undefined) ?? emptySyncMeta;
}

const waiting = (count: number) => `${count} waiting to sync`;

export async function syncStatus(db: BatonDb): Promise<SyncStatus> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const pending = await db.outbox.where('state').equals('pending').count();
    const failed = await db.outbox.where('state').equals('failed').count();
    const meta = await readSyncMeta(db);
    const base = { pending, failed, lastSyncedAt: meta.lastSyncedAt };
    if (failed > 0) {
      const first = await db.outbox.where('state').equals('failed').first();
      return { ...base, state: 'error', message: `${failed} could not be saved: ${first?.lastError ?? 'refused by the API'}` };
    }
    if (pending > 0 && meta.lastError?.kind === 'unreachable') {
      return { ...base, state: 'offline', message: 'API unreachable — your work is saved on this device' };
    }
    if (pending > 0 && meta.lastError !== null) {
      return { ...base, state: 'error', message: `${meta.lastError.message} (${waiting(pending)})` };
    }
    if (pending > 0) return { ...base, state: 'waiting', message: waiting(pending) };
    return { ...base, state: 'synced', message: 'synced' };
  });
}
