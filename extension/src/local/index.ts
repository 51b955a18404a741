/**
 * The extension's local store and sync (Dexie database `baton`). Only the background opens it —
 * the sidebar frame inside Gmail is a third-party frame, denied IndexedDB — so the pages reach
 * these functions through the bridge (../bridge/router.ts), and this engine is the only writer.
 *
 * Writes take a `LocalContext` ({ db, now, userId, onQueued }) and commit the local record and its
 * outbox op in one transaction, so the UI updates at once and nothing waits for the network:
 *   addContact, logThread / unloggedMessages / isThreadLogged, addNote, logCall,
 *   logLinkedinMessage, captureLinkedinProfile, createDeal, updateDeal, submitHandoff,
 *   submitHandoffNow (asks the API first; queues only when it cannot answer), acceptHandoff,
 *   rejectHandoff, markRead, saveDraft / getDraft / deleteDraft.
 * Reads take the db: findContactByEmails, findContactByLinkedin, localBrief, localTimeline,
 *   cacheBrief / fetchBrief, cacheHandoffs, cacheNotifications, cacheUsers, unreadNotifications,
 *   syncStatus, failedOps / retryFailed / discardOp, and what the panels list: threadBrief,
 *   profileBrief, homeItems, myHandoffs, cachedUsers.
 * Calls that ask the API and keep its answer take a client too: fetchBrief, refreshHome,
 *   refreshMyHandoffs, fetchUsers, handoffTemplates, linkLinkedinProfile, mergeContacts,
 *   contactDuplicates.
 * The background drains the outbox with `createSyncEngine({ db, client })` (see ../background).
 */
export { openBatonDb, DEFAULT_DB_NAME, type BatonDb } from './db.ts';
export { UNKNOWN_USER_ID, type LocalContext } from './context.ts';
export { addContact, findContactByEmails, findContactByLinkedin, resolveContactId, type NewContact } from './contacts.ts';
export {
  addLinkedinNote,
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
export { syncStatus, type SyncState, type SyncStatus } from './status.ts';
export { observeConnection, readConnection, recordConnection, type ConnectionMeta, type ConnectionState } from './connection.ts';
export { handoffDelivery, type HandoffDelivery } from './handoff-delivery.ts';
export { threadBrief, type ThreadBrief } from './thread-brief.ts';
export { homeItems, refreshHome, type HomeItems } from './home-items.ts';
export { cachedUsers, fetchUsers, handoffTemplates, myHandoffs, refreshMyHandoffs, type HandoffTemplates, type MyHandoffItem, type MyHandoffs } from './my-handoffs.ts';
export { contactDuplicates, declineDuplicate, linkLinkedinProfile, mergeContacts, profileBrief, type LinkResult } from './identity-links.ts';
export { LocalRefusal } from './errors.ts';
export { createSyncEngine, discardOp, failedOps, retryFailed, MAX_BATCH, type DrainResult, type SyncEngine, type SyncEngineOptions } from './sync.ts';
export { backoffDelay, BACKOFF_BASE_MS, BACKOFF_MAX_MS } from './backoff.ts';
export { ThreadInput, ThreadMessage } from './thread.ts';
export { gmailActivityId, uuidv4, uuidv5, BATON_NAMESPACE } from './uuid.ts';
export type * from './types.ts';
