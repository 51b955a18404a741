import type { Role, UserSummary } from '@baton/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { toUserSummary } from '../serialize.ts';

/** The caller's teammates (themselves included), optionally of one role, by name. */
export async function teammates(db: Db, caller: Caller, query: { role?: Role | undefined }): Promise<UserSummary[]> {
  const inOrg = eq(users.orgId, caller.orgId);
  const rows = await db
    .select()
    .from(users)
    .where(query.role ? and(inOrg, eq(users.role, query.role)) : inOrg)
    .orderBy(asc(users.name));
  return rows.map(toUserSummary);
}
