import { canonicalLinkedinUrl, type Brief, type Contact } from '@baton/shared';
import { z } from 'zod';
import { isApiClientError, type ApiClient } from '../api-client/index.ts';
import { findContactByLinkedin, reconcileResolvedContact, resolveContactId, toLocalContact } from './contacts.ts';
import type { LocalContext } from './context.ts';
import type { BatonDb } from './db.ts';
import { LocalRefusal } from './errors.ts';
import { fetchBrief, localBrief } from './read.ts';

/** Linking either worked, or the profile already belongs to `other`: the rep decides whether to merge. */
export type LinkResult = { status: 'linked'; contact: Contact } | { status: 'taken'; other: Contact };

const ConflictHolder = z.object({ contactId: z.string().min(1) });

/** The contact named by a 409 "… belongs to another contact", or null for any other failure. */
export function conflictHolder(error: unknown): string | null {
  if (!isApiClientError(error) || error.kind !== 'conflict') return null;
  const parsed = ConflictHolder.safeParse(error.details.raw);
  return parsed.success ? parsed.data.contactId : null;
}

/** The cached brief of whoever has this LinkedIn profile on this device, or null. */
export async function profileBrief(db: BatonDb, slugOrUrl: string, now: Date): Promise<Brief | null> {
  const contact = await findContactByLinkedin(db, slugOrUrl);
  return contact ? localBrief(db, contact.id, now) : null;
}

/**
 * Linking and merging act on the server's records at once (they are decisions about identity,
 * not notes that can wait), so a contact whose creation still waits in the outbox cannot take part yet.
 */
async function requireOnServer(db: BatonDb, ids: readonly string[]): Promise<void> {
  const waiting = await db.outbox.where('entityId').anyOf([...ids]).filter((op) => op.kind === 'resolveContact').count();
  if (waiting > 0) {
    throw new LocalRefusal(
      'failed',
      `contact ${ids.join(', ')} has not been synced yet`,
      'This contact has not reached Baton yet — wait until it is synced, then try again',
    );
  }
}

/** Stores a contact the API answered, unless this device has an unsent change to it. */
async function storeContact(db: BatonDb, contact: Contact): Promise<void> {
  await db.transaction('rw', db.contacts, db.outbox, async () => {
    const pending = await db.outbox.where('entityId').equals(contact.id).count();
    if (pending === 0) await db.contacts.put(toLocalContact(contact));
  });
}

/** PATCHes the contact's LinkedIn URL (canonicalised); a 409 names the contact that has the profile. */
export async function linkLinkedinProfile(ctx: LocalContext, client: ApiClient, contactId: string, profileUrl: string): Promise<LinkResult> {
  const url = canonicalLinkedinUrl(profileUrl);
  if (url === null) {
    throw new LocalRefusal('invalid_params', `not a LinkedIn profile URL: ${profileUrl}`, 'That is not a LinkedIn profile address (https://www.linkedin.com/in/…)');
  }
  const id = await resolveContactId(ctx.db, contactId);
  await requireOnServer(ctx.db, [id]);
  try {
    const contact = await client.updateContact(id, { linkedinUrl: url });
    await storeContact(ctx.db, contact);
    return { status: 'linked', contact };
  } catch (error) {
    const holder = conflictHolder(error);
    if (holder === null) throw error;
    return { status: 'taken', other: await client.getContact(holder) };
  }
}

/**
 * Folds `duplicateId` into `survivorId` on the server (which moves every activity and audits it),
 * then moves this device's copies the same way and refreshes the survivor's brief.
 */
export async function mergeContacts(ctx: LocalContext, client: ApiClient, survivorId: string, duplicateId: string): Promise<Contact> {
  const survivor = await resolveContactId(ctx.db, survivorId);
  const duplicate = await resolveContactId(ctx.db, duplicateId);
  await requireOnServer(ctx.db, [survivor, duplicate]);
  const contact = await client.mergeContacts(survivor, duplicate);
  await reconcileResolvedContact(ctx.db, duplicate, contact);
  await fetchBrief(ctx.db, client, { contactId: contact.id });
  return contact;
}

/** Likely duplicates of a contact per the API; none while the contact is only on this device. */
export async function contactDuplicates(ctx: LocalContext, client: ApiClient, contactId: string): Promise<Contact[]> {
  const id = await resolveContactId(ctx.db, contactId);
  const waiting = await ctx.db.outbox.where('entityId').equals(id).filter((op) => op.kind === 'resolveContact').count();
  if (waiting > 0) return [];
  const candidates = await client.duplicates(id);
  const declined = await ctx.db.meta.bulkGet(candidates.map((candidate) => declinedKey(id, candidate.id)));
  return candidates.filter((_candidate, index) => declined[index] === undefined);
}

/** "Not the same person" is remembered on this device, so the offer does not come back. */
export async function declineDuplicate(ctx: LocalContext, contactId: string, duplicateId: string): Promise<void> {
  const id = await resolveContactId(ctx.db, contactId);
  await ctx.db.meta.put({ key: declinedKey(id, duplicateId), value: ctx.now().toISOString() });
}

function declinedKey(a: string, b: string): `declined-duplicate:${string}` {
  return `declined-duplicate:${[a, b].sort().join(':')}`;
}
