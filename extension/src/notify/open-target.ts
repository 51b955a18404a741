import type { Notification } from '@baton/shared';
import type { ApiClient } from '../api-client/index.ts';
import { resolveContactId } from '../local/contacts.ts';
import type { LocalContext } from '../local/context.ts';
import { markRead } from '../local/deals.ts';
import { fetchBrief } from '../local/read.ts';
import type { BatonDb } from '../local/db.ts';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';
export const gmailThreadUrl = (threadId: string) => `${GMAIL_URL}#all/${threadId}`;
export const gmailSearchUrl = (email: string) => `${GMAIL_URL}#search/${encodeURIComponent(email)}`;

/**
 * Where a click on a notification takes the rep: a Gmail search for the prospect's address in
 * *their own* mailbox, where the sidebar shows the brief on any thread with them. Not a thread
 * id from the timeline: Gmail thread ids belong to one mailbox (the sender's thread does not
 * exist in the recipient's). The local cache answers first; `refresh` (the brief from the API,
 * cached) fills it when this device knows nothing of the contact.
 */
export async function notificationTarget(
  db: BatonDb,
  notification: Pick<Notification, 'contactId'> | undefined,
  refresh?: (contactId: string) => Promise<void>,
): Promise<string> {
  const contactId = notification?.contactId ?? null;
  if (contactId === null) return `${GMAIL_URL}#inbox`;
  let email = await emailOf(db, contactId);
  if (email === null && refresh) {
    try {
      await refresh(contactId);
    } catch (error) {
      // Offline or signed out: the inbox is still a useful place to land.
      console.warn('[baton] could not refresh the brief for a notification', error);
    }
    email = await emailOf(db, contactId);
  }
  return email === null ? `${GMAIL_URL}#inbox` : gmailSearchUrl(email);
}

async function emailOf(db: BatonDb, contactId: string): Promise<string | null> {
  return (await db.contacts.get(await resolveContactId(db, contactId)))?.emails[0] ?? null;
}

const refresher = (db: BatonDb, client: ApiClient | null) => (client ? async (contactId: string) => void (await fetchBrief(db, client, { contactId })) : undefined);

/** The Gmail address (a search in this mailbox) where the rep finds the prospect and the sidebar's brief. */
export function prospectAddress(db: BatonDb, contactId: string, client: ApiClient | null): Promise<string> {
  return notificationTarget(db, { contactId }, refresher(db, client));
}

/** Acting on a notification: it is read from now on, and the answer is where to open its prospect. */
export async function readNotification(ctx: LocalContext, notificationId: string, client: ApiClient | null): Promise<string> {
  const notification = await ctx.db.notifications.get(notificationId);
  if (notification?.unread === 1) await markRead(ctx, notificationId);
  return notificationTarget(ctx.db, notification, refresher(ctx.db, client));
}
