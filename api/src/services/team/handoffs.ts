import { Id, type Role } from '@baton/shared';
import type { TeamHandoff, TeamHandoffQuery } from '@baton/shared/api';
import { aliasedTable, and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, contacts, deals, handoffs, users } from '../../db/schema.ts';
import { badRequest, notFound } from '../../errors.ts';
import { loadBrief } from '../brief/load.ts';
import { toHandoff } from '../serialize.ts';
import { requireTeamManager } from './members.ts';

const sender = aliasedTable(users, 'sender');
const recipient = aliasedTable(users, 'recipient');

function query(db: Db) {
  return db
    .select({ handoff: handoffs, from: { id: sender.id, name: sender.name, email: sender.email, role: sender.role }, to: { id: recipient.id, name: recipient.name, email: recipient.email, role: recipient.role }, dealTitle: deals.title, contactName: contacts.name })
    .from(handoffs)
    .innerJoin(sender, and(eq(sender.orgId, handoffs.orgId), eq(sender.id, handoffs.fromUserId)))
    .innerJoin(recipient, and(eq(recipient.orgId, handoffs.orgId), eq(recipient.id, handoffs.toUserId)))
    .innerJoin(deals, and(eq(deals.orgId, handoffs.orgId), eq(deals.id, handoffs.dealId)))
    .leftJoin(contacts, and(eq(contacts.orgId, handoffs.orgId), eq(contacts.id, handoffs.contactId)));
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

const summary = (u: Row['from']) => ({ ...u, role: u.role as Role });

function toTeamHandoff(row: Row, now: Date): TeamHandoff {
  const until = row.handoff.respondedAt ?? now;
  return {
    ...toHandoff(row.handoff),
    from: summary(row.from),
    to: summary(row.to),
    dealTitle: row.dealTitle,
    contactName: row.contactName,
    waitedMs: Math.max(0, until.getTime() - row.handoff.createdAt.getTime()),
  };
}

/** Every handoff of the team, newest first, paged by the last id of the previous page. */
export async function teamHandoffs(db: Db, caller: Caller, q: z.output<typeof TeamHandoffQuery>, now = new Date()) {
  requireTeamManager(caller);
  const conditions: SQL[] = [eq(handoffs.orgId, caller.orgId)];
  if (q.status) conditions.push(eq(handoffs.status, q.status));
  if (q.kind) conditions.push(eq(handoffs.kind, q.kind));
  if (q.from) conditions.push(eq(handoffs.fromUserId, q.from));
  if (q.to) conditions.push(eq(handoffs.toUserId, q.to));
  if (q.before) {
    const before = Id.safeParse(q.before);
    if (!before.success) throw badRequest('before must be the nextBefore of the previous page');
    const [anchor] = await db.select({ id: handoffs.id }).from(handoffs).where(and(eq(handoffs.orgId, caller.orgId), eq(handoffs.id, before.data))).limit(1);
    if (!anchor) throw badRequest('before names no handoff of this organisation');
    conditions.push(sql`(${handoffs.createdAt}, ${handoffs.id}) < (select a.created_at, a.id from ${handoffs} as a where a.org_id = ${caller.orgId} and a.id = ${before.data})`);
  }
  const rows = await query(db).where(and(...conditions)).orderBy(desc(handoffs.createdAt), desc(handoffs.id)).limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    handoffs: page.map((row) => toTeamHandoff(row, now)),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.handoff.id ?? null) : null,
    now: now.toISOString(),
  };
}

/** One handoff, its contact's brief as the recipient sees it, and the audit entries of the handoff and its deal. */
export async function teamHandoff(db: Db, caller: Caller, id: string, now = new Date()) {
  requireTeamManager(caller);
  const [row] = await query(db).where(and(eq(handoffs.orgId, caller.orgId), eq(handoffs.id, id))).limit(1);
  if (!row) throw notFound('handoff');
  const brief = await loadBrief(db, caller.orgId, { contactId: row.handoff.contactId });
  const entries = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, caller.orgId), or(eq(auditLog.entityId, id), eq(auditLog.entityId, row.handoff.dealId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200);
  return {
    handoff: toTeamHandoff(row, now),
    brief,
    audit: entries.map((e) => ({ id: e.id, actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before ?? null, after: e.after ?? null, at: e.at.toISOString() })),
  };
}
