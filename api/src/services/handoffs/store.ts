import type { Handoff, HandoffStatus } from '@baton/shared';
import type { HandoffListQuery } from '@baton/shared/api';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { handoffs } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { toHandoff } from '../serialize.ts';

export type HandoffRow = typeof handoffs.$inferSelect;

export async function findHandoff(db: Tx, orgId: string, id: string): Promise<HandoffRow | undefined> {
  const [row] = await db.select().from(handoffs).where(and(eq(handoffs.orgId, orgId), eq(handoffs.id, id))).limit(1);
  return row;
}

export async function requireHandoff(db: Tx, orgId: string, id: string): Promise<HandoffRow> {
  const row = await findHandoff(db, orgId, id);
  if (!row) throw notFound('handoff');
  return row;
}

export async function pendingHandoffOf(db: Tx, orgId: string, dealId: string): Promise<HandoffRow | undefined> {
  const [row] = await db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.orgId, orgId), eq(handoffs.dealId, dealId), eq(handoffs.status, 'pending')))
    .limit(1);
  return row;
}

export interface HandoffFilter {
  toUserId?: string | undefined;
  fromUserId?: string | undefined;
  status?: HandoffStatus | undefined;
  dealId?: string | undefined;
  limit: number;
}

export async function listHandoffs(db: Tx, orgId: string, filter: HandoffFilter): Promise<Handoff[]> {
  const conditions: SQL[] = [eq(handoffs.orgId, orgId)];
  if (filter.toUserId) conditions.push(eq(handoffs.toUserId, filter.toUserId));
  if (filter.fromUserId) conditions.push(eq(handoffs.fromUserId, filter.fromUserId));
  if (filter.status) conditions.push(eq(handoffs.status, filter.status));
  if (filter.dealId) conditions.push(eq(handoffs.dealId, filter.dealId));
  const rows = await db
    .select()
    .from(handoffs)
    .where(and(...conditions))
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(filter.limit);
  return rows.map(toHandoff);
}

/** The list endpoint: `to=me` / `from=me` are the caller. */
export function findHandoffs(db: Tx, caller: Caller, query: z.output<typeof HandoffListQuery>): Promise<Handoff[]> {
  const me = (who: string | undefined) => (who === 'me' ? caller.userId : who);
  return listHandoffs(db, caller.orgId, { toUserId: me(query.to), fromUserId: me(query.from), status: query.status, dealId: query.dealId, limit: query.limit });
}

export async function getHandoff(db: Tx, caller: Caller, id: string): Promise<Handoff> {
  return toHandoff(await requireHandoff(db, caller.orgId, id));
}
