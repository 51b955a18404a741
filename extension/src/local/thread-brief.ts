import { normalizeEmail, type Brief } from '@baton/shared';
import type { BatonDb } from './db.ts';
import { localBrief } from './read.ts';
import type { LocalContact } from './types.ts';

export interface ThreadBrief {
  /** The cached brief of the first known participant, or null. */
  brief: Brief | null;
  /** Emails of participants that are contacts on this device. */
  known: string[];
}

/** The participant the brief is about: the caller's order first (the sender), then server-confirmed records. */
function pick(contacts: readonly LocalContact[], normalized: readonly string[]): LocalContact | null {
  for (const email of normalized) {
    const hit = contacts.filter((contact) => contact.emails.includes(email)).sort((a, b) => Number(b.synced) - Number(a.synced))[0];
    if (hit) return hit;
  }
  return null;
}

/**
 * The cached brief of the first known participant of a thread, and which participants are known.
 * It runs on every thread switch, so: one read-only transaction (one snapshot, no commit per
 * read) and the contacts looked up once through the `emails` multi-entry index.
 */
export async function threadBrief(db: BatonDb, emails: readonly string[], now: Date): Promise<ThreadBrief> {
  const normalized = emails.map(normalizeEmail).filter((email): email is string => email !== null);
  if (normalized.length === 0) return { brief: null, known: [] };
  return db.transaction('r', [db.contacts, db.deals, db.handoffs, db.activities, db.meta], async () => {
    const contacts = await db.contacts.where('emails').anyOf(normalized).toArray();
    const contact = pick(contacts, normalized);
    return {
      brief: contact ? await localBrief(db, contact.id, now) : null,
      known: [...new Set(contacts.flatMap((known) => known.emails))],
    };
  });
}
