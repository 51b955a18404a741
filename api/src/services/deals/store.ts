import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { deals, users } from '../../db/schema.ts';
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
