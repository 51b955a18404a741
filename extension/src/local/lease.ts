import type { BatonDb } from './db.ts';

/*
 * One drain at a time across extension contexts (service worker, sidebar, popup): a lease row in
 * the shared database. It expires, so a worker killed mid-drain never blocks the next one.
 */

export async function acquireLease(db: BatonDb, holder: string, now: Date, leaseMs: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('lease');
    const lease = row?.value as { holder: string; expiresAt: string } | undefined;
    if (lease && lease.holder !== holder && Date.parse(lease.expiresAt) > now.getTime()) return false;
    await db.meta.put({ key: 'lease', value: { holder, expiresAt: new Date(now.getTime() + leaseMs).toISOString() } });
    return true;
  });
}

export async function releaseLease(db: BatonDb, holder: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('lease');
    if ((row?.value as { holder: string } | undefined)?.holder === holder) await db.meta.delete('lease');
  });
}
