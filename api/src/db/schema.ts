import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
    /** Set when an admin or manager deactivated the user: their sessions, tokens and devices stop working. */
    deactivatedAt: at('deactivated_at'),
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
    /** 'api' (a named token for an integration or the CLI) or 'device' (an extension device). */
    kind: text('kind').notNull().default('api'),
    /** A device's browser (its User-Agent when approved). */
    browser: text('browser'),
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

/*
 * Better Auth's tables (sign-in, sessions, password resets, its rate limits). An auth_user row has
 * the id of the Baton user it signs in (users.id) and that user's org_id: one person per
 * organisation, and an email signs in to one organisation. Roles and deactivation stay on users.
 */
export const authUser = pgTable(
  'auth_user',
  {
    id: text('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_user_email_key').on(t.email), uniqueIndex('auth_user_org_id_key').on(t.orgId, t.id)],
);

export const authSession = pgTable(
  'auth_session',
  {
    id: text('id').primaryKey(),
    expiresAt: at('expires_at').notNull(),
    token: text('token').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id').notNull().references(() => authUser.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('auth_session_token_key').on(t.token), index('auth_session_user_idx').on(t.userId)],
);

export const authAccount = pgTable(
  'auth_account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id').notNull().references(() => authUser.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: at('access_token_expires_at'),
    refreshTokenExpiresAt: at('refresh_token_expires_at'),
    scope: text('scope'),
    /** Better Auth's scrypt hash; the password itself is never stored. */
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_account_user_idx').on(t.userId)],
);

export const authVerification = pgTable(
  'auth_verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_verification_identifier_idx').on(t.identifier)],
);

/** Better Auth's rate-limit counters, in the database so every API process counts together. */
export const authRateLimit = pgTable('auth_rate_limit', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique('auth_rate_limit_key_key'),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** Invitations to join an organisation: the link's token is shown once, only its hash is kept. */
export const invitations = pgTable(
  'invitations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: createdAt(),
    sentAt: at('sent_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    acceptedAt: at('accepted_at'),
    acceptedUserId: uuid('accepted_user_id'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_org_email_idx').on(t.orgId, t.email),
  ],
);

/**
 * Mail waiting to leave, and what happened to it: written in the transaction that decided to send
 * it, sent by the outbox worker of any API process (claimed with FOR UPDATE SKIP LOCKED).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** What the mail is for, e.g. 'invitation' or 'password_reset'. */
    kind: text('kind').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body'),
    /** 'pending' until sent ('sent') or given up on after the last attempt ('failed'). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);
