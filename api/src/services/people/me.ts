import type { Me } from '@baton/shared/api';
import { eq } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';

/** The caller and their organisation. */
export async function whoAmI(db: Db, caller: Caller): Promise<Me> {
  const { orgId, userId, role, email, name } = caller;
  const [org] = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).limit(1);
  return { user: { id: userId, orgId, email, name, role }, org: org ?? null };
}
