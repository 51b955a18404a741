/**
 * The extension's local store and sync (Dexie database `baton`, shared by every extension context).
 *
 * Writes take a `LocalContext` ({ db, now, userId, onQueued }) and commit the local record and its
 * outbox op in one transaction, so the UI updates at once and nothing waits for the network:
 *   addContact, logThread / unloggedMessages / isThreadLogged, addNote, logCall,
 *   logLinkedinMessage, captureLinkedinProfile, createDeal, updateDeal, submitHandoff,
 *   submitHandoffNow (asks the API first; queues only when it cannot answer), acceptHandoff,
 *   rejectHandoff, markRead, saveDraft / getDraft / deleteDraft.
 * Reads take the db: findContactByEmails, findContactByLinkedin, localBrief, localTimeline,
 *   cacheBrief / fetchBrief, cacheHandoffs, cacheNotifications, cacheUsers, unreadNotifications,
 *   syncStatus / onSyncStatus, failedOps / retryFailed / discardOp.
 * The background drains the outbox with `createSyncEngine({ db, client })` (see ../background).
 */
export { openBatonDb, DEFAULT_DB_NAME, type BatonDb } from './db.ts';
export { UNKNOWN_USER_ID, type LocalContext } from './context.ts';
export { addContact, findContactByEmails, findContactByLinkedin, resolveContactId, type NewContact } from './contacts.ts';
export {
  addNote,
  captureLinkedinProfile,
  isThreadLogged,
  logCall,
  logLinkedinMessage,
  logThread,
  unloggedMessages,
  type CallInput,
  type CapturedProfile,
  type LinkedinMessageInput,
  type LogProgress,
  type LogThreadResult,
  type NoteOptions,
} from './activities.ts';
export {
  acceptHandoff,
  createDeal,
  deleteDraft,
  getDraft,
  markRead,
  rejectHandoff,
  saveDraft,
  submitHandoff,
  submitHandoffNow,
  updateDeal,
  type HandoffSubmission,
} from './deals.ts';
export { cacheBrief, cacheHandoffs, cacheNotifications, cacheUsers, fetchBrief, localBrief, localTimeline, unreadNotifications } from './read.ts';
export { onSyncStatus, syncStatus, type SyncState, type SyncStatus } from './status.ts';
export { createSyncEngine, discardOp, failedOps, retryFailed, MAX_BATCH, type DrainResult, type SyncEngine, type SyncEngineOptions } from './sync.ts';
export { backoffDelay, BACKOFF_BASE_MS, BACKOFF_MAX_MS } from './backoff.ts';
export { ThreadInput, ThreadMessage } from './thread.ts';
export { gmailActivityId, uuidv4, uuidv5, BATON_NAMESPACE } from './uuid.ts';
export type * from './types.ts';
