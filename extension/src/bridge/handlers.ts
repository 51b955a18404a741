import { canonicalLinkedinUrl } from '@baton/shared';
import type { ApiClient } from '../api-client/index.ts';
import { addNote, captureLinkedinProfile, isThreadLogged, logCall, logLinkedinMessage, logThread, unloggedMessages } from '../local/activities.ts';
import { addContact, findContactByEmails, findContactByLinkedin } from '../local/contacts.ts';
import type { LocalContext } from '../local/context.ts';
import { acceptHandoff, createDeal, deleteDraft, getDraft, markRead, rejectHandoff, saveDraft, submitHandoffNow, updateDeal } from '../local/deals.ts';
import { cacheUsers, fetchBrief, localBrief, localTimeline, unreadNotifications } from '../local/read.ts';
import { syncStatus } from '../local/status.ts';
import { notConfigured } from './errors.ts';
import { homeItems, refreshHome } from './home-items.ts';
import { contactDuplicates, declineDuplicate, linkLinkedinProfile, mergeContacts, profileBrief } from './identity-links.ts';
import { cachedUsers, handoffTemplates, myHandoffs, readCachedUsers, refreshMyHandoffs } from './my-handoffs.ts';
import type { BridgeMethod, BridgeParsedParams, BridgeProgress, BridgeResult } from './protocol.ts';
import { threadBrief } from './thread-brief.ts';

export interface HandlerEnv<M extends BridgeMethod> {
  /** The background's context: its database, the signed-in user, and "sync now" after a write. */
  ctx: LocalContext;
  /** The API client for the current settings, or null when not configured. */
  client(): Promise<ApiClient | null>;
  progress(value: BridgeProgress<M>): void;
}

export type Handlers = { [M in BridgeMethod]: (params: BridgeParsedParams<M>, env: HandlerEnv<M>) => Promise<BridgeResult<M>> };

async function api(env: { client(): Promise<ApiClient | null> }): Promise<ApiClient> {
  const client = await env.client();
  if (client === null) throw notConfigured();
  return client;
}

/** Each method of the protocol, answered by the local/ functions with the background's context. */
export const handlers: Handlers = {
  syncStatus: (_params, { ctx }) => syncStatus(ctx.db),
  findContactByEmails: ({ emails }, { ctx }) => findContactByEmails(ctx.db, emails),
  findContactByLinkedin: ({ slugOrUrl }, { ctx }) => findContactByLinkedin(ctx.db, slugOrUrl),
  threadBrief: ({ emails }, { ctx }) => threadBrief(ctx.db, emails, ctx.now()),
  localBrief: ({ contactId }, { ctx }) => localBrief(ctx.db, contactId, ctx.now()),
  localTimeline: ({ contactId, before, limit }, { ctx }) =>
    localTimeline(ctx.db, contactId, { ...(before === undefined ? {} : { before }), ...(limit === undefined ? {} : { limit }) }),
  fetchBrief: async ({ query }, env) => fetchBrief(env.ctx.db, await api(env), query),
  remoteTimeline: async ({ contactId, cursor }, env) => (await api(env)).timeline(contactId, cursor ?? null),
  isThreadLogged: ({ threadId }, { ctx }) => isThreadLogged(ctx, threadId),
  unloggedMessages: ({ thread }, { ctx }) => unloggedMessages(ctx, thread),
  logThread: ({ thread, target }, { ctx, progress }) => logThread(ctx, thread, { contactId: target.contactId, dealId: target.dealId ?? null }, progress),
  addContact: ({ contact }, { ctx }) => addContact(ctx, contact),
  addNote: ({ contactId, text, dealId }, { ctx }) => addNote(ctx, contactId, text, { dealId: dealId ?? null }),
  logCall: ({ contactId, call }, { ctx }) => {
    const { occurredAt, dealId, ...rest } = call;
    return logCall(ctx, contactId, { ...rest, dealId: dealId ?? null, ...(occurredAt === undefined ? {} : { occurredAt }) });
  },
  logLinkedinMessage: ({ contactId, message }, { ctx }) => {
    const { messageId, profileUrl, occurredAt, dealId, body } = message;
    return logLinkedinMessage(ctx, contactId, {
      body,
      dealId: dealId ?? null,
      ...(messageId === undefined ? {} : { messageId }),
      ...(profileUrl === undefined ? {} : { profileUrl }),
      ...(occurredAt === undefined ? {} : { occurredAt }),
    });
  },
  captureLinkedinProfile: ({ profile }, { ctx }) => captureLinkedinProfile(ctx, profile),
  createDeal: ({ input }, { ctx }) => createDeal(ctx, input),
  updateDeal: ({ dealId, change }, { ctx }) => updateDeal(ctx, dealId, change),
  submitHandoffNow: async ({ dealId, handoff }, env) => submitHandoffNow(env.ctx, await env.client(), dealId, handoff),
  acceptHandoff: async ({ handoffId }, { ctx }) => {
    await acceptHandoff(ctx, handoffId);
    return null;
  },
  rejectHandoff: async ({ handoffId, reason }, { ctx }) => {
    await rejectHandoff(ctx, handoffId, reason);
    return null;
  },
  saveDraft: ({ dealId, draft }, { ctx }) => saveDraft(ctx, dealId, draft),
  getDraft: ({ dealId }, { ctx }) => getDraft(ctx, dealId),
  deleteDraft: async ({ dealId }, { ctx }) => {
    await deleteDraft(ctx, dealId);
    return null;
  },
  unreadNotifications: (_params, { ctx }) => unreadNotifications(ctx.db),
  markRead: async ({ notificationId }, { ctx }) => {
    await markRead(ctx, notificationId);
    return null;
  },
  homeItems: (_params, { ctx }) => homeItems(ctx.db, ctx.userId(), ctx.now()),
  refreshHome: async (_params, env) => refreshHome(env.ctx.db, await api(env)),
  users: async ({ role }, env) => {
    const users = await (await api(env)).users(role);
    await cacheUsers(env.ctx.db, users);
    return users;
  },
  searchContacts: async ({ search }, env) => (await api(env)).searchContacts(search),
  profileBrief: ({ slugOrUrl }, { ctx }) => profileBrief(ctx.db, slugOrUrl, ctx.now()),
  addLinkedinNote: ({ contactId, text, profileUrl, dealId }, { ctx }) => {
    const linkedinUrl = canonicalLinkedinUrl(profileUrl);
    return addNote(ctx, contactId, text, { dealId: dealId ?? null, source: linkedinUrl ? { linkedinUrl } : null });
  },
  linkLinkedinProfile: async ({ contactId, profileUrl }, env) => linkLinkedinProfile(env.ctx, await api(env), contactId, profileUrl),
  mergeContacts: async ({ survivorId, duplicateId }, env) => mergeContacts(env.ctx, await api(env), survivorId, duplicateId),
  contactDuplicates: async ({ contactId }, env) => contactDuplicates(env.ctx, await api(env), contactId),
  declineDuplicate: async ({ contactId, duplicateId }, { ctx }) => {
    await declineDuplicate(ctx, contactId, duplicateId);
    return null;
  },
  handoffTemplates: async (_params, env) => handoffTemplates(await env.client()),
  cachedUsers: async ({ role }, { ctx }) => cachedUsers(await readCachedUsers(ctx.db), role),
  myHandoffs: (_params, { ctx }) => myHandoffs(ctx.db, ctx.userId(), ctx.now()),
  refreshMyHandoffs: async (_params, env) => refreshMyHandoffs(env.ctx.db, await api(env)),
};
