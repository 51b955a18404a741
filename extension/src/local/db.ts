import Dexie, { type EntityTable } from 'dexie';
import type { DraftRow, LocalActivity, LocalContact, LocalDeal, LocalHandoff, LocalNotification, MetaRow, OutboxOp } from './types.ts';

export const DEFAULT_DB_NAME = 'baton';

export type BatonDb = Dexie & {
  contacts: EntityTable<LocalContact, 'id'>;
  deals: EntityTable<LocalDeal, 'id'>;
  activities: EntityTable<LocalActivity, 'id'>;
  handoffs: EntityTable<LocalHandoff, 'id'>;
  notifications: EntityTable<LocalNotification, 'id'>;
  outbox: EntityTable<OutboxOp, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  drafts: EntityTable<DraftRow, 'dealId'>;
};

/**
 * The extension's IndexedDB database, in the extension origin (Gmail cannot read it). Only the
 * service worker opens it: Chromium denies storage to the sidebar, a third-party frame inside
 * Gmail, so every page reads and writes through the bridge. Tests pass a fresh name each.
 */
export function openBatonDb(name: string = DEFAULT_DB_NAME): BatonDb {
  const db = new Dexie(name) as BatonDb;
  db.version(1).stores({
    contacts: 'id, *emails, linkedinSlug, updatedAt',
    deals: 'id, contactId, ownerId, updatedAt',
    activities: 'id, [contactId+occurredAt], dealId',
    handoffs: 'id, dealId, toUserId, status, createdAt',
    notifications: 'id, seq, readAt, unread',
    outbox: '++seq, &opId, entityId, state, kind',
    meta: 'key',
    drafts: 'dealId',
  });
  return db;
}
