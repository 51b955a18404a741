import { normalizeEmail } from '@baton/shared';
import { findContactByEmails } from '../local/contacts.ts';
import type { BatonDb } from '../local/db.ts';
import { localBrief } from '../local/read.ts';
import type { ThreadBrief } from './protocol.ts';

/** The cached brief of the first known participant of a thread, and which participants are known. */
export async function threadBrief(db: BatonDb, emails: readonly string[], now: Date): Promise<ThreadBrief> {
  const normalized = emails.map(normalizeEmail).filter((email): email is string => email !== null);
  const contacts = normalized.length === 0 ? [] : await db.contacts.where('emails').anyOf(normalized).toArray();
  const contact = await findContactByEmails(db, emails);
  return {
    brief: contact ? await localBrief(db, contact.id, now) : null,
    known: [...new Set(contacts.flatMap((known) => known.emails))],
  };
}
