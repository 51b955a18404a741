import type { BatonDb } from './db.ts';

/**
 * Whether the recipient has been told: a handoff saved on this device is not "waiting for Alex
 * to accept" until the API has it. `failed` carries the API's refusal.
 */
export type HandoffDelivery = { state: 'queued' } | { state: 'sent' } | { state: 'failed'; reason: string } | { state: 'unknown' };

export async function handoffDelivery(db: BatonDb, handoffId: string): Promise<HandoffDelivery> {
  return db.transaction('r', db.handoffs, db.outbox, async () => {
    const op = await db.outbox.where('entityId').equals(handoffId).filter((entry) => entry.kind === 'handoff').first();
    if (op?.state === 'failed') return { state: 'failed', reason: op.lastError ?? 'refused by the API' };
    if (op !== undefined) return { state: 'queued' };
    const handoff = await db.handoffs.get(handoffId);
    if (handoff === undefined) return { state: 'unknown' };
    return handoff.synced ? { state: 'sent' } : { state: 'queued' };
  });
}
