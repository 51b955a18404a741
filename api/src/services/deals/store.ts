import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { contacts, deals, users } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/* Reads shared by the deal, handoff and sweep services: always scoped to one organisation. */

export type DealRow = typeof deals.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function findDeal(db: Tx, orgId: string, id: string): Promise<DealRow | undefined> {
  const [row] = await db.select().from(deals).where(and(eq(deals.orgId, orgId), eq(deals.id, id))).limit(1);
  return row;
}

export async function requireDeal(db: Tx, orgId: string, id: string): Promise<DealRow> {
  const row = await findDeal(db, orgId, id);
  if (!row) throw notFound('deal');
  return row;
}

export async function findOrgUser(db: Tx, orgId: string, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(and(eq(users.orgId, orgId), eq(users.id, userId))).limit(1);
  return row;
}

/** Merges leave tombstones so ids held by offline clients still work: follow them to the survivor. */
export async function liveContact(db: Tx, orgId: string, id: string): Promise<typeof contacts.$inferSelect> {
  let currentId = id;
  // A chain longer than this can only be a cycle written by a bug; stop rather than spin.
  for (let hop = 0; hop < 16; hop += 1) {
    const [row] = await db.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, currentId))).limit(1);
    if (!row) break;
    if (!row.mergedIntoId) return row;
    currentId = row.mergedIntoId;
  }
  throw notFound('contact');
}

/** PostgreSQL's unique_violation, whether raised by postgres.js directly or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = current.cause;
  }
  return false;
}
