import { CreateDealInput, HandoffDraft, HandoffInput, RejectHandoffInput, ResolveContactInput, Role, UpdateDealInput } from '@baton/shared';
import { BriefQuery, ContactSearchQuery } from '@baton/shared/api';
import { z } from 'zod';
import {
  addLinkedinNote,
  addNote,
  captureLinkedinProfile,
  isThreadLogged,
  logCall,
  logLinkedinMessage,
  logThread,
  unloggedMessages,
  type CapturedProfile,
  type LogProgress,
} from '../local/activities.ts';
import { addContact, findContactByEmails, findContactByLinkedin } from '../local/contacts.ts';
import { acceptHandoff, createDeal, deleteDraft, getDraft, markRead, rejectHandoff, saveDraft, submitHandoffNow, updateDeal, updateDealNow } from '../local/deals.ts';
import { handoffDelivery } from '../local/handoff-delivery.ts';
import { prospectAddress, readNotification } from '../notify/open-target.ts';
import { homeItems, refreshHome } from '../local/home-items.ts';
import { contactDuplicates, declineDuplicate, linkLinkedinProfile, mergeContacts, profileBrief } from '../local/identity-links.ts';
import { cachedUsers, fetchUsers, handoffTemplates, myHandoffs, refreshMyHandoffs } from '../local/my-handoffs.ts';
import { fetchBrief, localBrief, localTimeline, unreadNotifications } from '../local/read.ts';
import { syncStatus } from '../local/status.ts';
import { threadBrief } from '../local/thread-brief.ts';
import { ThreadInput } from '../local/thread.ts';
import { method, reports } from './method.ts';

const Id = z.string().min(1).max(200);
const none = z.object({}).strict();
const ProfileUrl = z.string().min(1).max(500);
const NoteText = z.string().max(100_000);

const CapturedProfileSchema = z.object({
  profileUrl: ProfileUrl,
  name: z.string().min(1).max(200),
  headline: z.string().nullable(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  photoUrl: z.string().nullable(),
}) satisfies z.ZodType<CapturedProfile>;

/**
 * Every call an extension page can make of the background, which alone owns the local database
 * and the API client. This table is the bridge's one source of truth: params are parsed with
 * each entry's schema on arrival, and the page's `bridge.<method>(params)` takes its parameter and
 * result types from here (`AppRouter`, imported as a type only). Adding a method is one entry
 * here plus one local/ function.
 *
 * Results are not parsed again on the page: they come from this worker, which built them from
 * data it validated on the way in.
 */
export const appRouter = {
  syncStatus: method({ params: none, idempotent: true, run: (_params, { ctx }) => syncStatus(ctx.db) }),
  /** "Sync now" (the sidebar's and the popup's button): drains the outbox, ignoring backoff. */
  syncNow: method({ params: none, idempotent: true, run: (_params, env) => env.syncNow() }),
  /** The sidebar frame asks which tab hosts it, to know whose page context to trust. */
  whichTab: method({ params: none, idempotent: true, run: async (_params, { tabId }) => ({ tabId }) }),

  findContactByEmails: method({
    params: z.object({ emails: z.array(z.string()).max(100) }),
    idempotent: true,
    run: ({ emails }, { ctx }) => findContactByEmails(ctx.db, emails),
  }),
  findContactByLinkedin: method({ params: z.object({ slugOrUrl: ProfileUrl }), idempotent: true, run: ({ slugOrUrl }, { ctx }) => findContactByLinkedin(ctx.db, slugOrUrl) }),
  /** The cached brief for the participants of a thread, plus which of them are known. */
  threadBrief: method({
    params: z.object({ emails: z.array(z.string()).max(100) }),
    idempotent: true,
    run: ({ emails }, { ctx }) => threadBrief(ctx.db, emails, ctx.now()),
  }),
  /** The cached brief of whoever has this LinkedIn profile, or null (the LinkedIn sidebar's first answer). */
  profileBrief: method({ params: z.object({ slugOrUrl: ProfileUrl }), idempotent: true, run: ({ slugOrUrl }, { ctx }) => profileBrief(ctx.db, slugOrUrl, ctx.now()) }),
  localBrief: method({ params: z.object({ contactId: Id }), idempotent: true, run: ({ contactId }, { ctx }) => localBrief(ctx.db, contactId, ctx.now()) }),
  localTimeline: method({
    params: z.object({ contactId: Id, before: z.string().optional(), limit: z.number().int().min(1).max(500).optional() }),
    idempotent: true,
    run: ({ contactId, ...page }, { ctx }) => localTimeline(ctx.db, contactId, page),
  }),
  /** API → cache; a 404 crosses as an ApiClientError of kind `not_found`. */
  fetchBrief: method({ params: z.object({ query: BriefQuery }), idempotent: true, run: async ({ query }, env) => fetchBrief(env.ctx.db, await env.api(), query) }),
  /** Older timeline pages from the API. */
  remoteTimeline: method({
    params: z.object({ contactId: Id, cursor: z.string().nullish() }),
    idempotent: true,
    run: async ({ contactId, cursor }, env) => (await env.api()).timeline(contactId, cursor ?? null),
  }),
  searchContacts: method({ params: z.object({ search: ContactSearchQuery }), idempotent: true, run: async ({ search }, env) => (await env.api()).searchContacts(search) }),

  isThreadLogged: method({ params: z.object({ threadId: Id }), idempotent: true, run: ({ threadId }, { ctx }) => isThreadLogged(ctx, threadId) }),
  unloggedMessages: method({ params: z.object({ thread: ThreadInput }), idempotent: true, run: ({ thread }, { ctx }) => unloggedMessages(ctx, thread) }),
  /** Reports `LogProgress` as it goes; idempotent by Gmail message id. */
  logThread: method({
    params: z.object({ thread: ThreadInput, target: z.object({ contactId: Id, dealId: Id.nullish() }) }),
    idempotent: true,
    progress: reports<LogProgress>(),
    run: ({ thread, target }, { ctx, progress }) => logThread(ctx, thread, target, progress),
  }),
  addContact: method({ params: z.object({ contact: ResolveContactInput }), idempotent: false, run: ({ contact }, { ctx }) => addContact(ctx, contact) }),
  addNote: method({
    params: z.object({ contactId: Id, text: NoteText, dealId: Id.nullish() }),
    idempotent: false,
    run: ({ contactId, text, dealId }, { ctx }) => addNote(ctx, contactId, text, { dealId }),
  }),
  logCall: method({
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
    idempotent: false,
    run: ({ contactId, call }, { ctx }) => logCall(ctx, contactId, call),
  }),
  logLinkedinMessage: method({
    params: z.object({
      contactId: Id,
      message: z.object({
        body: NoteText,
        messageId: z.string().max(200).optional(),
        profileUrl: z.string().max(500).optional(),
        occurredAt: z.string().optional(),
        dealId: Id.nullish(),
      }),
    }),
    idempotent: false,
    run: ({ contactId, message }, { ctx }) => logLinkedinMessage(ctx, contactId, message),
  }),
  /** A note tied to the LinkedIn profile it was written from. */
  addLinkedinNote: method({
    params: z.object({ contactId: Id, text: NoteText, profileUrl: ProfileUrl, dealId: Id.nullish() }),
    idempotent: false,
    run: ({ contactId, text, ...options }, { ctx }) => addLinkedinNote(ctx, contactId, text, options),
  }),
  captureLinkedinProfile: method({ params: z.object({ profile: CapturedProfileSchema }), idempotent: false, run: ({ profile }, { ctx }) => captureLinkedinProfile(ctx, profile) }),

  createDeal: method({ params: z.object({ input: CreateDealInput.omit({ id: true }) }), idempotent: false, run: ({ input }, { ctx }) => createDeal(ctx, input) }),
  updateDeal: method({
    params: z.object({ dealId: Id, change: UpdateDealInput.extend({ version: z.number().int().min(1).optional() }) }),
    idempotent: false,
    run: ({ dealId, change }, { ctx }) => updateDeal(ctx, dealId, change),
  }),
  /** The deal's inline editor: asks the API first (a stale version is a 409 at once); queues only when it cannot answer. */
  updateDealNow: method({
    params: z.object({ dealId: Id, change: UpdateDealInput.pick({ title: true, stage: true, version: true }) }),
    idempotent: false,
    run: async ({ dealId, change }, env) => updateDealNow(env.ctx, await env.client(), dealId, change),
  }),
  /** Asks the API first (a 422 names each missing field); queues only when it cannot answer. */
  submitHandoffNow: method({
    params: z.object({ dealId: Id, handoff: HandoffInput }),
    idempotent: false,
    run: async ({ dealId, handoff }, env) => submitHandoffNow(env.ctx, await env.client(), dealId, handoff),
  }),
  /** Whether a handoff has reached the API (its recipient told) or still waits on this device. */
  handoffDelivery: method({ params: z.object({ handoffId: Id }), idempotent: true, run: ({ handoffId }, { ctx }) => handoffDelivery(ctx.db, handoffId) }),
  acceptHandoff: method({ params: z.object({ handoffId: Id }), idempotent: false, run: ({ handoffId }, { ctx }) => acceptHandoff(ctx, handoffId) }),
  rejectHandoff: method({
    params: z.object({ handoffId: Id, reason: RejectHandoffInput.shape.reason }),
    idempotent: false,
    run: ({ handoffId, reason }, { ctx }) => rejectHandoff(ctx, handoffId, reason),
  }),
  saveDraft: method({ params: z.object({ dealId: Id, draft: HandoffDraft }), idempotent: true, run: ({ dealId, draft }, { ctx }) => saveDraft(ctx, dealId, draft) }),
  getDraft: method({ params: z.object({ dealId: Id }), idempotent: true, run: ({ dealId }, { ctx }) => getDraft(ctx, dealId) }),
  deleteDraft: method({ params: z.object({ dealId: Id }), idempotent: true, run: ({ dealId }, { ctx }) => deleteDraft(ctx, dealId) }),
  /** The organisation's handoff templates; the last known or Baton's defaults when the API cannot answer. */
  handoffTemplates: method({ params: none, idempotent: true, run: async (_params, env) => handoffTemplates(await env.client()) }),

  unreadNotifications: method({ params: none, idempotent: true, run: (_params, { ctx }) => unreadNotifications(ctx.db) }),
  markRead: method({ params: z.object({ notificationId: Id }), idempotent: false, run: ({ notificationId }, { ctx }) => markRead(ctx, notificationId) }),
  /** A click on a notification in a list: marks it read and answers where to open the prospect (a Gmail search in this mailbox). */
  openNotification: method({
    params: z.object({ notificationId: Id }),
    idempotent: false,
    run: async ({ notificationId }, env) => readNotification(env.ctx, notificationId, await env.client()),
  }),
  /** Where to open a prospect in the signed-in rep's Gmail: a search for their address. */
  prospectAddress: method({ params: z.object({ contactId: Id }), idempotent: true, run: async ({ contactId }, env) => prospectAddress(env.ctx.db, contactId, await env.client()) }),

  /** Pending handoffs to the user and their overdue next steps, from the cache. */
  homeItems: method({ params: none, idempotent: true, run: (_params, { ctx }) => homeItems(ctx.db, ctx.userId(), ctx.now()) }),
  /** Refreshes the home panel's handoffs and deals from the API into the cache. */
  refreshHome: method({ params: none, idempotent: true, run: async (_params, env) => refreshHome(env.ctx.db, await env.api()) }),
  /** My handoffs from the cache: received pending, sent awaiting acceptance, recently accepted. */
  myHandoffs: method({ params: none, idempotent: true, run: (_params, { ctx }) => myHandoffs(ctx.db, ctx.userId(), ctx.now()) }),
  /** Pulls my handoffs (to me and from me) from the API into the cache. */
  refreshMyHandoffs: method({ params: none, idempotent: true, run: async (_params, env) => refreshMyHandoffs(env.ctx.db, await env.api()) }),
  /** Teammates from the API (remembered for offline use). */
  users: method({ params: z.object({ role: Role.optional() }), idempotent: true, run: async ({ role }, env) => fetchUsers(env.ctx.db, await env.api(), role) }),
  /** Teammates this device has seen (for choosing a recipient offline). */
  cachedUsers: method({ params: z.object({ role: Role.optional() }), idempotent: true, run: ({ role }, { ctx }) => cachedUsers(ctx.db, role) }),

  /** PATCHes the contact's LinkedIn URL at once; `taken` names the contact that already has the profile. */
  linkLinkedinProfile: method({
    params: z.object({ contactId: Id, profileUrl: ProfileUrl }),
    idempotent: true,
    run: async ({ contactId, profileUrl }, env) => linkLinkedinProfile(env.ctx, await env.api(), contactId, profileUrl),
  }),
  /** Folds `duplicateId` into `survivorId` (API first, then this device's copies). */
  mergeContacts: method({
    params: z.object({ survivorId: Id, duplicateId: Id }),
    idempotent: true,
    run: async ({ survivorId, duplicateId }, env) => mergeContacts(env.ctx, await env.api(), survivorId, duplicateId),
  }),
  /** Likely duplicates of a contact, from the API. */
  contactDuplicates: method({ params: z.object({ contactId: Id }), idempotent: true, run: async ({ contactId }, env) => contactDuplicates(env.ctx, await env.api(), contactId) }),
  /** "Not the same person": the pair is not offered again on this device. */
  declineDuplicate: method({
    params: z.object({ contactId: Id, duplicateId: Id }),
    idempotent: true,
    run: ({ contactId, duplicateId }, { ctx }) => declineDuplicate(ctx, contactId, duplicateId),
  }),
};

/** The page side's view of the table: `import type { AppRouter }` only, so no handler code reaches a page bundle. */
export type AppRouter = typeof appRouter;
