import { Deal, type ActivityInput, type UpdateDealInput } from '@baton/shared';
import { isApiClientError, type ApiClient, type ApiClientError } from '../api-client/index.ts';
import { backoffDelay } from './backoff.ts';
import type { BatonDb } from './db.ts';
import { reconcileResolvedContact } from './contacts.ts';
import { reconcileHandoff, refreshDealAfterSend } from './deals.ts';
import { toLocalNotification } from './read.ts';
import { emptySyncMeta, readSyncMeta } from './status.ts';
import type { OutboxOp, OutboxOpOf, SyncMeta } from './types.ts';

export const MAX_BATCH = 500;

/**
 * An activity the API answered 5xx for this many times, each time sent on its own, is marked
 * failed instead of retried: a server bug on one item must not stop a device's sync for good.
 * It stays in the outbox, visible in the sidebar's sync badge, for Retry or Discard.
 */
export const SERVER_ERROR_STRIKES = 3;

export interface SyncEngineOptions {
  db: BatonDb;
  /** The client for the current settings, or null while the extension is not configured. */
  client: () => ApiClient | null | Promise<ApiClient | null>;
  now?: () => Date;
  random?: () => number;
  batchSize?: number;
  /**
   * Called when a drain found nothing to send, so made no request: a cheap request here keeps
   * the connection state true while nothing waits (the background asks who is signed in).
   */
  probe?: (client: ApiClient) => Promise<void>;
}

export interface DrainResult {
  /** Ops the server confirmed (and that were removed from the outbox). */
  sent: number;
  /** Ops marked failed during this drain. */
  failed: number;
  /** Why the drain did not run, if it did not. */
  skipped: 'not_configured' | 'backoff' | null;
  /** The transient error that stopped the drain early, if any. */
  stoppedBy: ApiClientError | null;
}

export interface SyncEngine {
  /**
   * Sends due outbox ops. Concurrent calls share one run, and the background's engine is the only
   * one: no other context opens the database. `force` ignores backoff (the user pressed "sync
   * now", or the settings changed).
   */
  drain(options?: { force?: boolean }): Promise<DrainResult>;
}

type Step = { sent: number; failed: number; stop: ApiClientError | null };
const ok = (sent: number, failed = 0): Step => ({ sent, failed, stop: null });

/** Ops that must reach the server before others can refer to their record. */
const creates = new Set<OutboxOp['kind']>(['resolveContact', 'createDeal']);

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH);
  let inFlight: Promise<DrainResult> | null = null;

  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  async function writeMeta(change: (meta: SyncMeta) => SyncMeta): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: 'sync', value: change(await readSyncMeta(db)) });
    });
  }

  /** Removes the op and applies its server result in one transaction: it is gone only once reconciled. */
  async function complete(op: OutboxOp, reconcile: () => Promise<void> = async () => {}): Promise<void> {
    await db.transaction('rw', [db.contacts, db.deals, db.activities, db.handoffs, db.notifications, db.outbox, db.meta, db.drafts], async () => {
      await reconcile();
      if (op.seq !== undefined) await db.outbox.delete(op.seq);
    });
  }

  async function fail(ops: OutboxOp[], message: string): Promise<number> {
    await db.outbox.bulkUpdate(ops.filter((op) => op.seq !== undefined).map((op) => ({ key: op.seq as number, changes: { state: 'failed' as const, lastError: message, attempts: op.attempts + 1 } })));
    return ops.length;
  }

  async function postpone(ops: OutboxOp[], error: ApiClientError): Promise<void> {
    await db.outbox.bulkUpdate(
      ops
        .filter((op) => op.seq !== undefined)
        .map((op) => ({
          key: op.seq as number,
          changes: { attempts: op.attempts + 1, lastError: error.userMessage, nextAttemptAt: iso(backoffDelay(op.attempts + 1, random, error.details.retryAfterSeconds)) },
        })),
    );
  }

  /** Runs one request for `ops`; transient and auth errors stop the drain, others fail the ops. */
  async function attempt(ops: OutboxOp[], send: () => Promise<Step>): Promise<Step> {
    // Counted before sending: a worker killed mid-request still leaves "this may have reached the server".
    await db.outbox.bulkUpdate(ops.filter((op) => op.seq !== undefined).map((op) => ({ key: op.seq as number, changes: { attempts: op.attempts + 1 } })));
    try {
      return await send();
    } catch (error) {
      if (!isApiClientError(error)) throw error;
      if (error.transient || error.kind === 'unauthorized') {
        await postpone(ops, error);
        return { sent: 0, failed: 0, stop: error };
      }
      const reason = error.details.missing ? `${error.message}: ${error.details.missing.join(', ')}` : error.message;
      return { sent: 0, failed: await fail(ops, `${error.userMessage} (${reason})`), stop: null };
    }
  }

  async function hasOtherOps(entityId: string, except: OutboxOp): Promise<boolean> {
    return (await db.outbox.where('entityId').equals(entityId).filter((op) => op.opId !== except.opId).count()) > 0;
  }

  async function sendOne(client: ApiClient, op: OutboxOp): Promise<Step> {
    return attempt([op], async () => {
      switch (op.kind) {
        case 'resolveContact': {
          const result = await client.resolveContact(op.payload);
          await complete(op, () => reconcileResolvedContact(db, op.payload.id, result.contact));
          return ok(1);
        }
        case 'createDeal': {
          const deal = await client.createDeal(op.payload);
          await complete(op, async () => {
            if (!(await hasOtherOps(deal.id, op))) await db.deals.put({ ...deal, synced: true });
          });
          return ok(1);
        }
        case 'updateDeal':
          return sendDealUpdate(client, op);
        case 'handoff': {
          const handoff = await client.handoff(op.payload.dealId, op.payload.input);
          await complete(op, async () => {
            await reconcileHandoff({ db }, handoff);
            await db.drafts.delete(op.payload.dealId);
          });
          await refreshDealAfterSend({ db }, client, op.payload.dealId);
          return ok(1);
        }
        case 'acceptHandoff':
        case 'rejectHandoff': {
          const handoff = op.kind === 'acceptHandoff' ? await client.acceptHandoff(op.payload.handoffId) : await client.rejectHandoff(op.payload.handoffId, op.payload.reason);
          await complete(op, () => reconcileHandoff({ db }, handoff));
          await refreshDealAfterSend({ db }, client, handoff.dealId);
          return ok(1);
        }
        case 'markRead': {
          const notification = await client.markRead(op.payload.notificationId);
          await complete(op, async () => {
            await db.notifications.put(toLocalNotification(notification));
          });
          return ok(1);
        }
        case 'activity':
          return sendActivities(client, [op]);
      }
    });
  }

  async function sendDealUpdate(client: ApiClient, op: OutboxOpOf<'updateDeal'>): Promise<Step> {
    try {
      const deal = await client.updateDeal(op.payload.dealId, op.payload.input);
      await complete(op, async () => {
        if (!(await hasOtherOps(deal.id, op))) await db.deals.put({ ...deal, synced: true });
      });
      return ok(1);
    } catch (error) {
      if (!isApiClientError(error) || error.kind !== 'conflict') throw error;
      const current = Deal.safeParse(error.details.current);
      if (!current.success) throw error;
      // Updates are not idempotent: when an earlier attempt's answer was lost (or the network
      // delivered the request twice) the server is one version ahead with exactly our change.
      // That is our own write; had someone else made the identical change, the outcome is the same.
      if (reflects(current.data, op.payload.input)) {
        await complete(op, async () => {
          if (!(await hasOtherOps(current.data.id, op))) await db.deals.put({ ...current.data, synced: true });
        });
        return ok(1);
      }
      // Someone else's change: show the server's deal and keep ours visible as failed.
      await db.deals.put({ ...current.data, synced: true });
      throw error;
    }
  }

  async function sendActivities(client: ApiClient, ops: OutboxOpOf<'activity'>[]): Promise<Step> {
    return attempt(ops, async () => {
      const { results } = await client.batchActivities(ops.map((op) => op.payload));
      const byId = new Map(results.map((result) => [result.id, result]));
      let sent = 0;
      const refused: { op: OutboxOp; message: string }[] = [];
      await db.transaction('rw', db.activities, db.outbox, async () => {
        for (const op of ops) {
          const result = byId.get(op.payload.id);
          // No answer for this item: it stays due and is sent again (the server is idempotent).
          if (result === undefined) continue;
          const alreadyLogged = result.status === 'conflict' && isNamedRecord(op.payload);
          if (result.status === 'created' || result.status === 'duplicate' || alreadyLogged) {
            await db.activities.update(op.payload.id, { synced: true });
            if (op.seq !== undefined) await db.outbox.delete(op.seq);
            sent += 1;
          } else {
            refused.push({ op, message: `${result.status === 'conflict' ? 'Conflicts with a stored activity' : 'Rejected by the API'}: ${result.error ?? result.status}` });
          }
        }
        for (const { op, message } of refused) await fail([op], message);
      });
      return ok(sent, refused.length);
    });
  }

  /**
   * Sends a batch; when the API fails on it (5xx), splits it to isolate the items it fails on:
   * the good halves are stored now, and an item that keeps failing alone is set aside as failed.
   */
  async function sendIsolating(client: ApiClient, ops: OutboxOpOf<'activity'>[]): Promise<Step> {
    const step = await sendActivities(client, ops);
    if (step.stop?.kind !== 'server') return step;
    if (ops.length === 1) return strike(ops[0] as OutboxOpOf<'activity'>, step.stop);
    const middle = Math.ceil(ops.length / 2);
    const total = ok(0);
    for (const half of [ops.slice(0, middle), ops.slice(middle)]) {
      const part = await sendIsolating(client, half);
      total.sent += part.sent;
      total.failed += part.failed;
      if (part.stop) return { ...total, stop: part.stop };
    }
    return total;
  }

  async function strike(op: OutboxOpOf<'activity'>, error: ApiClientError): Promise<Step> {
    const stored = op.seq === undefined ? undefined : await db.outbox.get(op.seq);
    if (!stored || op.seq === undefined) return { sent: 0, failed: 0, stop: error };
    const serverErrors = (stored.serverErrors ?? 0) + 1;
    if (serverErrors < SERVER_ERROR_STRIKES) {
      await db.outbox.update(op.seq, { serverErrors });
      return { sent: 0, failed: 0, stop: error };
    }
    await db.outbox.update(op.seq, { serverErrors, state: 'failed', lastError: `The Baton API failed on this activity ${serverErrors} times — retry it later or discard it` });
    return ok(0, 1);
  }

  async function nextWork(ops: OutboxOp[]): Promise<{ kind: 'one'; op: OutboxOp } | { kind: 'batch'; ops: OutboxOpOf<'activity'>[] } | { kind: 'cascade'; ops: OutboxOp[] } | null> {
    // Every contact/deal a pending or failed create refers to: what depends on it has to wait.
    const unsent = new Map<string, OutboxOp>();
    for (const op of await db.outbox.toArray()) if (creates.has(op.kind)) unsent.set(op.entityId, op);
    const dependencies = (op: OutboxOp): string[] => {
      switch (op.kind) {
        case 'activity':
          return [op.payload.contactId, ...(op.payload.dealId ? [op.payload.dealId] : [])];
        case 'createDeal':
          return [op.payload.contactId];
        case 'updateDeal':
        case 'handoff':
          return [op.payload.dealId];
        default:
          return [];
      }
    };
    const blocker = (op: OutboxOp) => dependencies(op).map((id) => unsent.get(id)).find((dep) => dep !== undefined && dep.opId !== op.opId);
    const orphans = ops.filter((op) => blocker(op)?.state === 'failed');
    if (orphans.length > 0) return { kind: 'cascade', ops: orphans };
    const ready = ops.filter((op) => blocker(op) === undefined);
    const first = ready.find((op) => op.kind === 'resolveContact') ?? ready.find((op) => op.kind === 'createDeal');
    if (first) return { kind: 'one', op: first };
    const activities = ready.filter((op): op is OutboxOpOf<'activity'> => op.kind === 'activity').slice(0, batchSize);
    if (activities.length > 0) return { kind: 'batch', ops: activities };
    const other = ready[0];
    return other ? { kind: 'one', op: other } : null;
  }

  async function run(force: boolean): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, skipped: null, stoppedBy: null };
    const client = await options.client();
    if (client === null) {
      await writeMeta((meta) => ({ ...meta, lastError: { kind: 'not_configured', message: 'Set the API URL and token in Options to sync' } }));
      return { ...result, skipped: 'not_configured' };
    }
    const meta = await readSyncMeta(db);
    if (!force && meta.retryAt !== null && Date.parse(meta.retryAt) > now().getTime()) return { ...result, skipped: 'backoff' };
    await writeMeta((current) => ({ ...current, lastAttemptAt: iso(), draining: true }));
    let requested = false;
    for (;;) {
      const due = await db.outbox
        .where('state')
        .equals('pending')
        .filter((op) => force || Date.parse(op.nextAttemptAt) <= now().getTime())
        .sortBy('seq');
      const work = due.length === 0 ? null : await nextWork(due);
      if (work === null) break;
      let step: Step;
      if (work.kind !== 'cascade') requested = true;
      if (work.kind === 'cascade') step = ok(0, await fail(work.ops, 'Not sent: a record it depends on could not be saved'));
      else if (work.kind === 'batch') step = await sendIsolating(client, work.ops);
      else step = await sendOne(client, work.op);
      result.sent += step.sent;
      result.failed += step.failed;
      if (step.stop) {
        result.stoppedBy = step.stop;
        break;
      }
    }
    if (result.stoppedBy) {
      const error = result.stoppedBy;
      await writeMeta((current) => {
        const failures = current.failures + 1;
        return { ...current, draining: false, failures, lastError: { kind: error.kind, message: error.userMessage }, retryAt: iso(backoffDelay(failures, random, error.details.retryAfterSeconds)) };
      });
    } else {
      await writeMeta((current) => ({ ...emptySyncMeta, lastAttemptAt: current.lastAttemptAt, lastSyncedAt: iso() }));
    }
    if (!requested && options.probe) await options.probe(client);
    return result;
  }

  return {
    drain(drainOptions = {}) {
      inFlight ??= run(drainOptions.force ?? false).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}

function reflects(deal: Deal, input: UpdateDealInput): boolean {
  const same = (a: unknown, b: unknown) => b === undefined || a === b;
  return (
    deal.version === input.version + 1 &&
    same(deal.title, input.title) &&
    same(deal.stage, input.stage) &&
    Object.entries(input.qualification ?? {}).every(([key, value]) => same(deal.qualification[key as keyof Deal['qualification']], value)) &&
    Object.entries(input.nextStep ?? {}).every(([key, value]) => same(deal.nextStep[key as keyof Deal['nextStep']], value))
  );
}

/** An activity whose id is derived from its source (a Gmail message): the same id means the same message. */
function isNamedRecord(activity: ActivityInput): boolean {
  return Boolean(activity.source?.gmailMessageId);
}

/** Puts refused ops back in the queue (after the rep fixed the cause, e.g. the token). */
export async function retryFailed(db: BatonDb, now: Date = new Date()): Promise<number> {
  return db.outbox.where('state').equals('failed').modify({ state: 'pending', attempts: 0, serverErrors: 0, nextAttemptAt: now.toISOString() });
}

export function failedOps(db: BatonDb): Promise<OutboxOp[]> {
  return db.outbox.where('state').equals('failed').sortBy('seq');
}

/** Gives up on one queued write; its local record stays as it is. */
export async function discardOp(db: BatonDb, opId: string): Promise<void> {
  await db.outbox.where('opId').equals(opId).delete();
}
