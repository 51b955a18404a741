import { CreateDealInput, HandoffDraft, HandoffInput, RejectHandoffInput, ResolveContactInput, Role, UpdateDealInput, type Brief, type Contact, type TimelinePage, type UserSummary } from '@baton/shared';
import { z } from 'zod';
import type { ApiClientErrorDetails } from '../api-client/index.ts';
import type { CapturedProfile, LogProgress, LogThreadResult } from '../local/activities.ts';
import type { HandoffSubmission } from '../local/deals.ts';
import type { LinkResult } from './identity-links.ts';
import type { HandoffTemplates, MyHandoffs } from './my-handoffs.ts';
import type { SyncStatus } from '../local/status.ts';
import { ThreadInput, type ThreadMessage } from '../local/thread.ts';
import type { DraftRow, LocalActivity, LocalContact, LocalDeal, LocalHandoff, LocalNotification } from '../local/types.ts';

/** The name extension pages connect with; the background accepts no other. */
export const BRIDGE_PORT = 'baton-bridge';

/**
 * A result whose type is declared but not re-validated: it comes from our own background, which
 * built it from data it validated on the way in.
 */
export interface Typed<T> {
  readonly __result?: T;
}
const typed = <T>(): Typed<T> => ({});

const Id = z.string().min(1).max(200);
const none = z.object({}).strict();

export interface HomeItems {
  handoffs: { id: string; who: string; what: string; at: string }[];
  overdue: { id: string; who: string; title: string; what: string | null; due: string }[];
}

export interface ThreadBrief {
  /** The cached brief of the first known participant, or null. */
  brief: Brief | null;
  /** Emails of participants that are contacts on this device. */
  known: string[];
}

const BriefQuery = z.union([z.object({ email: z.string().min(1) }), z.object({ linkedin: z.string().min(1) }), z.object({ contactId: Id })]);
const ContactSearch = z.union([z.object({ email: z.string().min(1) }), z.object({ linkedin: z.string().min(1) }), z.object({ q: z.string().min(1) })]);
const Target = z.object({ contactId: Id, dealId: Id.nullish() });
const CapturedProfileSchema = z.object({
  profileUrl: z.string().min(1).max(500),
  name: z.string().min(1).max(200),
  headline: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  photoUrl: z.string().nullable(),
}) satisfies z.ZodType<CapturedProfile>;

/**
 * Every call an extension page can make of the background, which owns the local database and the
 * API client. `idempotent` calls are retried once when the worker was stopped mid-call.
 */
export const bridgeMethods = {
  syncStatus: { params: none, result: typed<SyncStatus>(), idempotent: true },
  findContactByEmails: { params: z.object({ emails: z.array(z.string()).max(100) }), result: typed<LocalContact | null>(), idempotent: true },
  findContactByLinkedin: { params: z.object({ slugOrUrl: z.string().min(1).max(500) }), result: typed<LocalContact | null>(), idempotent: true },
  /** The cached brief for the participants of a thread, plus which of them are known. */
  threadBrief: { params: z.object({ emails: z.array(z.string()).max(100) }), result: typed<ThreadBrief>(), idempotent: true },
  localBrief: { params: z.object({ contactId: Id }), result: typed<Brief | null>(), idempotent: true },
  localTimeline: {
    params: z.object({ contactId: Id, before: z.string().optional(), limit: z.number().int().min(1).max(500).optional() }),
    result: typed<LocalActivity[]>(),
    idempotent: true,
  },
  /** API → cache; a 404 crosses as an ApiClientError of kind `not_found`. */
  fetchBrief: { params: z.object({ query: BriefQuery }), result: typed<Brief>(), idempotent: true },
  /** Older timeline pages from the API. */
  remoteTimeline: { params: z.object({ contactId: Id, cursor: z.string().nullish() }), result: typed<TimelinePage>(), idempotent: true },
  isThreadLogged: { params: z.object({ threadId: Id }), result: typed<boolean>(), idempotent: true },
  unloggedMessages: { params: z.object({ thread: ThreadInput }), result: typed<ThreadMessage[]>(), idempotent: true },
  /** Reports `LogProgress` as it goes; idempotent by Gmail message id. */
  logThread: { params: z.object({ thread: ThreadInput, target: Target }), result: typed<LogThreadResult>(), idempotent: true, progress: typed<LogProgress>() },
  addContact: { params: z.object({ contact: ResolveContactInput }), result: typed<LocalContact>(), idempotent: false },
  addNote: { params: z.object({ contactId: Id, text: z.string().max(100_000), dealId: Id.nullish() }), result: typed<LocalActivity>(), idempotent: false },
  logCall: {
    params: z.object({
      contactId: Id,
      call: z.object({
        summary: z.string().max(1000),
        durationMinutes: z.number().int().min(0).max(24 * 60),
        outcome: z.string().max(1000),
        dealId: Id.nullish(),
        occurredAt: z.string().optional(),
      }),
    }),
    result: typed<LocalActivity>(),
    idempotent: false,
  },
  logLinkedinMessage: {
    params: z.object({
      contactId: Id,
      message: z.object({
        body: z.string().max(100_000),
        messageId: z.string().max(200).optional(),
        profileUrl: z.string().max(500).optional(),
        occurredAt: z.string().optional(),
        dealId: Id.nullish(),
      }),
    }),
    result: typed<LocalActivity>(),
    idempotent: false,
  },
  captureLinkedinProfile: { params: z.object({ profile: CapturedProfileSchema }), result: typed<{ contact: LocalContact; activity: LocalActivity | null }>(), idempotent: false },
  createDeal: { params: z.object({ input: CreateDealInput.omit({ id: true }) }), result: typed<LocalDeal>(), idempotent: false },
  updateDeal: {
    params: z.object({ dealId: Id, change: UpdateDealInput.extend({ version: z.number().int().min(1).optional() }) }),
    result: typed<LocalDeal>(),
    idempotent: false,
  },
  /** Asks the API first (a 422 names each missing field); queues only when it cannot answer. */
  submitHandoffNow: { params: z.object({ dealId: Id, handoff: HandoffInput }), result: typed<HandoffSubmission>(), idempotent: false },
  acceptHandoff: { params: z.object({ handoffId: Id }), result: typed<null>(), idempotent: false },
  rejectHandoff: { params: z.object({ handoffId: Id, reason: RejectHandoffInput.shape.reason }), result: typed<null>(), idempotent: false },
  saveDraft: { params: z.object({ dealId: Id, draft: HandoffDraft }), result: typed<DraftRow>(), idempotent: true },
  getDraft: { params: z.object({ dealId: Id }), result: typed<DraftRow | null>(), idempotent: true },
  deleteDraft: { params: z.object({ dealId: Id }), result: typed<null>(), idempotent: true },
  unreadNotifications: { params: none, result: typed<LocalNotification[]>(), idempotent: true },
  markRead: { params: z.object({ notificationId: Id }), result: typed<null>(), idempotent: false },
  /** Pending handoffs to the user and their overdue next steps, from the cache. */
  homeItems: { params: none, result: typed<HomeItems>(), idempotent: true },
  /** Refreshes the home panel's handoffs and deals from the API into the cache. */
  refreshHome: { params: none, result: typed<{ handoffs: LocalHandoff[]; deals: number }>(), idempotent: true },
  users: { params: z.object({ role: Role.optional() }), result: typed<UserSummary[]>(), idempotent: true },
  searchContacts: { params: z.object({ search: ContactSearch }), result: typed<Contact[]>(), idempotent: true },
  /** The cached brief of whoever has this LinkedIn profile, or null (the LinkedIn sidebar's first answer). */
  profileBrief: { params: z.object({ slugOrUrl: z.string().min(1).max(500) }), result: typed<Brief | null>(), idempotent: true },
  /** A note tied to the LinkedIn profile it was written from. */
  addLinkedinNote: {
    params: z.object({ contactId: Id, text: z.string().max(100_000), profileUrl: z.string().min(1).max(500), dealId: Id.nullish() }),
    result: typed<LocalActivity>(),
    idempotent: false,
  },
  /** PATCHes the contact's LinkedIn URL at once; `taken` names the contact that already has the profile. */
  linkLinkedinProfile: { params: z.object({ contactId: Id, profileUrl: z.string().min(1).max(500) }), result: typed<LinkResult>(), idempotent: true },
  /** Folds `duplicateId` into `survivorId` (API first, then this device's copies). */
  mergeContacts: { params: z.object({ survivorId: Id, duplicateId: Id }), result: typed<Contact>(), idempotent: true },
  /** Likely duplicates of a contact, from the API. */
  contactDuplicates: { params: z.object({ contactId: Id }), result: typed<Contact[]>(), idempotent: true },
  /** "Not the same person": the pair is not offered again on this device. */
  declineDuplicate: { params: z.object({ contactId: Id, duplicateId: Id }), result: typed<null>(), idempotent: true },
  /** The organisation's handoff templates; the last known or Baton's defaults when the API cannot answer. */
  handoffTemplates: { params: none, result: typed<HandoffTemplates>(), idempotent: true },
  /** Teammates this device has seen (for choosing a recipient offline). */
  cachedUsers: { params: z.object({ role: Role.optional() }), result: typed<UserSummary[]>(), idempotent: true },
  /** My handoffs from the cache: received pending, sent awaiting acceptance, recently accepted. */
  myHandoffs: { params: none, result: typed<MyHandoffs>(), idempotent: true },
  /** Pulls my handoffs (to me and from me) from the API into the cache. */
  refreshMyHandoffs: { params: none, result: typed<{ received: number; sent: number }>(), idempotent: true },
} as const;

export type BridgeMethod = keyof typeof bridgeMethods;
export type BridgeParams<M extends BridgeMethod> = z.input<(typeof bridgeMethods)[M]['params']>;
export type BridgeParsedParams<M extends BridgeMethod> = z.output<(typeof bridgeMethods)[M]['params']>;
export type BridgeResult<M extends BridgeMethod> = (typeof bridgeMethods)[M]['result'] extends Typed<infer R> ? R : never;
export type BridgeProgress<M extends BridgeMethod> = (typeof bridgeMethods)[M] extends { progress: Typed<infer P> } ? P : never;

export const isBridgeMethod = (name: string): name is BridgeMethod => Object.hasOwn(bridgeMethods, name);

/* The wire. Pages send requests; the background answers each once, may send progress first, and
 * broadcasts `changed` whenever the database committed a write. */

export const BridgeRequest = z.object({ id: z.number().int().nonnegative(), method: z.string(), params: z.unknown() });
export type BridgeRequest = z.infer<typeof BridgeRequest>;

/** Bridge-level failures, besides the API client's own kinds (`not_found`, `not_ready`, …). */
export type BridgeFailureKind = 'invalid_params' | 'unknown_method' | 'not_configured' | 'failed' | 'disconnected';

export interface WireError {
  kind: string;
  message: string;
  userMessage: string;
  details: ApiClientErrorDetails | Record<string, unknown>;
  /** Present for API errors: the HTTP status and the API's error code. */
  status?: number;
  code?: string;
}

export type BridgeResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };
export interface BridgeProgressMessage {
  id: number;
  progress: unknown;
}
export interface ChangedEvent {
  type: 'changed';
  /** Tables written; `*` after a reconnect, when changes may have been missed. */
  tables: string[];
}
export type BridgeOutgoing = BridgeResponse | BridgeProgressMessage | ChangedEvent;

const WireErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  userMessage: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: z.number().optional(),
  code: z.string().optional(),
});

/** What a page accepts from the background (malformed messages are dropped and logged). */
export const BridgeIncoming = z.union([
  z.object({ type: z.literal('changed'), tables: z.array(z.string()) }),
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: WireErrorSchema }),
  z.object({ id: z.number(), progress: z.unknown() }),
]);
