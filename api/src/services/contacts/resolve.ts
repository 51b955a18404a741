import { randomUUID } from 'node:crypto';
import type { Contact, ResolveContactInput } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { contactIdentities, contacts } from '../../db/schema.ts';
import { conflict } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { retryOnUniqueViolation } from '../../lib/unique-violation.ts';
import { identityKeys, lookupIdentities, type IdentityKey } from './identity.ts';
import { requireContactSteward } from './permission.ts';
import { slugToUrl, snapshot, withIdentities, type ContactRow } from './store.ts';

const describing = ['name', 'title', 'company', 'location', 'photoUrl'] as const;

/**
 * Find-or-create by identity. Races on a new identity are settled by the identity primary key:
 * the loser's transaction fails on the unique key and its retry finds the winner's contact.
 */
export function resolveContact(db: Db, caller: Caller, input: ResolveContactInput): Promise<{ contact: Contact; created: boolean }> {
  const keys = identityKeys(input.emails, input.linkedinUrl);
  return retryOnUniqueViolation(() => db.transaction((tx) => attempt(tx, caller, input, keys)));
}

async function attempt(tx: Tx, caller: Caller, input: ResolveContactInput, keys: IdentityKey[]) {
  const { orgId } = caller;
  const holders = await lookupIdentities(tx, orgId, keys);
  const [clientRow] = input.id
    ? await tx.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, input.id))).limit(1)
    : [];
  const candidates = new Set(holders.map((holder) => holder.contactId));
  if (clientRow) candidates.add(clientRow.mergedIntoId ?? clientRow.id);
  if (candidates.size > 1) {
    // Two people or one person twice: only a rep can tell, so merging stays explicit.
    throw conflict('These identities belong to different contacts; merge them explicitly', { contactIds: [...candidates] });
  }
  const [existingId] = candidates;
  if (existingId === undefined) return { contact: await create(tx, caller, input, keys), created: true };
  return { contact: await enrich(tx, caller, input, keys, existingId, Boolean(clientRow)), created: false };
}

async function create(tx: Tx, caller: Caller, input: ResolveContactInput, keys: IdentityKey[]): Promise<Contact> {
  const id = input.id ?? randomUUID();
  const photoUrl = input.photoUrl || null;
  const [row] = await tx
    .insert(contacts)
    .values({
      orgId: caller.orgId,
      id,
      name: input.name || null,
      title: input.title || null,
      company: input.company || null,
      location: input.location || null,
      photoUrl,
      photoCapturedAt: photoUrl ? new Date() : null,
      ownerId: caller.userId,
    })
    .returning();
  if (!row) throw new Error('inserting the contact returned no row');
  await tx.insert(contactIdentities).values(keys.map((key) => ({ orgId: caller.orgId, ...key, contactId: id })));
  const [contact] = await withIdentities(tx, caller.orgId, [row]);
  if (!contact) throw new Error('the new contact vanished');
  await recordAudit(tx, { orgId: caller.orgId, actorId: caller.userId, action: 'contact.create', entityType: 'contact', entityId: id, after: snapshot(contact), requestId: caller.requestId });
  return contact;
}

async function enrich(
  tx: Tx,
  caller: Caller,
  input: ResolveContactInput,
  keys: IdentityKey[],
  contactId: string,
  clientIdKnown: boolean,
): Promise<Contact> {
  const { orgId } = caller;
  // Locked so two captures of one person merge their fields one after the other.
  const [row] = await tx.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId))).for('update');
  if (!row) throw new Error(`identity points at a missing contact ${contactId}`);
  const [before] = await withIdentities(tx, orgId, [row]);
  if (!before) throw new Error('the contact vanished');

  const held = new Set(before.emails.map((email) => `email:${email}`));
  const heldSlug = keys.find((key) => key.kind === 'linkedin' && before.linkedinUrl === slugToUrl(key.value));
  if (heldSlug) held.add(`linkedin:${heldSlug.value}`);
  const fresh = keys.filter((key) => !held.has(`${key.kind}:${key.value}`));
  if (before.linkedinUrl && fresh.some((key) => key.kind === 'linkedin')) {
    // One person has one profile: a second one is more likely another person than a new URL.
    throw conflict(`This contact already has the LinkedIn profile ${before.linkedinUrl}`, { contactId, linkedinUrl: before.linkedinUrl });
  }
  // Adding an identity re-routes what the sidebar matches and logs: never silently, on someone else's contact.
  if (fresh.length > 0) await requireContactSteward(tx, caller, row, `add ${fresh.map((key) => key.value).join(', ')} to this contact`);
  const patch = fieldPatch(row, input, keys.some((key) => key.kind === 'linkedin'));
  if (row.ownerId === null) patch.ownerId = caller.userId;
  const alias = input.id && !clientIdKnown && input.id !== contactId ? input.id : null;
  if (fresh.length === 0 && Object.keys(patch).length === 0 && alias === null) return before;

  if (fresh.length > 0) await tx.insert(contactIdentities).values(fresh.map((key) => ({ orgId, ...key, contactId })));
  // The client's id becomes an alias, so activities it already queued under that id land here.
  if (alias) await tx.insert(contacts).values({ orgId, id: alias, mergedIntoId: contactId });
  const [updated] = await tx
    .update(contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)))
    .returning();
  const [after] = await withIdentities(tx, orgId, [updated ?? row]);
  if (!after) throw new Error('the contact vanished');
  await recordAudit(tx, {
    orgId,
    actorId: caller.userId,
    action: 'contact.resolve',
    entityType: 'contact',
    entityId: contactId,
    before: snapshot(before),
    after: { ...snapshot(after), ...(alias ? { aliasId: alias } : {}) },
    requestId: caller.requestId,
  });
  return after;
}

/**
 * Empty fields are filled from any capture. A LinkedIn capture also refreshes title, company,
 * location and photo — people change jobs — while the name, which a rep may have corrected,
 * is only filled when empty.
 */
function fieldPatch(row: ContactRow, input: ResolveContactInput, fromLinkedin: boolean): Partial<ContactRow> {
  const patch: Partial<ContactRow> = {};
  for (const field of describing) {
    const incoming = input[field];
    if (!incoming || incoming === row[field]) continue;
    if (row[field] === null || row[field] === '' || (fromLinkedin && field !== 'name')) patch[field] = incoming;
  }
  if (patch.photoUrl !== undefined) patch.photoCapturedAt = new Date();
  return patch;
}
