import {
  ActivityBatchResult,
  ActivityInput,
  ApiErrorBody,
  AuditEntry,
  Brief,
  Contact,
  CreateDealInput,
  Deal,
  FieldPath,
  Handoff,
  HandoffInput,
  HandoffKind,
  HandoffStatus,
  HandoffTemplate,
  Id,
  MergeContactInput,
  Notification,
  Organisation,
  RejectHandoffInput,
  ResolveContactInput,
  ResolveContactResult,
  Role,
  TimelinePage,
  Timestamp,
  UpdateContactInput,
  UpdateDealInput,
  User,
} from '@baton/shared';
import { z } from 'zod';

/*
 * Every HTTP route of the API, documented from the shared zod schemas. The OpenAPI test fails
 * when the app has a route this table does not list, so documentation cannot fall behind.
 */

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteDoc {
  method: Method;
  /** Hono's path syntax (`:id`), as in `app.routes`. */
  path: string;
  summary: string;
  tag: string;
  /** False only for the routes served without a token. */
  auth?: false;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success statuses with their body schema (null: not JSON, described in `summary`). */
  responses: Record<number, { description: string; schema: z.ZodType | null; contentType?: string }>;
  /** Error statuses this route answers besides the common ones (400, 401, 429). */
  errors?: number[];
}

const IdParam = z.object({ id: Id });
const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();
const flag = z.enum(['1', '0', 'true', 'false']).optional();
const meOrId = z.union([z.literal('me'), Id]);

const ok = (description: string, schema: z.ZodType | null) => ({ 200: { description, schema } });

export const routeTable: RouteDoc[] = [
  {
    method: 'get', path: '/v1/health', tag: 'system', auth: false,
    summary: 'Liveness and the kind of database in use',
    responses: ok('The API is up', z.object({ ok: z.literal(true), database: z.enum(['embedded', 'postgres']) })),
  },
  {
    method: 'get', path: '/v1/openapi.json', tag: 'system', auth: false,
    summary: 'This OpenAPI 3.1 document',
    responses: ok('The document', z.record(z.string(), z.unknown())),
  },
  {
    method: 'get', path: '/v1/me', tag: 'people',
    summary: 'The caller and their organisation',
    responses: ok('Who is calling', z.object({ user: User.omit({ createdAt: true }), org: Organisation.pick({ id: true, name: true }).nullable() })),
  },
  {
    method: 'get', path: '/v1/users', tag: 'people',
    summary: "Teammates in the caller's organisation, optionally of one role",
    query: z.object({ role: Role.optional() }),
    responses: ok('Teammates', z.object({ users: z.array(User.pick({ id: true, name: true, email: true, role: true })) })),
  },
  {
    method: 'post', path: '/v1/contacts/resolve', tag: 'contacts',
    summary: 'Find or create a contact by any email or the LinkedIn URL, merging new identities and fields',
    body: ResolveContactInput,
    responses: { 200: { description: 'An existing contact', schema: ResolveContactResult }, 201: { description: 'A new contact', schema: ResolveContactResult } },
    errors: [409],
  },
  {
    method: 'get', path: '/v1/contacts', tag: 'contacts',
    summary: 'Search contacts by exactly one of email, LinkedIn URL or free text',
    query: z.object({ email: z.string().optional(), linkedin: z.string().optional(), q: z.string().optional() }),
    responses: ok('Matching contacts', z.object({ contacts: z.array(Contact) })),
  },
  {
    method: 'get', path: '/v1/contacts/duplicates', tag: 'contacts',
    summary: 'Every group of likely duplicate contacts in the organisation (for review and merge)',
    responses: ok('Groups of likely duplicates', z.object({ duplicates: z.array(z.object({ contacts: z.array(Contact) })) })),
  },
  {
    method: 'get', path: '/v1/contacts/:id', tag: 'contacts', params: IdParam,
    summary: 'One contact (a merged-away id answers with the survivor)',
    responses: ok('The contact', z.object({ contact: Contact })), errors: [404],
  },
  {
    method: 'patch', path: '/v1/contacts/:id', tag: 'contacts', params: IdParam,
    summary: "Update a contact's fields and identities",
    body: UpdateContactInput,
    responses: ok('The updated contact', z.object({ contact: Contact })), errors: [404, 409],
  },
  {
    method: 'post', path: '/v1/contacts/:id/merge', tag: 'contacts', params: IdParam,
    summary: 'Fold a duplicate into this contact: activities, deals and identities move here (audited)',
    body: MergeContactInput,
    responses: ok('The surviving contact', z.object({ contact: Contact, merged: z.boolean() })), errors: [404, 409],
  },
  {
    method: 'get', path: '/v1/contacts/:id/duplicates', tag: 'contacts', params: IdParam,
    summary: 'Contacts that look like the same person',
    responses: ok('Likely duplicates', z.object({ contacts: z.array(Contact) })), errors: [404],
  },
  {
    method: 'get', path: '/v1/contacts/:id/timeline', tag: 'contacts', params: IdParam,
    summary: "A contact's activities, newest first, cursor-paged",
    query: z.object({ cursor: z.string().optional(), limit: limit(200) }),
    responses: ok('One page of the timeline', TimelinePage), errors: [404],
  },
  {
    method: 'post', path: '/v1/activities/batch', tag: 'activities',
    summary: 'Log up to 500 activities; idempotent by activity id (a replay stores nothing twice)',
    body: z.object({ activities: z.array(ActivityInput).min(1).max(500) }),
    responses: ok('One result per item, in order', ActivityBatchResult), errors: [413],
  },
  {
    method: 'post', path: '/v1/deals', tag: 'deals',
    summary: 'Open a deal on a contact',
    body: CreateDealInput,
    responses: { 200: { description: 'The deal already existed (same client id)', schema: Deal }, 201: { description: 'The new deal', schema: Deal } },
    errors: [404, 409],
  },
  {
    method: 'get', path: '/v1/deals', tag: 'deals',
    summary: 'Deals, e.g. ?owner=me&stalled=1 (stalled: next step overdue or missing)',
    query: z.object({ owner: meOrId.optional(), stalled: flag, contactId: Id.optional(), limit: limit(500) }),
    responses: ok('Deals', z.object({ deals: z.array(Deal) })),
  },
  {
    method: 'get', path: '/v1/deals/:id', tag: 'deals', params: IdParam,
    summary: 'One deal', responses: ok('The deal', Deal), errors: [404],
  },
  {
    method: 'patch', path: '/v1/deals/:id', tag: 'deals', params: IdParam,
    summary: 'Update a deal; `version` must be current (409 with the current record otherwise)',
    body: UpdateDealInput,
    responses: ok('The updated deal', Deal), errors: [404, 409],
  },
  {
    method: 'post', path: '/v1/deals/:id/handoffs', tag: 'handoffs', params: IdParam,
    summary: 'Hand the deal over: readiness checked (422 lists the missing fields), ownership moves in one transaction',
    body: HandoffInput,
    responses: { 200: { description: 'A replay of the same handoff', schema: Handoff }, 201: { description: 'The handoff', schema: Handoff } },
    errors: [403, 404, 409, 422],
  },
  {
    method: 'get', path: '/v1/handoffs', tag: 'handoffs',
    summary: 'Handoffs, e.g. ?to=me&status=pending',
    query: z.object({ to: meOrId.optional(), from: meOrId.optional(), status: HandoffStatus.optional(), dealId: Id.optional(), limit: limit(500) }),
    responses: ok('Handoffs', z.object({ handoffs: z.array(Handoff) })),
  },
  {
    method: 'get', path: '/v1/handoffs/:id', tag: 'handoffs', params: IdParam,
    summary: 'One handoff', responses: ok('The handoff', Handoff), errors: [404],
  },
  {
    method: 'post', path: '/v1/handoffs/:id/accept', tag: 'handoffs', params: IdParam,
    summary: 'Accept a handoff addressed to the caller', responses: ok('The accepted handoff', Handoff), errors: [403, 404, 409],
  },
  {
    method: 'post', path: '/v1/handoffs/:id/reject', tag: 'handoffs', params: IdParam,
    summary: 'Reject a handoff with a reason: the deal goes back to the sender',
    body: RejectHandoffInput,
    responses: ok('The rejected handoff', Handoff), errors: [403, 404, 409],
  },
  {
    method: 'get', path: '/v1/brief', tag: 'brief',
    summary: 'Everything an AE needs about a contact in one response: by email, LinkedIn URL or contact id',
    query: z.object({ email: z.string().optional(), linkedin: z.string().optional(), contactId: Id.optional() }),
    responses: ok('The brief', Brief), errors: [404],
  },
  {
    method: 'get', path: '/v1/notifications', tag: 'notifications',
    summary: "The caller's notifications, newest first (?after=<seq> catches up oldest first)",
    query: z.object({ unread: flag, after: z.coerce.number().int().min(0).optional(), limit: limit(500) }),
    responses: ok('Notifications', z.object({ notifications: z.array(Notification), unreadCount: z.number().int() })),
  },
  {
    method: 'get', path: '/v1/notifications/stream', tag: 'notifications',
    summary: 'Server-Sent Events: one `notification` event per new notification; resumable with Last-Event-ID (the seq)',
    responses: { 200: { description: 'An event stream of Notification objects', schema: Notification, contentType: 'text/event-stream' } },
  },
  {
    method: 'post', path: '/v1/notifications/read-all', tag: 'notifications',
    summary: "Mark all of the caller's notifications read",
    responses: ok('How many were marked', z.object({ marked: z.number().int() })),
  },
  {
    method: 'post', path: '/v1/notifications/:id/read', tag: 'notifications', params: IdParam,
    summary: 'Mark one notification read', responses: ok('The notification', Notification), errors: [404],
  },
  {
    method: 'get', path: '/v1/audit', tag: 'audit',
    summary: 'The append-only audit trail, newest first, optionally of one entity',
    query: z.object({ entityId: Id.optional(), limit: limit(500), before: z.union([Id, Timestamp]).optional() }),
    responses: ok('Audit entries', z.object({ entries: z.array(AuditEntry), nextBefore: Id.nullable() })),
  },
  {
    method: 'get', path: '/v1/handoff-templates', tag: 'handoffs',
    summary: 'The required handoff fields in force for each kind',
    responses: ok('Templates', z.object({ templates: z.array(HandoffTemplate) })),
  },
  {
    method: 'put', path: '/v1/handoff-templates/:kind', tag: 'handoffs', params: z.object({ kind: HandoffKind }),
    summary: 'Change the required fields of one handoff kind (managers and admins)',
    body: z.object({ required: z.array(FieldPath) }),
    responses: ok('The template now in force', HandoffTemplate), errors: [403],
  },
];

export const errorSchema = ApiErrorBody;
