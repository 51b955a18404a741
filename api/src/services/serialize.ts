import type { Activity, Deal, Handoff, Notification, User, UserSummary } from '@baton/shared';
import type { activities, deals, handoffs, notifications, users } from '../db/schema.ts';

/* Rows to the API's JSON shapes (camelCase, ISO times). One place, so every route agrees. */

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

const iso = (value: Date) => value.toISOString();
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

export function toUser(row: Row<typeof users>): User {
  return {
    id: row.id,
    orgId: row.orgId,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    createdAt: iso(row.createdAt),
  };
}

export function toUserSummary(row: Pick<Row<typeof users>, 'id' | 'name' | 'email' | 'role'>): UserSummary {
  return { id: row.id, name: row.name, email: row.email, role: row.role as UserSummary['role'] };
}

export function toDeal(row: Row<typeof deals>): Deal {
  return {
    id: row.id,
    contactId: row.contactId,
    title: row.title,
    stage: row.stage as Deal['stage'],
    ownerId: row.ownerId,
    version: row.version,
    qualification: { budget: row.budget, authority: row.authority, need: row.need, timeline: row.timeline },
    nextStep: { what: row.nextStepWhat, dueAt: isoOrNull(row.nextStepDueAt), ownerId: row.nextStepOwnerId },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toActivity(row: Row<typeof activities>): Activity {
  return {
    id: row.id,
    contactId: row.contactId,
    dealId: row.dealId,
    type: row.type as Activity['type'],
    occurredAt: iso(row.occurredAt),
    subject: row.subject,
    body: row.body,
    source: row.source ?? null,
    details: row.details ?? null,
    actorId: row.actorId,
    createdAt: iso(row.createdAt),
  };
}

export function toHandoff(row: Row<typeof handoffs>): Handoff {
  return {
    id: row.id,
    dealId: row.dealId,
    contactId: row.contactId,
    kind: row.kind as Handoff['kind'],
    fromUserId: row.fromUserId,
    toUserId: row.toUserId,
    status: row.status as Handoff['status'],
    trigger: row.trigger,
    discussed: row.discussed,
    objections: row.objections,
    qualification: row.qualification,
    nextStep: { what: row.nextStepWhat, dueAt: iso(row.nextStepDueAt), ownerId: row.nextStepOwnerId },
    warmIntro: row.warmIntro as Handoff['warmIntro'],
    rejectionReason: row.rejectionReason,
    createdAt: iso(row.createdAt),
    respondedAt: isoOrNull(row.respondedAt),
    timeToAcceptMs: row.timeToAcceptMs,
  };
}

export function toNotification(row: Row<typeof notifications>): Notification {
  return {
    id: row.id,
    seq: row.seq,
    userId: row.userId,
    type: row.type as Notification['type'],
    title: row.title,
    body: row.body,
    contactId: row.contactId,
    dealId: row.dealId,
    handoffId: row.handoffId,
    readAt: isoOrNull(row.readAt),
    createdAt: iso(row.createdAt),
  };
}
