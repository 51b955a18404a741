import { can, type Role } from '@baton/shared';
import type { Member } from '@baton/shared/api';
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, authSession, contacts, deals, users } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';

const CLOSED = ['won', 'lost'];

/** Admins and managers run the team; everyone else gets 403. */
export function requireTeamManager(caller: Caller): void {
  if (!can(caller.role, 'manage_team')) throw forbidden('Only admins and managers manage the team');
}

const openDealCount = sql<number>`(select count(*)::int from ${deals} d where d.org_id = ${users.orgId} and d.owner_id = ${users.id} and d.stage not in ('won', 'lost'))`;

const toMember = (row: typeof users.$inferSelect & { openDeals: number }): Member => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role as Role,
  createdAt: row.createdAt.toISOString(),
  deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  openDeals: row.openDeals,
});

async function memberRow(db: Db, orgId: string, id: string) {
  const [row] = await db.select({ ...columns(), openDeals: openDealCount }).from(users).where(and(eq(users.orgId, orgId), eq(users.id, id))).limit(1);
  if (!row) throw notFound('member');
  return row;
}

const columns = () => ({
  orgId: users.orgId, id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt,
});

export async function listMembers(db: Db, caller: Caller): Promise<Member[]> {
  requireTeamManager(caller);
  const rows = await db.select({ ...columns(), openDeals: openDealCount }).from(users).where(eq(users.orgId, caller.orgId)).orderBy(asc(users.name), asc(users.id));
  return rows.map(toMember);
}

async function activeAdmins(db: Db, orgId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.deactivatedAt)));
  return row?.n ?? 0;
}

export async function changeRole(db: Db, caller: Caller, id: string, role: Role): Promise<Member> {
  requireTeamManager(caller);
  const current = await memberRow(db, caller.orgId, id);
  if (current.role === role) return toMember(current);
  // Granting or taking away admin is an admin's decision; a manager cannot make themselves admin.
  if ((role === 'admin' || current.role === 'admin') && !can(caller.role, 'manage_users')) throw forbidden('Only an admin grants or removes the admin role');
  if (current.role === 'admin' && (await activeAdmins(db, caller.orgId)) <= 1) throw conflict('The team needs at least one admin: make someone else admin first');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ role }).where(and(eq(users.orgId, caller.orgId), eq(users.id, id)));
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'user.role_change', entityType: 'user', entityId: id, before: { role: current.role }, after: { role }, requestId: caller.requestId });
  });
  return toMember({ ...current, role });
}

export async function openDealsOf(db: Db, caller: Caller, id: string) {
  requireTeamManager(caller);
  await memberRow(db, caller.orgId, id);
  const rows = await db
    .select({ id: deals.id, title: deals.title, stage: deals.stage, contactId: deals.contactId, contactName: contacts.name })
    .from(deals)
    .leftJoin(contacts, and(eq(contacts.orgId, deals.orgId), eq(contacts.id, deals.contactId)))
    .where(and(eq(deals.orgId, caller.orgId), eq(deals.ownerId, id), notInArray(deals.stage, CLOSED)))
    .orderBy(asc(deals.title), asc(deals.id));
  return rows;
}

/** Deactivates a member: sessions deleted, tokens and devices revoked, in one transaction. */
export async function deactivate(db: Db, caller: Caller, id: string) {
  requireTeamManager(caller);
  const current = await memberRow(db, caller.orgId, id);
  if (id === caller.userId) throw conflict('You cannot deactivate yourself');
  if (current.role === 'admin' && !can(caller.role, 'manage_users')) throw forbidden('Only an admin deactivates an admin');
  if (!current.deactivatedAt) {
    if (current.role === 'admin' && (await activeAdmins(db, caller.orgId)) <= 1) throw conflict('The team needs at least one admin');
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx.update(users).set({ deactivatedAt: now }).where(and(eq(users.orgId, caller.orgId), eq(users.id, id)));
      await tx.delete(authSession).where(eq(authSession.userId, id));
      const revoked = await tx
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.orgId, caller.orgId), eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id, kind: apiTokens.kind });
      await recordAudit(tx, [
        { orgId: caller.orgId, actorId: caller.userId, action: 'user.deactivate', entityType: 'user', entityId: id, before: { deactivatedAt: null }, after: { deactivatedAt: now.toISOString() }, requestId: caller.requestId },
        ...revoked.map((t) => ({ orgId: caller.orgId, actorId: caller.userId, action: t.kind === 'device' ? 'device.revoke' : 'token.revoke', entityType: 'token', entityId: t.id, after: { userId: id, reason: 'deactivated' }, requestId: caller.requestId })),
      ]);
    });
    current.deactivatedAt = now;
  }
  return { member: toMember(current), openDeals: await openDealsOf(db, caller, id) };
}
