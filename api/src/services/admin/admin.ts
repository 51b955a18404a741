import { randomUUID } from 'node:crypto';
import { Email, normalizeEmail, type Role, type User } from '@baton/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, orgs, users } from '../../db/schema.ts';
import { ApiError, conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { toUser } from '../serialize.ts';
import { generateToken, hashToken } from '../../lib/tokens.ts';

/* Organisation, user and token administration: used by the CLI and by tests. */

export async function createOrg(db: Db, name: string): Promise<{ id: string; name: string }> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new ApiError(400, 'bad_request', 'An organisation needs a name of 1 to 200 characters');
  const existing = await db.select().from(orgs).where(eq(orgs.name, trimmed)).limit(1);
  if (existing.length > 0) throw conflict(`An organisation named "${trimmed}" already exists`);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(orgs).values({ id, name: trimmed });
    await recordAudit(tx, { orgId: id, actorId: null, action: 'org.create', entityType: 'org', entityId: id, after: { name: trimmed } });
  });
  return { id, name: trimmed };
}

/** Finds an organisation by id or by exact name. */
export async function findOrg(db: Db, idOrName: string): Promise<{ id: string; name: string }> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const rows = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(isUuid ? eq(orgs.id, idOrName.toLowerCase()) : eq(orgs.name, idOrName.trim()))
    .limit(1);
  const org = rows[0];
  if (!org) throw notFound(`organisation "${idOrName}"`);
  return org;
}

export interface NewUser {
  orgId: string;
  email: string;
  name: string;
  role: Role;
}

export async function addUser(db: Db, input: NewUser): Promise<User> {
  const email = Email.safeParse(input.email);
  if (!email.success) throw new ApiError(400, 'bad_request', `"${input.email}" is not an email address`);
  const name = input.name.trim();
  if (name === '') throw new ApiError(400, 'bad_request', 'A user needs a name');
  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, input.orgId), eq(users.email, email.data)))
    .limit(1);
  if (taken.length > 0) throw conflict(`${email.data} is already a user of this organisation`);
  const id = randomUUID();
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({ orgId: input.orgId, id, email: email.data, name, role: input.role })
      .returning();
    await recordAudit(tx, { orgId: input.orgId, actorId: null, action: 'user.add', entityType: 'user', entityId: id, after: { email: email.data, name, role: input.role } });
    return inserted;
  });
  if (!row) throw new Error('inserting the user returned no row');
  return toUser(row);
}

/** Users with this email, across organisations (an email may be a user in several). */
export async function findUsersByEmail(db: Db, email: string, orgId?: string): Promise<User[]> {
  const normalised = normalizeEmail(email);
  if (normalised === null) return [];
  const rows = await db
    .select()
    .from(users)
    .where(orgId ? and(eq(users.email, normalised), eq(users.orgId, orgId)) : eq(users.email, normalised));
  return rows.map(toUser);
}

export async function createToken(db: Db, user: Pick<User, 'id' | 'orgId'>, label?: string): Promise<{ id: string; token: string }> {
  const token = generateToken(user.orgId);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ orgId: user.orgId, id, userId: user.id, tokenHash: hashToken(token), label: label ?? null });
    await recordAudit(tx, { orgId: user.orgId, actorId: user.id, action: 'token.create', entityType: 'token', entityId: id, after: { userId: user.id, label: label ?? null } });
  });
  return { id, token };
}

/** Revokes one token (by the token itself or its id), or every token of a user. Returns how many. */
export async function revokeTokens(
  db: Db,
  target: { token: string } | { tokenId: string; orgId: string } | { userId: string; orgId: string },
): Promise<number> {
  const now = new Date();
  const where =
    'token' in target
      ? eq(apiTokens.tokenHash, hashToken(target.token))
      : 'tokenId' in target
        ? and(eq(apiTokens.orgId, target.orgId), eq(apiTokens.id, target.tokenId))
        : and(eq(apiTokens.orgId, target.orgId), eq(apiTokens.userId, target.userId));
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(where, isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, orgId: apiTokens.orgId, userId: apiTokens.userId });
    await recordAudit(
      tx,
      revoked.map((t) => ({ orgId: t.orgId, actorId: null, action: 'token.revoke', entityType: 'token', entityId: t.id, after: { userId: t.userId } })),
    );
    return revoked.length;
  });
}
