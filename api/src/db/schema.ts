import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActivityDetails, ActivitySource, Qualification } from '@baton/shared';

/*
 * Every tenant table carries org_id and every primary and unique key starts with it, so the
 * data can be distributed by organisation (Citus) without a rewrite.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** Per-kind overrides of the required handoff fields: { sdr_to_ae: { required: [...] } }. */
  handoffTemplates: jsonb('handoff_templates').$type<Record<string, { required: string[] }>>().notNull().default({}),
  /** The last notification seq handed out in this organisation (seqs are per organisation). */
  notificationSeq: bigint('notification_seq', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('orgs_name_key').on(t.name)]);

export const users = pgTable(
  'users',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex('users_org_email_key').on(t.orgId, t.email)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    /** SHA-256 of the whole token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    label: text('label'),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('api_tokens_org_hash_key').on(t.orgId, t.tokenHash),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name'),
    title: text('title'),
    company: text('company'),
    location: text('location'),
    photoUrl: text('photo_url'),
    photoCapturedAt: at('photo_captured_at'),
    ownerId: uuid('owner_id'),
    /** Set when this contact was merged into another: old ids held by offline clients still resolve. */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('contacts_org_name_idx').on(t.orgId, t.name),
    index('contacts_org_company_idx').on(t.orgId, t.company),
  ],
);

/** Emails and the LinkedIn slug that identify a contact; one identity names one contact. */
export const contactIdentities = pgTable(
  'contact_identities',
  {
    orgId: uuid('org_id').notNull(),
    /** 'email' (normalised address) or 'linkedin' (profile slug). */
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    contactId: uuid('contact_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.kind, t.value] }),
    index('contact_identities_contact_idx').on(t.orgId, t.contactId),
  ],
);

export const deals = pgTable(
  'deals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    contactId: uuid('contact_id').notNull(),
    title: text('title').notNull(),
    stage: text('stage').notNull().default('new'),
    ownerId: uuid('owner_id').notNull(),
    version: integer('version').notNull().default(1),
    budget: text('budget'),
    authority: text('authority'),
    need: text('need'),
    timeline: text('timeline'),
    nextStepWhat: text('next_step_what'),
    nextStepDueAt: at('next_step_due_at'),
    nextStepOwnerId: uuid('next_step_owner_id'),
    /** When the owner was told the next step fell overdue (deal rot is notified once). */
    overdueNotifiedAt: at('overdue_notified_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('deals_org_contact_idx').on(t.orgId, t.contactId),
    index('deals_org_owner_idx').on(t.orgId, t.ownerId),
    index('deals_org_due_idx').on(t.orgId, t.nextStepDueAt),
  ],
);

export const activities = pgTable(
  'activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    contactId: uuid('contact_id').notNull(),
    dealId: uuid('deal_id'),
    type: text('type').notNull(),
    occurredAt: at('occurred_at').notNull(),
    subject: text('subject'),
    body: text('body'),
    source: jsonb('source').$type<ActivitySource>(),
    details: jsonb('details').$type<ActivityDetails>(),
    actorId: uuid('actor_id').notNull(),
    /** A second key for the same real-world item, e.g. `gmail:<message id>`: logged once per org. */
    dedupeKey: text('dedupe_key'),
    /** Hash of the client-supplied content: a replay with other content is a conflict. */
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('activities_org_dedupe_key').on(t.orgId, t.dedupeKey),
    index('activities_timeline_idx').on(t.orgId, t.contactId, t.occurredAt.desc(), t.id.desc()),
  ],
);

export const handoffs = pgTable(
  'handoffs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    kind: text('kind').notNull(),
    fromUserId: uuid('from_user_id').notNull(),
    toUserId: uuid('to_user_id').notNull(),
    status: text('status').notNull().default('pending'),
    trigger: text('trigger').notNull(),
    discussed: text('discussed').notNull(),
    objections: text('objections').notNull(),
    qualification: jsonb('qualification').$type<Qualification>().notNull(),
    nextStepWhat: text('next_step_what').notNull(),
    nextStepDueAt: at('next_step_due_at').notNull(),
    nextStepOwnerId: uuid('next_step_owner_id').notNull(),
    warmIntro: text('warm_intro').notNull(),
    rejectionReason: text('rejection_reason'),
    createdAt: createdAt(),
    respondedAt: at('responded_at'),
    timeToAcceptMs: bigint('time_to_accept_ms', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('handoffs_org_deal_idx').on(t.orgId, t.dealId),
    index('handoffs_org_to_idx').on(t.orgId, t.toUserId, t.status),
    index('handoffs_org_from_idx').on(t.orgId, t.fromUserId, t.status),
    // At most one handoff of a deal waits for an answer at a time.
    uniqueIndex('handoffs_one_pending_per_deal').on(t.orgId, t.dealId).where(sql`status = 'pending'`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /**
     * 1, 2, 3… per organisation, in commit order (taken from orgs.notification_seq under its row
     * lock): the SSE event id a reconnecting client resumes from, and no count of other tenants'.
     */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    handoffId: uuid('handoff_id'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('notifications_org_seq_key').on(t.orgId, t.seq),
    index('notifications_org_user_seq_idx').on(t.orgId, t.userId, t.seq),
  ],
);

/** Append-only: rows are inserted, never updated or deleted. */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('audit_log_org_entity_idx').on(t.orgId, t.entityId, t.at),
  ],
);
