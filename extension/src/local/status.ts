import { readConnection, type ConnectionState } from './connection.ts';
import type { BatonDb } from './db.ts';
import type { SyncMeta } from './types.ts';

export type SyncState = 'synced' | 'waiting' | 'sending' | 'offline' | 'token_rejected' | 'error';

/**
 * The one answer to "is my work with the team?": the header's badge, the popup and every card
 * that mentions the API read this, so they cannot contradict each other.
 */
export interface SyncStatus {
  /** Writes waiting to be sent. */
  pending: number;
  /** Writes the API refused; they are not retried (see `failedOps`). */
  failed: number;
  lastSyncedAt: string | null;
  /** What the last request to the API (from any part of Baton) said about the connection. */
  connection: ConnectionState;
  state: SyncState;
  /** What the badge says. */
  message: string;
}

export const emptySyncMeta: SyncMeta = { lastSyncedAt: null, lastAttemptAt: null, lastError: null, retryAt: null, failures: 0 };

export async function readSyncMeta(db: BatonDb): Promise<SyncMeta> {
  return ((await db.meta.get('sync'))?.value as SyncMeta | undefined) ?? emptySyncMeta;
}

const waiting = (count: number) => `${count} waiting to sync`;
export const UNREACHABLE_MESSAGE = 'API unreachable — your work is saved on this device';
export const TOKEN_REJECTED_MESSAGE = 'Token rejected — paste a new one in Options';

export async function syncStatus(db: BatonDb): Promise<SyncStatus> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const pending = await db.outbox.where('state').equals('pending').count();
    const failed = await db.outbox.where('state').equals('failed').count();
    const meta = await readSyncMeta(db);
    const connection = (await readConnection(db)).state;
    const base = { pending, failed, lastSyncedAt: meta.lastSyncedAt, connection };
    const queued = pending > 0 ? ` (${waiting(pending)})` : '';
    if (failed > 0) {
      const first = await db.outbox.where('state').equals('failed').first();
      return { ...base, state: 'error', message: `${failed} could not be saved: ${first?.lastError ?? 'refused by the API'}` };
    }
    if (connection === 'token_rejected' || meta.lastError?.kind === 'unauthorized') {
      return { ...base, state: 'token_rejected', message: `${TOKEN_REJECTED_MESSAGE}${queued}` };
    }
    if (connection === 'unreachable' || (pending > 0 && meta.lastError?.kind === 'unreachable')) {
      return { ...base, state: 'offline', message: pending > 0 ? UNREACHABLE_MESSAGE : 'API unreachable' };
    }
    if (pending > 0 && meta.lastError !== null) {
      return { ...base, state: 'error', message: `${meta.lastError.message}${queued}` };
    }
    if (pending > 0 && meta.draining === true) return { ...base, state: 'sending', message: `Sending ${pending}…` };
    if (pending > 0) return { ...base, state: 'waiting', message: waiting(pending) };
    return { ...base, state: 'synced', message: 'synced' };
  });
}
