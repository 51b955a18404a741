import { composeBrief, type Brief, type Handoff, type Notification, type UserSummary } from '@baton/shared';
import Dexie from 'dexie';
import type { ApiClient, BriefQuery } from '../api-client/index.ts';
import type { BatonDb } from './db.ts';
import { resolveContactId, toLocalContact } from './contacts.ts';
import type { LocalActivity, LocalNotification } from './types.ts';

const TIMELINE_PAGE = 50;

const strip = <T extends { synced?: boolean }>({ synced: _synced, ...rest }: T): Omit<T, 'synced'> => rest;

/** The brief composed from this device's cache only: instant, and available offline. Null when the contact is unknown here. */
export async function localBrief(db: BatonDb, contactId: string, now: Date = new Date()): Promise<Brief | null> {
  const id = await resolveContactId(db, contactId);
  const contact = await db.contacts.get(id);
  if (contact === undefined) return null;
  const deals = await db.deals.where('contactId').equals(id).toArray();
  const handoffs = deals.length === 0 ? [] : await db.handoffs.where('dealId').anyOf(deals.map((deal) => deal.id)).toArray();
  const timeline = await db.activities
    .where('[contactId+occurredAt]')
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .reverse()
    .limit(TIMELINE_PAGE)
    .toArray();
  const users = ((await db.meta.get('users'))?.value as UserSummary[] | undefined) ?? [];
  const { linkedinSlug: _slug, synced: _synced, ...plainContact } = contact;
  return composeBrief(
    {
      contact: plainContact,
      deals: deals.map(strip),
      handoffs: handoffs.map(strip),
      timeline: timeline.map(strip),
      nextCursor: null,
      users,
    },
    now,
  );
}

/** The timeline from the cache, newest first, for paging beyond the brief. */
export function localTimeline(db: BatonDb, contactId: string, options: { before?: string; limit?: number } = {}): Promise<LocalActivity[]> {
  return db.activities
    .where('[contactId+occurredAt]')
    .between([contactId, Dexie.minKey], [contactId, options.before ?? Dexie.maxKey], true, false)
    .reverse()
    .limit(options.limit ?? TIMELINE_PAGE)
    .toArray();
}

/** Ids with a write still waiting in the outbox: the server's copy is older than ours, so it must not overwrite it. */
async function pendingIds(db: BatonDb, ids: string[]): Promise<Set<string>> {
  const ops = await db.outbox.where('entityId').anyOf(ids).toArray();
  return new Set(ops.map((op) => op.entityId));
}

export async function cacheUsers(db: BatonDb, users: readonly UserSummary[]): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const known = new Map((((await db.meta.get('users'))?.value as UserSummary[] | undefined) ?? []).map((user) => [user.id, user]));
    for (const user of users) known.set(user.id, user);
    await db.meta.put({ key: 'users', value: [...known.values()] });
  });
}

/** Writes a server brief into the tables, leaving alone records this device has unsynced changes to. */
export async function cacheBrief(db: BatonDb, brief: Brief): Promise<void> {
  const deals = [...(brief.deal ? [brief.deal] : []), ...brief.otherDeals];
  const handoff = brief.latestHandoff;
  const users = [brief.owner, brief.dealOwner, handoff?.from ?? null, handoff?.to ?? null].filter((user): user is UserSummary => user !== null);
  await db.transaction('rw', [db.contacts, db.deals, db.activities, db.handoffs, db.outbox, db.meta], async () => {
    const pending = await pendingIds(db, [brief.contact.id, ...deals.map((deal) => deal.id), ...(handoff ? [handoff.id] : [])]);
    if (!pending.has(brief.contact.id)) await db.contacts.put(toLocalContact(brief.contact));
    await db.deals.bulkPut(deals.filter((deal) => !pending.has(deal.id)).map((deal) => ({ ...deal, synced: true })));
    if (handoff && !pending.has(handoff.id)) {
      const { from: _from, to: _to, ...plain } = handoff;
      await db.handoffs.put({ ...plain, synced: true });
    }
    await db.activities.bulkPut(brief.timeline.map((activity) => ({ ...activity, synced: true })));
    await cacheUsers(db, users);
  });
}

/** Fetches the brief from the API and caches it; the sidebar's query function. */
export async function fetchBrief(db: BatonDb, client: ApiClient, query: BriefQuery): Promise<Brief> {
  const brief = await client.brief(query);
  await cacheBrief(db, brief);
  return brief;
}

export async function cacheHandoffs(db: BatonDb, handoffs: readonly Handoff[]): Promise<void> {
  await db.transaction('rw', db.handoffs, db.outbox, async () => {
    const pending = await pendingIds(db, handoffs.map((handoff) => handoff.id));
    await db.handoffs.bulkPut(handoffs.filter((handoff) => !pending.has(handoff.id)).map((handoff) => ({ ...handoff, synced: true })));
  });
}

export function toLocalNotification(notification: Notification): LocalNotification {
  return { ...notification, unread: notification.readAt === null ? 1 : 0 };
}

export async function cacheNotifications(db: BatonDb, notifications: readonly Notification[]): Promise<void> {
  await db.transaction('rw', db.notifications, db.outbox, async () => {
    const pending = await pendingIds(db, notifications.map((notification) => notification.id));
    await db.notifications.bulkPut(notifications.filter((item) => !pending.has(item.id)).map(toLocalNotification));
  });
}

export function unreadNotifications(db: BatonDb): Promise<LocalNotification[]> {
  return db.notifications.where('unread').equals(1).reverse().sortBy('seq');
}
