import type { Activity, ActivityInput, Contact, CreateDealInput, Deal, Handoff, HandoffDraft, HandoffInput, Notification, ResolveContactInput, UpdateDealInput, UserSummary } from '@baton/shared';

/*
 * Local copies of server records. `synced` is false while a write of this record waits in the
 * outbox; the UI may show it as "saving…" but never needs to wait for it.
 */
export type LocalContact = Contact & { linkedinSlug: string | null; synced: boolean };
export type LocalDeal = Deal & { synced: boolean };
export type LocalActivity = Activity & { synced: boolean };
export type LocalHandoff = Handoff & { synced: boolean };
/** `unread` mirrors `readAt === null` because IndexedDB cannot index nulls. */
export type LocalNotification = Notification & { unread: 0 | 1 };

export interface OutboxPayloads {
  activity: ActivityInput;
  resolveContact: ResolveContactInput & { id: string };
  createDeal: CreateDealInput & { id: string };
  updateDeal: { dealId: string; input: UpdateDealInput };
  handoff: { dealId: string; input: HandoffInput & { id: string } };
  acceptHandoff: { handoffId: string };
  rejectHandoff: { handoffId: string; reason: string };
  markRead: { notificationId: string };
}
export type OutboxKind = keyof OutboxPayloads;

interface OutboxBase {
  /** Auto-incremented: the creation order the engine sends in. */
  seq?: number;
  opId: string;
  /** The record the op writes (activity, contact, deal, handoff or notification id). */
  entityId: string;
  createdAt: string;
  attempts: number;
  /** ISO time before which the op is not retried (backoff). */
  nextAttemptAt: string;
  lastError: string | null;
  state: 'pending' | 'failed';
  /** Times the API answered 5xx to this op sent on its own; see `SERVER_ERROR_STRIKES`. */
  serverErrors?: number;
}
export type OutboxOp = { [K in OutboxKind]: OutboxBase & { kind: K; payload: OutboxPayloads[K] } }[OutboxKind];
export type OutboxOpOf<K extends OutboxKind> = Extract<OutboxOp, { kind: K }>;

export interface SyncMeta {
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** The last failure that stopped a drain; cleared by the next success. */
  lastError: { kind: string; message: string } | null;
  /** Drains (other than forced ones) wait until then after a transient failure. */
  retryAt: string | null;
  failures: number;
  /** A drain is sending right now (written at its start and end). */
  draining?: boolean;
}

/**
 * What the last answer (or silence) from the API said about the connection, whoever asked: the
 * outbox drain, a brief read, the notification stream (see connection.ts).
 */
export type ConnectionState = 'unknown' | 'reachable' | 'unreachable' | 'token_rejected';

export interface ConnectionMeta {
  state: ConnectionState;
  /** When the state last changed. */
  since: string;
}

export interface MetaRows {
  sync: SyncMeta;
  users: UserSummary[];
}
export type MetaRow =
  | { key: 'sync'; value: SyncMeta }
  | { key: 'users'; value: UserSummary[] }
  | { key: 'connection'; value: ConnectionMeta }
  /** `thread:<gmailThreadId>`: the Gmail message ids logged from that thread. */
  | { key: `thread:${string}`; value: string[] }
  /** `alias:<localContactId>`: the server id the local contact turned out to be. */
  | { key: `alias:${string}`; value: string }
  /** `declined-duplicate:<id>:<id>`: the rep said these two are not the same person (when). */
  | { key: `declined-duplicate:${string}`; value: string };

export interface DraftRow {
  dealId: string;
  draft: HandoffDraft;
  updatedAt: string;
}
