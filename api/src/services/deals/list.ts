import type { Deal } from '@baton/shared';
import { isOn, type DealListQuery } from '@baton/shared/api';
import { and, desc, eq, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { deals } from '../../db/schema.ts';
import { requireLiveContact } from '../contacts/store.ts';
import { toDeal } from '../serialize.ts';

export const closedStages = ['won', 'lost'] as const;

export interface DealFilter {
  ownerId?: string | undefined;
  stalled?: boolean | undefined;
  contactId?: string | undefined;
  limit: number;
}

/** Stalled: still open, and its next step is missing or overdue. */
export function stalledCondition(now: Date): SQL {
  return and(
    notInArray(deals.stage, [...closedStages]),
    or(isNull(deals.nextStepWhat), isNull(deals.nextStepDueAt), lt(deals.nextStepDueAt, now)),
  ) as SQL;
}

export async function listDeals(db: Db, orgId: string, filter: DealFilter, now = new Date()): Promise<Deal[]> {
  const conditions: SQL[] = [eq(deals.orgId, orgId)];
  if (filter.ownerId) conditions.push(eq(deals.ownerId, filter.ownerId));
  if (filter.contactId) conditions.push(eq(deals.contactId, (await requireLiveContact(db, orgId, filter.contactId)).id));
  if (filter.stalled) conditions.push(stalledCondition(now));
  const rows = await db
    .select()
    .from(deals)
    .where(and(...conditions))
    .orderBy(desc(deals.updatedAt), desc(deals.id))
    .limit(filter.limit);
  return rows.map(toDeal);
}

/** The list endpoint: `owner=me` is the caller, `stalled` a flag. */
export function findDeals(db: Db, caller: Caller, query: z.output<typeof DealListQuery>): Promise<Deal[]> {
  return listDeals(db, caller.orgId, {
    ownerId: query.owner === 'me' ? caller.userId : query.owner,
    stalled: isOn(query.stalled),
    contactId: query.contactId,
    limit: query.limit,
  });
}
