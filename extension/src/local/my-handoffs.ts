import { defaultTemplates, handoffKinds, type HandoffKind, type HandoffTemplate, type Role, type UserSummary } from '@baton/shared';
import { isApiClientError, type ApiClient } from '../api-client/index.ts';
import { toLocalContact } from './contacts.ts';
import type { BatonDb } from './db.ts';
import { cacheHandoffs, cacheUsers } from './read.ts';
import type { LocalHandoff } from './types.ts';

export interface MyHandoffItem {
  id: string;
  dealId: string;
  contactId: string;
  kind: HandoffKind;
  /** The prospect's name (or first email). */
  who: string;
  dealTitle: string | null;
  fromName: string;
  toName: string;
  status: LocalHandoff['status'];
  createdAt: string;
  respondedAt: string | null;
  timeToAcceptMs: number | null;
  nextStep: { what: string; dueAt: string };
  synced: boolean;
}

export interface MyHandoffs {
  /** Addressed to me, waiting for my answer. */
  received: MyHandoffItem[];
  /** Sent by me, waiting for the recipient. */
  sent: MyHandoffItem[];
  /** Accepted either way within the last fortnight, newest first. */
  accepted: MyHandoffItem[];
}

const RECENT_MS = 14 * 24 * 60 * 60 * 1000;
const newest = (a: MyHandoffItem, b: MyHandoffItem) => Date.parse(b.respondedAt ?? b.createdAt) - Date.parse(a.respondedAt ?? a.createdAt);

async function readCachedUsers(db: BatonDb): Promise<UserSummary[]> {
  return ((await db.meta.get('users'))?.value as UserSummary[] | undefined) ?? [];
}

/** Teammates this device has seen (for choosing a recipient offline). */
export async function cachedUsers(db: BatonDb, role: Role | undefined): Promise<UserSummary[]> {
  const all = await readCachedUsers(db);
  return role === undefined ? all : all.filter((user) => user.role === role);
}

/** Teammates from the API, remembered for when it cannot be asked. */
export async function fetchUsers(db: BatonDb, client: ApiClient, role: Role | undefined): Promise<UserSummary[]> {
  const users = await client.users(role);
  await cacheUsers(db, users);
  return users;
}

/** The user's handoffs from the cache, in the three lists the sidebar and popup show. */
export async function myHandoffs(db: BatonDb, userId: string | null, now: Date): Promise<MyHandoffs> {
  if (userId === null) return { received: [], sent: [], accepted: [] };
  const mine = await db.handoffs.filter((handoff) => handoff.toUserId === userId || handoff.fromUserId === userId).toArray();
  const contacts = new Map((await db.contacts.bulkGet([...new Set(mine.map((h) => h.contactId))])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const deals = new Map((await db.deals.bulkGet([...new Set(mine.map((h) => h.dealId))])).flatMap((d) => (d ? [[d.id, d] as const] : [])));
  const users = new Map((await readCachedUsers(db)).map((user) => [user.id, user.name]));
  const items = mine.map(
    (h): MyHandoffItem => ({
      id: h.id,
      dealId: h.dealId,
      contactId: h.contactId,
      kind: h.kind,
      who: contacts.get(h.contactId)?.name ?? contacts.get(h.contactId)?.emails[0] ?? 'A contact',
      dealTitle: deals.get(h.dealId)?.title ?? null,
      fromName: h.fromUserId === userId ? 'you' : (users.get(h.fromUserId) ?? 'a teammate'),
      toName: h.toUserId === userId ? 'you' : (users.get(h.toUserId) ?? 'a teammate'),
      status: h.status,
      createdAt: h.createdAt,
      respondedAt: h.respondedAt,
      timeToAcceptMs: h.timeToAcceptMs,
      nextStep: { what: h.nextStep.what, dueAt: h.nextStep.dueAt },
      synced: h.synced,
    }),
  );
  const pending = (item: MyHandoffItem) => item.status === 'pending';
  return {
    received: items.filter((item, i) => pending(item) && mine[i]?.toUserId === userId).sort(newest),
    sent: items.filter((item, i) => pending(item) && mine[i]?.fromUserId === userId).sort(newest),
    accepted: items
      .filter((item) => item.status === 'accepted' && now.getTime() - Date.parse(item.respondedAt ?? item.createdAt) < RECENT_MS)
      .sort(newest)
      .slice(0, 10),
  };
}

/** Pulls the user's handoffs both ways, the teammates' names and any unknown prospects into the cache. */
export async function refreshMyHandoffs(db: BatonDb, client: ApiClient): Promise<{ received: number; sent: number }> {
  const [received, sent, users] = await Promise.all([client.listHandoffs({ to: 'me' }), client.listHandoffs({ from: 'me' }), client.users()]);
  await cacheUsers(db, users);
  await cacheHandoffs(db, [...received, ...sent]);
  const contactIds = [...new Set([...received, ...sent].map((handoff) => handoff.contactId))];
  const known = new Set((await db.contacts.bulkGet(contactIds)).flatMap((contact) => (contact ? [contact.id] : [])));
  const unknown = await Promise.all(contactIds.filter((id) => !known.has(id)).slice(0, 50).map((id) => client.getContact(id)));
  // A contact created meanwhile on this device wins: ours may hold unsynced changes.
  await db.transaction('rw', db.contacts, async () => {
    for (const contact of unknown) if ((await db.contacts.get(contact.id)) === undefined) await db.contacts.put(toLocalContact(contact));
  });
  return { received: received.length, sent: sent.length };
}

export interface HandoffTemplates {
  templates: HandoffTemplate[];
  /** `api`: the organisation's own; `remembered`: its last known; `defaults`: Baton's, when the API cannot be asked. */
  source: 'api' | 'remembered' | 'defaults';
}

// The worker may be stopped at any time; the defaults then stand in until the API answers again.
let remembered: HandoffTemplate[] | null = null;

export async function handoffTemplates(client: ApiClient | null): Promise<HandoffTemplates> {
  if (client !== null) {
    try {
      remembered = await client.templates();
      return { templates: remembered, source: 'api' };
    } catch (error) {
      if (!isApiClientError(error) || !error.transient) throw error;
    }
  }
  if (remembered !== null) return { templates: remembered, source: 'remembered' };
  return { templates: handoffKinds.map((kind) => defaultTemplates[kind]), source: 'defaults' };
}
