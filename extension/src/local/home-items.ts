import type { ApiClient } from '../api-client/index.ts';
import type { BatonDb } from './db.ts';
import { cacheHandoffs } from './read.ts';

export interface HomeItems {
  handoffs: { id: string; who: string; what: string; at: string }[];
  overdue: { id: string; who: string; title: string; what: string | null; due: string }[];
}

const CLOSED = new Set(['won', 'lost']);

/** Outside a thread: handoffs waiting for the user and their next steps that slipped, from the cache. */
export async function homeItems(db: BatonDb, userId: string | null, now: Date): Promise<HomeItems> {
  if (userId === null) return { handoffs: [], overdue: [] };
  const handoffs = await db.handoffs.where('toUserId').equals(userId).filter((handoff) => handoff.status === 'pending').toArray();
  const deals = await db.deals.where('ownerId').equals(userId).toArray();
  const overdue = deals.filter((deal) => deal.nextStep.dueAt !== null && Date.parse(deal.nextStep.dueAt) < now.getTime() && !CLOSED.has(deal.stage));
  const contactIds = [...new Set([...handoffs.map((handoff) => handoff.contactId), ...overdue.map((deal) => deal.contactId)])];
  const contacts = new Map((await db.contacts.bulkGet(contactIds)).flatMap((contact) => (contact ? [[contact.id, contact] as const] : [])));
  const nameOf = (id: string) => contacts.get(id)?.name ?? contacts.get(id)?.emails[0] ?? 'A contact';
  return {
    handoffs: handoffs.map((handoff) => ({ id: handoff.id, who: nameOf(handoff.contactId), what: handoff.nextStep.what, at: handoff.createdAt })),
    overdue: overdue.map((deal) => ({ id: deal.id, who: nameOf(deal.contactId), title: deal.title, what: deal.nextStep.what, due: deal.nextStep.dueAt ?? '' })),
  };
}

/** Pulls the user's pending handoffs and deals into the cache, leaving alone deals with unsynced changes. */
export async function refreshHome(db: BatonDb, client: ApiClient) {
  const [handoffs, deals] = await Promise.all([client.listHandoffs({ to: 'me', status: 'pending' }), client.listDeals({ owner: 'me' })]);
  await cacheHandoffs(db, handoffs);
  await db.transaction('rw', db.deals, db.outbox, async () => {
    const pending = new Set((await db.outbox.where('entityId').anyOf(deals.map((deal) => deal.id)).toArray()).map((op) => op.entityId));
    await db.deals.bulkPut(deals.filter((deal) => !pending.has(deal.id)).map((deal) => ({ ...deal, synced: true })));
  });
  return { handoffs: handoffs.map((handoff) => ({ ...handoff, synced: true })), deals: deals.length };
}
