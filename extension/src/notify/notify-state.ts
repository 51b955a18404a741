import { browser } from 'wxt/browser';
import { z } from 'zod';
import { normalizeBaseUrl } from '../api-client/index.ts';
import type { Connection } from './stream.ts';

/*
 * What the worker must remember across restarts, in `storage.local` (it is small and written by
 * the worker alone): the highest seq seen, to resume the stream with Last-Event-ID, and which
 * notifications were already shown, so neither a restarted worker nor the stream and the poll
 * delivering the same row ever show it twice.
 */
export const NOTIFY_STATE_KEY = 'baton:notifications';
/** Notification ids are UUIDs; the newest few hundred are enough to recognise a redelivery. */
const REMEMBERED = 500;

const NotifyState = z.object({
  /** Seqs count per organisation and differ per server: the cursor belongs to one API URL and token. */
  account: z.string(),
  lastSeq: z.number().int().nullable(),
  announced: z.array(z.string()),
  /** Shown and not yet dismissed: taken off the screen once read anywhere. */
  onScreen: z.array(z.string()),
});
export type NotifyState = z.infer<typeof NotifyState>;

/** A fingerprint of the connection, so the token itself is not stored a second time. */
export async function accountOf(connection: Connection): Promise<string> {
  const bytes = new TextEncoder().encode(`${normalizeBaseUrl(connection.apiUrl)}\n${connection.token}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function loadNotifyState(account: string): Promise<NotifyState> {
  const stored = (await browser.storage.local.get(NOTIFY_STATE_KEY))[NOTIFY_STATE_KEY];
  const parsed = NotifyState.safeParse(stored);
  if (parsed.success && parsed.data.account === account) return parsed.data;
  if (stored !== undefined && !parsed.success) console.warn('[baton] stored notification state was invalid; starting over', parsed.error.issues);
  return { account, lastSeq: null, announced: [], onScreen: [] };
}

export async function saveNotifyState(state: NotifyState): Promise<void> {
  const trimmed: NotifyState = { ...state, announced: state.announced.slice(-REMEMBERED), onScreen: state.onScreen.slice(-REMEMBERED) };
  await browser.storage.local.set({ [NOTIFY_STATE_KEY]: trimmed });
}
