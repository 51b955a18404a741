import { CreateDealInput, Deal as DealSchema, HandoffDraft, HandoffInput, RejectHandoffInput, UpdateDealInput, type Deal, type Handoff } from '@baton/shared';
import type { ApiClient } from '../api-client/index.ts';
import { isApiClientError } from '../api-client/index.ts';
import { actor, newOp, queued, type LocalContext } from './context.ts';
import { resolveContactId } from './contacts.ts';
import type { DraftRow, LocalDeal, LocalHandoff } from './types.ts';
import { uuidv4 } from './uuid.ts';

export async function createDeal(ctx: LocalContext, input: Omit<CreateDealInput, 'id'>): Promise<LocalDeal> {
  const contactId = await resolveContactId(ctx.db, input.contactId);
  const parsed = CreateDealInput.parse({ ...input, contactId, id: uuidv4() });
  const id = parsed.id ?? uuidv4();
  const at = ctx.now().toISOString();
  const deal: LocalDeal = {
    id,
    contactId,
    title: parsed.title,
    stage: parsed.stage ?? 'new',
    ownerId: actor(ctx),
    version: 1,
    qualification: { budget: null, authority: null, need: null, timeline: null },
    nextStep: { what: null, dueAt: null, ownerId: null },
    createdAt: at,
    updatedAt: at,
    synced: false,
  };
  await ctx.db.transaction('rw', ctx.db.deals, ctx.db.outbox, async () => {
    await ctx.db.deals.add(deal);
    await ctx.db.outbox.add(newOp(ctx, 'createDeal', id, { ...parsed, id }));
  });
  queued(ctx);
  return deal;
}

/** Applies the change locally at once; `version` is the one this client last saw, as the API expects. */
export function applyDealUpdate(deal: Deal, input: UpdateDealInput, at: string): Deal {
  return {
    ...deal,
    title: input.title ?? deal.title,
    stage: input.stage ?? deal.stage,
    qualification: { ...deal.qualification, ...input.qualification },
    nextStep: { ...deal.nextStep, ...input.nextStep },
    version: deal.version + 1,
    updatedAt: at,
  };
}

function sameDealContent(a: LocalDeal, b: LocalDeal): boolean {
  const due = (deal: LocalDeal) => (deal.nextStep.dueAt === null ? null : Date.parse(deal.nextStep.dueAt));
  return (
    a.title === b.title &&
    a.stage === b.stage &&
    JSON.stringify(a.qualification) === JSON.stringify(b.qualification) &&
    a.nextStep.what === b.nextStep.what &&
    a.nextStep.ownerId === b.nextStep.ownerId &&
    due(a) === due(b)
  );
}

/** Queues a deal change. Without `version`, the local copy's version is used. */
export async function updateDeal(ctx: LocalContext, dealId: string, change: Omit<UpdateDealInput, 'version'> & { version?: number }): Promise<LocalDeal> {
  const updated = await ctx.db.transaction('rw', ctx.db.deals, ctx.db.outbox, async () => {
    const deal = await ctx.db.deals.get(dealId);
    if (deal === undefined) throw new Error(`no deal ${dealId} on this device`);
    const input = UpdateDealInput.parse({ ...change, version: change.version ?? deal.version });
    const next: LocalDeal = { ...applyDealUpdate(deal, input, ctx.now().toISOString()), synced: false };
    // The API writes nothing for a change that changes nothing (and keeps the version): neither do we.
    if (sameDealContent(deal, next)) return deal;
    await ctx.db.deals.put(next);
    await ctx.db.outbox.add(newOp(ctx, 'updateDeal', dealId, { dealId, input }));
    return next;
  });
  queued(ctx);
  return updated;
}

export type DealSave = { status: 'saved' | 'queued'; deal: LocalDeal };

/**
 * An edit from the deal's inline editor, asked of the API first so a stale version is answered at
 * once (409, with the deal as it is now, which replaces the cached copy); only when the API cannot
 * answer is the edit queued like any other.
 */
export async function updateDealNow(
  ctx: LocalContext,
  client: ApiClient | null,
  dealId: string,
  change: Pick<UpdateDealInput, 'title' | 'stage' | 'version'>,
): Promise<DealSave> {
  if (client === null || (await ctx.db.outbox.where('entityId').equals(dealId).count()) > 0) {
    return { status: 'queued', deal: await updateDeal(ctx, dealId, change) };
  }
  try {
    const saved = await client.updateDeal(dealId, UpdateDealInput.parse(change));
    const local: LocalDeal = { ...saved, synced: true };
    await ctx.db.deals.put(local);
    return { status: 'saved', deal: local };
  } catch (error) {
    if (isApiClientError(error) && error.kind === 'conflict') {
      const current = DealSchema.safeParse(error.details.current);
      if (current.success) await ctx.db.deals.put({ ...current.data, synced: true });
      throw error;
    }
    if (isApiClientError(error) && error.transient) return { status: 'queued', deal: await updateDeal(ctx, dealId, change) };
    throw error;
  }
}

function localHandoff(ctx: LocalContext, deal: LocalDeal, input: HandoffInput & { id: string }): LocalHandoff {
  return {
    id: input.id,
    dealId: deal.id,
    contactId: deal.contactId,
    kind: input.kind,
    fromUserId: actor(ctx),
    toUserId: input.toUserId,
    status: 'pending',
    trigger: input.trigger ?? '',
    discussed: input.discussed ?? '',
    objections: input.objections ?? '',
    qualification: { ...deal.qualification, ...input.qualification },
    nextStep: { what: input.nextStep?.what ?? deal.nextStep.what ?? '', dueAt: input.nextStep?.dueAt ?? deal.nextStep.dueAt ?? '', ownerId: input.toUserId },
    warmIntro: input.warmIntro ?? 'none',
    rejectionReason: null,
    createdAt: ctx.now().toISOString(),
    respondedAt: null,
    timeToAcceptMs: null,
    synced: false,
  };
}

/** Queues a handoff (used when the API cannot be asked right now). The draft is kept until it syncs. */
export async function submitHandoff(ctx: LocalContext, dealId: string, handoff: HandoffInput): Promise<LocalHandoff> {
  const input = HandoffInput.parse({ ...handoff, id: handoff.id ?? uuidv4() }) as HandoffInput & { id: string };
  const record = await ctx.db.transaction('rw', ctx.db.deals, ctx.db.handoffs, ctx.db.outbox, async () => {
    const deal = await ctx.db.deals.get(dealId);
    if (deal === undefined) throw new Error(`no deal ${dealId} on this device`);
    const local = localHandoff(ctx, deal, input);
    await ctx.db.handoffs.put(local);
    await ctx.db.outbox.add(newOp(ctx, 'handoff', input.id, { dealId, input }));
    return local;
  });
  queued(ctx);
  return record;
}

export type HandoffSubmission = { status: 'sent'; handoff: Handoff } | { status: 'queued'; handoff: LocalHandoff; reason: string };

/**
 * Asks the API directly so the rep sees a 422 (missing fields) or 409 at once; only when the API
 * cannot answer (unreachable, throttled, failing) is the handoff queued. Other errors are thrown
 * as `ApiClientError`. The id is generated here, so a request that timed out and is then queued
 * cannot create a second handoff.
 */
export async function submitHandoffNow(ctx: LocalContext, client: ApiClient | null, dealId: string, handoff: HandoffInput): Promise<HandoffSubmission> {
  const input = HandoffInput.parse({ ...handoff, id: handoff.id ?? uuidv4() }) as HandoffInput & { id: string };
  if (client === null) return { status: 'queued', handoff: await submitHandoff(ctx, dealId, input), reason: 'Baton is not configured yet' };
  const pendingCreate = await ctx.db.outbox.where('entityId').equals(dealId).filter((op) => op.kind === 'createDeal').count();
  if (pendingCreate > 0) return { status: 'queued', handoff: await submitHandoff(ctx, dealId, input), reason: 'the deal itself is still waiting to sync' };
  try {
    const sent = await client.handoff(dealId, input);
    await reconcileHandoff(ctx, sent);
    await ctx.db.drafts.delete(dealId);
    await refreshDealAfterSend(ctx, client, dealId);
    return { status: 'sent', handoff: sent };
  } catch (error) {
    if (isApiClientError(error) && error.transient) {
      return { status: 'queued', handoff: await submitHandoff(ctx, dealId, input), reason: error.userMessage };
    }
    throw error;
  }
}

export async function reconcileHandoff(ctx: Pick<LocalContext, 'db'>, handoff: Handoff): Promise<void> {
  await ctx.db.handoffs.put({ ...handoff, synced: true });
}

/** A handoff changes the deal's owner and version on the server: fetch the deal so the cache agrees. */
export async function refreshDeal(ctx: Pick<LocalContext, 'db'>, client: ApiClient, dealId: string): Promise<void> {
  const pending = await ctx.db.outbox.where('entityId').equals(dealId).count();
  const deal = await client.getDeal(dealId);
  if (pending === 0) await ctx.db.deals.put({ ...deal, synced: true });
}

/** The handoff is recorded either way; a stale deal in the cache is corrected by the next brief refresh. */
export async function refreshDealAfterSend(ctx: Pick<LocalContext, 'db'>, client: ApiClient, dealId: string): Promise<void> {
  try {
    await refreshDeal(ctx, client, dealId);
  } catch (error) {
    if (!isApiClientError(error)) throw error;
    console.warn(`[baton] deal ${dealId} not refreshed after its handoff: ${error.message}`);
  }
}

async function respond(ctx: LocalContext, handoffId: string, status: 'accepted' | 'rejected', reason: string | null): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.handoffs, ctx.db.outbox, ctx.db.notifications, async () => {
    const at = ctx.now().toISOString();
    // Answering a handoff is acting on what told me about it: "2 unread" must not outlive the answer.
    const told = await ctx.db.notifications.where('unread').equals(1).filter((note) => note.handoffId === handoffId).toArray();
    for (const note of told) {
      await ctx.db.notifications.update(note.id, { readAt: at, unread: 0 });
      await ctx.db.outbox.add(newOp(ctx, 'markRead', note.id, { notificationId: note.id }));
    }
    await ctx.db.handoffs.update(handoffId, { status, rejectionReason: reason, respondedAt: at, synced: false });
    const op =
      status === 'accepted'
        ? newOp(ctx, 'acceptHandoff', handoffId, { handoffId })
        : newOp(ctx, 'rejectHandoff', handoffId, { handoffId, reason: reason ?? '' });
    await ctx.db.outbox.add(op);
  });
  queued(ctx);
}

export function acceptHandoff(ctx: LocalContext, handoffId: string): Promise<void> {
  return respond(ctx, handoffId, 'accepted', null);
}

export function rejectHandoff(ctx: LocalContext, handoffId: string, reason: string): Promise<void> {
  return respond(ctx, handoffId, 'rejected', RejectHandoffInput.parse({ reason }).reason);
}

export async function markRead(ctx: LocalContext, notificationId: string): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.notifications, ctx.db.outbox, async () => {
    await ctx.db.notifications.update(notificationId, { readAt: ctx.now().toISOString(), unread: 0 });
    await ctx.db.outbox.add(newOp(ctx, 'markRead', notificationId, { notificationId }));
  });
  queued(ctx);
}

export async function saveDraft(ctx: LocalContext, dealId: string, draft: HandoffDraft): Promise<DraftRow> {
  const row: DraftRow = { dealId, draft: HandoffDraft.parse(draft), updatedAt: ctx.now().toISOString() };
  await ctx.db.drafts.put(row);
  return row;
}

export async function getDraft(ctx: LocalContext, dealId: string): Promise<DraftRow | null> {
  return (await ctx.db.drafts.get(dealId)) ?? null;
}

export async function deleteDraft(ctx: LocalContext, dealId: string): Promise<void> {
  await ctx.db.drafts.delete(dealId);
}
