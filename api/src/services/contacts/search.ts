import type { Contact } from '@baton/shared';
import { and, asc, eq, ilike, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { contactIdentities, contacts } from '../../db/schema.ts';
import { badRequest } from '../../errors.ts';
import { identityKeys, lookupIdentities } from './identity.ts';
import { identitiesOf, requireLiveContact, toContact, withIdentities } from './store.ts';

const SEARCH_LIMIT = 20;

export type ContactQuery = { email: string } | { linkedin: string } | { q: string };

/** Live contacts matching an exact identity, or `q` in name, company or an email (case-insensitive). */
export async function searchContacts(db: Tx, orgId: string, query: ContactQuery): Promise<Contact[]> {
  if ('q' in query) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const rows = await db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          isNull(contacts.mergedIntoId),
          or(
            ilike(contacts.name, pattern),
            ilike(contacts.company, pattern),
            sql`exists (select 1 from ${contactIdentities} where ${contactIdentities.orgId} = ${orgId} and ${contactIdentities.contactId} = ${contacts.id} and ${contactIdentities.kind} = 'email' and ${contactIdentities.value} ilike ${pattern})`,
          ),
        ),
      )
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(SEARCH_LIMIT);
    return withIdentities(db, orgId, rows);
  }
  const keys = 'email' in query ? identityKeys([query.email], undefined) : identityKeys(undefined, query.linkedin);
  const ids = [...new Set((await lookupIdentities(db, orgId, keys)).map((holder) => holder.contactId))];
  if (ids.length === 0) return [];
  const rows = await db.select().from(contacts).where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids), isNull(contacts.mergedIntoId)));
  return withIdentities(db, orgId, rows);
}

/**
 * Likely duplicates of a contact: same name and same company (case-insensitive), without
 * identities that say otherwise (two different LinkedIn profiles). Offered, never merged here.
 */
export async function findDuplicates(db: Tx, orgId: string, contact: typeof contacts.$inferSelect): Promise<Contact[]> {
  if (!contact.name?.trim() || !contact.company?.trim()) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        isNull(contacts.mergedIntoId),
        ne(contacts.id, contact.id),
        sql`lower(${contacts.name}) = lower(${contact.name.trim()})`,
        sql`lower(${contacts.company}) = lower(${contact.company.trim()})`,
      ),
    )
    .orderBy(asc(contacts.createdAt))
    .limit(SEARCH_LIMIT);
  const identities = await identitiesOf(db, orgId, [contact.id, ...rows.map((row) => row.id)]);
  const slugOf = (id: string) => identities.find((identity) => identity.contactId === id && identity.kind === 'linkedin')?.value;
  const mine = slugOf(contact.id);
  return rows
    .filter((row) => {
      const theirs = slugOf(row.id);
      return mine === undefined || theirs === undefined || mine === theirs;
    })
    .map((row) => toContact(row, identities));
}

const GROUP_LIMIT = 50;

/**
 * Groups of likely duplicates across the organisation (same name and company, case-insensitive),
 * leaving out groups whose members carry different LinkedIn profiles. Two queries.
 */
export async function duplicateGroups(db: Tx, caller: Pick<Caller, 'orgId'>): Promise<{ contacts: Contact[] }[]> {
  const { orgId } = caller;
  const live = sql`${contacts.orgId} = ${orgId} and ${contacts.mergedIntoId} is null and coalesce(${contacts.name}, '') <> '' and coalesce(${contacts.company}, '') <> ''`;
  const rows = await db
    .select()
    .from(contacts)
    .where(
      sql`${live} and (lower(${contacts.name}), lower(${contacts.company})) in (
        select lower(${contacts.name}), lower(${contacts.company}) from ${contacts} where ${live}
        group by 1, 2 having count(*) > 1 order by 1, 2 limit ${GROUP_LIMIT})`,
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  const identities = await identitiesOf(db, orgId, rows.map((row) => row.id));
  const groups = new Map<string, Contact[]>();
  for (const row of rows) {
    const key = `${row.name?.toLowerCase()}\u0001${row.company?.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), toContact(row, identities)]);
  }
  return [...groups.values()]
    .filter((members) => members.length > 1 && new Set(members.flatMap((member) => (member.linkedinUrl ? [member.linkedinUrl] : []))).size <= 1)
    .map((members) => ({ contacts: members }));
}

/** The search endpoint: exactly one of email, LinkedIn URL or free text. */
export async function findContacts(db: Tx, caller: Caller, query: { email?: string | undefined; linkedin?: string | undefined; q?: string | undefined }): Promise<Contact[]> {
  const { email, linkedin, q } = query;
  const given = [email, linkedin, q].filter((value) => value !== undefined).length;
  if (given !== 1) throw badRequest('Search by exactly one of email, linkedin or q');
  return searchContacts(db, caller.orgId, email !== undefined ? { email } : linkedin !== undefined ? { linkedin } : { q: q ?? '' });
}

/** Contacts that look like the same person as the live contact `id` names. */
export async function contactDuplicates(db: Tx, caller: Caller, id: string): Promise<Contact[]> {
  return findDuplicates(db, caller.orgId, await requireLiveContact(db, caller.orgId, id));
}
