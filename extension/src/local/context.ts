import type { BatonDb } from './db.ts';
import type { OutboxKind, OutboxOp, OutboxPayloads } from './types.ts';
import { uuidv4 } from './uuid.ts';

/** Stands in for the signed-in user until "Test connection" stored who that is; the server's answer replaces it. */
export const UNKNOWN_USER_ID = '00000000-0000-0000-0000-000000000000';

export interface LocalContext {
  db: BatonDb;
  now: () => Date;
  /** The signed-in user's id (settings.user.id), used as actor/owner of records not yet synced. */
  userId: () => string | null;
  /** Called after a write was queued, e.g. to ask the background to sync now. */
  onQueued?: () => void;
}

export function actor(ctx: LocalContext): string {
  return ctx.userId() ?? UNKNOWN_USER_ID;
}

/** Builds an outbox op; the caller adds it inside the same transaction as the local record. */
export function newOp<K extends OutboxKind>(ctx: LocalContext, kind: K, entityId: string, payload: OutboxPayloads[K]): OutboxOp {
  const at = ctx.now().toISOString();
  return {
    opId: uuidv4(),
    kind,
    entityId,
    payload,
    createdAt: at,
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    state: 'pending',
  } as OutboxOp;
}

export function queued(ctx: LocalContext): void {
  ctx.onQueued?.();
}
