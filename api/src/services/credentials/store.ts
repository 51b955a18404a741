import { randomUUID } from 'node:crypto';
import type { Credential } from '@baton/shared/api';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { generateToken, hashToken } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/record.ts';

/* The caller's own bearer tokens: named API tokens ('api') and extension devices ('device'). */

type Kind = Credential['kind'];

const toCredential = (row: typeof apiTokens.$inferSelect): Credential => ({
  id: row.id,
  kind: row.kind === 'device' ? 'device' : 'api',
  name: row.label,
  browser: row.browser,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listCredentials(db: Db, caller: Caller, kind: Kind): Promise<Credential[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, caller.orgId), eq(apiTokens.userId, caller.userId), eq(apiTokens.kind, kind), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(toCredential);
}

export async function createApiToken(db: Db, caller: Caller, name: string): Promise<{ token: Credential; secret: string }> {
  const secret = generateToken(caller.orgId);
  const id = randomUUID();
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx.insert(apiTokens).values({ orgId: caller.orgId, id, userId: caller.userId, tokenHash: hashToken(secret), label: name, kind: 'api' }).returning();
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'token.create', entityType: 'token', entityId: id, after: { userId: caller.userId, label: name }, requestId: caller.requestId });
    return inserted;
  });
  if (!row) throw new Error('inserting the token returned no row');
  return { token: toCredential(row), secret };
}

/** Revokes one of the caller's own credentials of that kind; another person's id is a 404. */
export async function revokeCredential(db: Db, caller: Caller, kind: Kind, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, caller.orgId), eq(apiTokens.id, id), eq(apiTokens.userId, caller.userId), eq(apiTokens.kind, kind)))
      .limit(1);
    if (!row) throw notFound(kind === 'device' ? 'device' : 'token');
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.orgId, caller.orgId), eq(apiTokens.id, id)));
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: kind === 'device' ? 'device.revoke' : 'token.revoke', entityType: 'token', entityId: id, after: { userId: caller.userId }, requestId: caller.requestId });
  });
}
