import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@baton/shared';
import type { Invitation } from '@baton/shared/api';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Caller, Services } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { authUser, invitations, orgs, users } from '../../db/schema.ts';
import { conflict, notFound } from '../../errors.ts';
import { hashToken } from '../../lib/tokens.ts';
import { enqueueMail } from '../../lib/mail/outbox.ts';
import { recordAudit } from '../audit/record.ts';
import { createPerson } from './accounts.ts';
import { requireTeamManager } from './members.ts';

export const INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type Row = typeof invitations.$inferSelect;

const toInvitation = (row: Row): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  invitedBy: row.invitedBy,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  sentAt: row.sentAt.toISOString(),
});

const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export interface InvitationSent {
  invitation: Invitation;
  mailConfigured: boolean;
  link: string | null;
  reason: string | null;
}

const NO_SMTP = 'Mail is not configured (BATON_SMTP_URL is not set): copy the link and send it to your teammate yourself.';

/** Queues the mail (or hands the link back when no SMTP is configured). */
async function deliver(services: Services, tx: Tx, caller: Caller, row: Row, token: string): Promise<string | null> {
  const link = `${services.env.publicUrl}/invite/${token}`;
  if (!services.mail.configured) return link;
  const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, caller.orgId)).limit(1);
  await enqueueMail(tx, {
    orgId: caller.orgId,
    kind: 'invitation',
    to: row.email,
    subject: `${caller.name} invited you to ${org?.name ?? 'a team'} on Baton`,
    text: `${caller.name} invited you to join ${org?.name ?? 'their team'} on Baton as ${row.role}.\n\nJoin the team: ${link}\n\nThe link works once and expires on ${row.expiresAt.toUTCString()}.`,
  });
  return null;
}

export async function invite(services: Services, caller: Caller, input: { email: string; role: Role }, now = new Date()): Promise<InvitationSent> {
  requireTeamManager(caller);
  const db = services.database.db;
  const token = randomBytes(32).toString('base64url');
  const result = await db.transaction(async (tx) => {
    const member = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, caller.orgId), eq(users.email, input.email))).limit(1);
    if (member.length > 0) throw conflict(`${input.email} is already in the team`);
    const account = await tx.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, input.email)).limit(1);
    if (account.length > 0) throw conflict(`${input.email} already has a Baton account in another team`);
    // A new invitation to the same address replaces the pending one.
    await tx.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.orgId, caller.orgId), eq(invitations.email, input.email), pending(now)));
    const [row] = await tx
      .insert(invitations)
      .values({ orgId: caller.orgId, id: randomUUID(), email: input.email, role: input.role, tokenHash: hashToken(token), invitedBy: caller.userId, createdAt: now, sentAt: now, expiresAt: new Date(now.getTime() + INVITE_DAYS * DAY_MS) })
      .returning();
    if (!row) throw new Error('inserting the invitation returned no row');
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'invitation.create', entityType: 'invitation', entityId: row.id, after: { email: row.email, role: row.role }, requestId: caller.requestId });
    return { row, link: await deliver(services, tx, caller, row, token) };
  });
  services.mail.queued();
  return { invitation: toInvitation(result.row), mailConfigured: services.mail.configured, link: result.link, reason: services.mail.configured ? null : NO_SMTP };
}

export async function listPending(services: Services, caller: Caller, now = new Date()): Promise<Invitation[]> {
  requireTeamManager(caller);
  const rows = await services.database.db.select().from(invitations).where(and(eq(invitations.orgId, caller.orgId), pending(now))).orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map(toInvitation);
}

export async function resend(services: Services, caller: Caller, id: string, now = new Date()): Promise<InvitationSent> {
  requireTeamManager(caller);
  const token = randomBytes(32).toString('base64url');
  const result = await services.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hashToken(token), sentAt: now, expiresAt: new Date(now.getTime() + INVITE_DAYS * DAY_MS) })
      .where(and(eq(invitations.orgId, caller.orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw notFound('pending invitation');
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'invitation.resend', entityType: 'invitation', entityId: row.id, after: { email: row.email, expiresAt: row.expiresAt.toISOString() }, requestId: caller.requestId });
    return { row, link: await deliver(services, tx, caller, row, token) };
  });
  services.mail.queued();
  return { invitation: toInvitation(result.row), mailConfigured: services.mail.configured, link: result.link, reason: services.mail.configured ? null : NO_SMTP };
}

export async function revoke(services: Services, caller: Caller, id: string, now = new Date()): Promise<void> {
  requireTeamManager(caller);
  await services.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(invitations).where(and(eq(invitations.orgId, caller.orgId), eq(invitations.id, id))).limit(1);
    if (!row) throw notFound('invitation');
    if (row.revokedAt || row.acceptedAt) return;
    await tx.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.orgId, caller.orgId), eq(invitations.id, id)));
    await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'invitation.revoke', entityType: 'invitation', entityId: id, before: { email: row.email }, requestId: caller.requestId });
  });
}

async function usable(tx: Tx, token: string, now: Date, lock: boolean) {
  const query = tx.select().from(invitations).where(and(eq(invitations.tokenHash, hashToken(token)), pending(now))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('invitation: the link is unknown, used, revoked or expired');
  return row;
}

export async function preview(services: Services, token: string, now = new Date()) {
  const db = services.database.db;
  const row = await usable(db, token, now, false);
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId)).limit(1);
  return { teamName: org?.name ?? '', email: row.email, role: row.role as Role, expiresAt: row.expiresAt.toISOString() };
}

/** Joins the team: the invitation is used up in the transaction that creates the member. */
export async function accept(services: Services, input: { token: string; name: string; password: string }, requestId: string, now = new Date()) {
  return services.database.db.transaction(async (tx) => {
    const row = await usable(tx, input.token, now, true);
    const userId = await createPerson(tx, services.auth, { orgId: row.orgId, email: row.email, name: input.name, role: row.role as Role, password: input.password });
    await tx.update(invitations).set({ acceptedAt: now, acceptedUserId: userId }).where(and(eq(invitations.orgId, row.orgId), eq(invitations.id, row.id)));
    await recordAudit(tx, [
      { orgId: row.orgId, actorId: userId, action: 'invitation.accept', entityType: 'invitation', entityId: row.id, after: { userId }, requestId },
      { orgId: row.orgId, actorId: userId, action: 'user.add', entityType: 'user', entityId: userId, after: { email: row.email, name: input.name, role: row.role, invitedBy: row.invitedBy }, requestId },
    ]);
    const [org] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.orgId)).limit(1);
    return { orgId: row.orgId, orgName: org?.name ?? '', email: row.email, userId, role: row.role as Role };
  });
}
