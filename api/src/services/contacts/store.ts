import { canonicalLinkedinUrl, type Contact } from '@baton/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { contactIdentities, contacts } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';

/* Reading contacts: a contact row plus its identities make the API's Contact. */

export type ContactRow = typeof contacts.$inferSelect;
export type IdentityRow = Pick<typeof contactIdentities.$inferSelect, 'kind' | 'value' | 'contactId'>;

/** The LinkedIn URL shown for a stored slug: built by the shared rule so both sides agree. */
export const slugToUrl = (slug: string) => canonicalLinkedinUrl(`linkedin.com/in/${slug}`);

export function toContact(row: ContactRow, identities: readonly IdentityRow[]): Contact {
  const own = identities.filter((identity) => identity.contactId === row.id);
  const slug = own.find((identity) => identity.kind === 'linkedin')?.value;
  return {
    id: row.id,
    name: row.name,
    emails: own.filter((identity) => identity.kind === 'email').map((identity) => identity.value),
    linkedinUrl: slug === undefined ? null : slugToUrl(slug),
    title: row.title,
    company: row.company,
    location: row.location,
    photoUrl: row.photoUrl,
    photoCapturedAt: row.photoCapturedAt ? row.photoCapturedAt.toISOString() : null,
    ownerId: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function identitiesOf(db: Tx, orgId: string, contactIds: readonly string[]): Promise<IdentityRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .select({ kind: contactIdentities.kind, value: contactIdentities.value, contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), inArray(contactIdentities.contactId, [...contactIds])))
    .orderBy(asc(contactIdentities.createdAt), asc(contactIdentities.value));
}

/** Contacts with their identities, in the order of `rows` (two queries whatever the count). */
export async function withIdentities(db: Tx, orgId: string, rows: readonly ContactRow[]): Promise<Contact[]> {
  const identities = await identitiesOf(db, orgId, rows.map((row) => row.id));
  return rows.map((row) => toContact(row, identities));
}

/**
 * The live contact an id names in this organisation: a merged (tombstone) id answers its
 * survivor. One query; null when the id is unknown here (another organisation's id included).
 */
export async function findLiveContact(db: Tx, orgId: string, id: string): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(
          contacts.id,
          sql`coalesce((select ${contacts.mergedIntoId} from ${contacts} where ${contacts.orgId} = ${orgId} and ${contacts.id} = ${id}), ${id}::uuid)`,
        ),
      ),
    )
    .limit(1);
  // Merges flatten alias chains, so one hop reaches the survivor.
  return row && row.mergedIntoId === null ? row : null;
}

export async function requireLiveContact(db: Tx, orgId: string, id: string): Promise<ContactRow> {
  const row = await findLiveContact(db, orgId, id);
  if (!row) throw notFound('contact');
  return row;
}

/** The fields that describe a contact, for audit before/after. */
export function snapshot(contact: Contact) {
  const { id, name, emails, linkedinUrl, title, company, location, photoUrl, ownerId } = contact;
  return { id, name, emails, linkedinUrl, title, company, location, photoUrl, ownerId };
}

/** One live contact with its identities (a merged-away id answers with the survivor). */
export async function getContact(db: Tx, caller: Caller, id: string): Promise<Contact> {
  const row = await requireLiveContact(db, caller.orgId, id);
  const [contact] = await withIdentities(db, caller.orgId, [row]);
  if (!contact) throw notFound('contact');
  return contact;
}
