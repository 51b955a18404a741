import Dexie from 'dexie';
import type { Notification } from '@baton/shared';
import { resolveContactId } from '../local/contacts.ts';
import type { BatonDb } from '../local/db.ts';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';
/** Only the canonical hex id has a Gmail URL; `thread-a:` drafts cannot be opened by address. */
const LINKABLE_THREAD = /^[0-9a-f]{16}$/i;

export const gmailThreadUrl = (threadId: string) => `${GMAIL_URL}#all/${threadId}`;
export const gmailSearchUrl = (email: string) => `${GMAIL_URL}#search/${encodeURIComponent(email)}`;

async function latestThreadId(db: BatonDb, contactId: string): Promise<string | null> {
  const latest = await db.activities
    .where('[contactId+occurredAt]')
    .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
    .reverse()
    .filter((activity) => activity.type === 'email' && LINKABLE_THREAD.test(activity.source?.gmailThreadId ?? ''))
    .first();
  return latest?.source?.gmailThreadId ?? null;
}

async function fromCache(db: BatonDb, contactId: string): Promise<{ threadId: string | null; email: string | null }> {
  const id = await resolveContactId(db, contactId);
  return { threadId: await latestThreadId(db, id), email: (await db.contacts.get(id))?.emails[0] ?? null };
}

/**
 * Where a click on a notification takes the rep: the prospect's latest Gmail thread, where the
 * sidebar shows the brief. The sidebar page cannot show a brief on its own (it needs the Gmail
 * tab that embeds it), so without a known thread it is a Gmail search for the prospect's email.
 * The local cache answers first; `refresh` (the brief from the API, cached) fills it when it
 * knows nothing of the contact or has no thread yet.
 */
export async function notificationTarget(
  db: BatonDb,
  notification: Pick<Notification, 'contactId'> | undefined,
  refresh?: (contactId: string) => Promise<void>,
): Promise<string> {
  const contactId = notification?.contactId ?? null;
  if (contactId === null) return `${GMAIL_URL}#inbox`;
  let known = await fromCache(db, contactId);
  if (known.threadId === null && refresh) {
    try {
      await refresh(contactId);
    } catch (error) {
      // Offline or signed out: what the cache knows is still a useful place to land.
      console.warn('[baton] could not refresh the brief for a notification', error);
    }
    known = await fromCache(db, contactId);
  }
  if (known.threadId !== null) return gmailThreadUrl(known.threadId);
  return known.email === null ? `${GMAIL_URL}#inbox` : gmailSearchUrl(known.email);
}
