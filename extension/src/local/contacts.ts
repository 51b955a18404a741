import { canonicalLinkedinUrl, linkedinSlug, normalizeEmail, ResolveContactInput, type Contact } from '@baton/shared';
import Dexie from 'dexie';
import type { BatonDb } from './db.ts';
import { actor, newOp, queued, type LocalContext } from './context.ts';
import type { LocalContact } from './types.ts';
import { uuidv4 } from './uuid.ts';

export type NewContact = Omit<ResolveContactInput, 'id'>;

export function toLocalContact(contact: Contact, synced = true): LocalContact {
  return { ...contact, linkedinSlug: contact.linkedinUrl ? linkedinSlug(contact.linkedinUrl) : null, synced };
}

/** Follows `alias:` rows left by remaps, so an id the UI held before a sync still finds its contact. */
export async function resolveContactId(db: BatonDb, id: string): Promise<string> {
  let current = id;
  for (let hops = 0; hops < 5; hops += 1) {
    const alias = await db.meta.get(`alias:${current}`);
    if (alias === undefined) return current;
    current = alias.value as string;
  }
  return current;
}

export async function findContactByEmails(db: BatonDb, emails: readonly string[]): Promise<LocalContact | null> {
  const normalized = emails.map(normalizeEmail).filter((email): email is string => email !== null);
  if (normalized.length === 0) return null;
  const matches = await db.contacts.where('emails').anyOf(normalized).toArray();
  // Prefer the order the caller gave (e.g. the thread's sender first), then server-confirmed records.
  for (const email of normalized) {
    const hit = matches.filter((contact) => contact.emails.includes(email)).sort((a, b) => Number(b.synced) - Number(a.synced))[0];
    if (hit) return hit;
  }
  return null;
}

export async function findContactByLinkedin(db: BatonDb, slugOrUrl: string): Promise<LocalContact | null> {
  const slug = linkedinSlug(slugOrUrl) ?? slugOrUrl.trim().toLowerCase();
  return (await db.contacts.where('linkedinSlug').equals(slug).first()) ?? null;
}

const keep = <T>(current: T | null, incoming: T | null | undefined): T | null => current ?? incoming ?? null;
const replace = <T>(current: T | null, incoming: T | null | undefined): T | null => incoming ?? current ?? null;

/**
 * Finds the contact by any of its identities or creates it with a client-generated id, and
 * queues a resolve so the server merges the new identities and fields (or creates it).
 */
/**
 * `fromLinkedinCapture`: the fields come from the profile as it reads now, so title, company,
 * location and photo replace older values (people change jobs) — as the API does for captures.
 */
export async function addContact(ctx: LocalContext, input: NewContact, options: { fromLinkedinCapture?: boolean } = {}): Promise<LocalContact> {
  const update = options.fromLinkedinCapture ? replace : keep;
  const parsed = ResolveContactInput.parse(input);
  const linkedinUrl = parsed.linkedinUrl ? canonicalLinkedinUrl(parsed.linkedinUrl) : null;
  if (parsed.linkedinUrl && linkedinUrl === null) throw new Error(`not a LinkedIn profile URL: ${parsed.linkedinUrl}`);
  const emails = parsed.emails ?? [];
  const at = ctx.now().toISOString();
  const contact = await ctx.db.transaction('rw', ctx.db.contacts, ctx.db.outbox, ctx.db.meta, async () => {
    const existing = (await findContactByEmails(ctx.db, emails)) ?? (linkedinUrl ? await findContactByLinkedin(ctx.db, linkedinUrl) : null);
    const record: LocalContact = existing
      ? {
          ...existing,
          emails: [...new Set([...existing.emails, ...emails])],
          linkedinUrl: existing.linkedinUrl ?? linkedinUrl,
          linkedinSlug: existing.linkedinSlug ?? (linkedinUrl ? linkedinSlug(linkedinUrl) : null),
          name: keep(existing.name, parsed.name),
          title: update(existing.title, parsed.title),
          company: update(existing.company, parsed.company),
          location: update(existing.location, parsed.location),
          photoUrl: update(existing.photoUrl, parsed.photoUrl),
          photoCapturedAt: update(existing.photoUrl, parsed.photoUrl) !== existing.photoUrl ? at : existing.photoCapturedAt,
          updatedAt: at,
          synced: false,
        }
      : {
          id: uuidv4(),
          name: parsed.name ?? null,
          emails,
          linkedinUrl,
          linkedinSlug: linkedinUrl ? linkedinSlug(linkedinUrl) : null,
          title: parsed.title ?? null,
          company: parsed.company ?? null,
          location: parsed.location ?? null,
          photoUrl: parsed.photoUrl ?? null,
          photoCapturedAt: parsed.photoUrl ? at : null,
          ownerId: actor(ctx),
          createdAt: at,
          updatedAt: at,
          synced: false,
        };
    await ctx.db.contacts.put(record);
    const payload = { ...parsed, ...(linkedinUrl ? { linkedinUrl } : {}), id: record.id };
    await ctx.db.outbox.add(newOp(ctx, 'resolveContact', record.id, payload));
    return record;
  });
  queued(ctx);
  return contact;
}

/**
 * Stores the server's answer to a resolve. When the server matched an existing contact with a
 * different id, every local reference to the client id moves to the server id, in one transaction.
 */
export async function reconcileResolvedContact(db: BatonDb, localId: string, server: Contact): Promise<void> {
  await db.transaction('rw', [db.contacts, db.deals, db.activities, db.handoffs, db.outbox, db.meta], async () => {
    await db.contacts.put(toLocalContact(server));
    if (localId === server.id) return;
    await db.contacts.delete(localId);
    await db.meta.put({ key: `alias:${localId}`, value: server.id });
    await db.deals.where('contactId').equals(localId).modify({ contactId: server.id });
    await db.handoffs.filter((handoff) => handoff.contactId === localId).modify({ contactId: server.id });
    await db.activities
      .where('[contactId+occurredAt]')
      .between([localId, Dexie.minKey], [localId, Dexie.maxKey])
      .modify({ contactId: server.id });
    await db.outbox.toCollection().modify((op) => {
      if (op.kind === 'activity' && op.payload.contactId === localId) op.payload.contactId = server.id;
      if (op.kind === 'createDeal' && op.payload.contactId === localId) op.payload.contactId = server.id;
      if (op.kind === 'resolveContact' && op.payload.id === localId) {
        op.payload.id = server.id;
        op.entityId = server.id;
      }
    });
  });
}
