import type { CreateTeamInput } from '@baton/shared/api';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { orgs } from '../../db/schema.ts';
import type { BatonAuth } from '../../lib/auth/auth.ts';
import { conflict } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { createPerson } from './accounts.ts';

// Any fixed number: two first-run requests at once create one team.
const SETUP_LOCK = 0x62736574;

/** True while the database has no organisation at all. */
export async function setupNeeded(database: Database): Promise<boolean> {
  const [row] = await database.db.execute<{ any: boolean }>(sql`select exists (select 1 from orgs) as any`);
  return !row?.any;
}

/** The first team and its admin. Refused (409) once any organisation exists. */
export async function createFirstTeam(database: Database, auth: BatonAuth, input: CreateTeamInput, requestId: string): Promise<{ orgId: string; userId: string }> {
  return database.exclusive(SETUP_LOCK, (db) =>
    db.transaction(async (tx) => {
      const [row] = await tx.execute<{ any: boolean }>(sql`select exists (select 1 from orgs) as any`);
      if (row?.any) throw conflict('The team has already been created: sign in, or ask an admin for an invitation');
      const orgId = randomUUID();
      await tx.insert(orgs).values({ id: orgId, name: input.teamName });
      const userId = await createPerson(tx, auth, { orgId, email: input.email, name: input.name, role: 'admin', password: input.password });
      await recordAudit(tx, [
        { orgId, actorId: userId, action: 'org.create', entityType: 'org', entityId: orgId, after: { name: input.teamName }, requestId },
        { orgId, actorId: userId, action: 'user.add', entityType: 'user', entityId: userId, after: { email: input.email, name: input.name, role: 'admin' }, requestId },
      ]);
      return { orgId, userId };
    }),
  );
}
