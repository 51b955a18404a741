import { linkedinSlug, normalizeEmail } from '@baton/shared';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { contactIdentities } from '../../db/schema.ts';
import { badRequest } from '../../errors.ts';
import type { IdentityRow } from './store.ts';

export interface IdentityKey {
  kind: 'email' | 'linkedin';
  value: string;
}

/** Normalised identities of what a client sent; a LinkedIn URL that is no profile is a 400. */
export function identityKeys(emails: readonly string[] | undefined, linkedinUrl: string | null | undefined): IdentityKey[] {
  const keys = new Map<string, IdentityKey>();
  for (const raw of emails ?? []) {
    const value = normalizeEmail(raw);
    if (value === null) throw badRequest(`"${raw}" is not an email address`);
    keys.set(`email:${value}`, { kind: 'email', value });
  }
  if (linkedinUrl) {
    const slug = linkedinSlug(linkedinUrl);
    if (slug === null) throw badRequest(`"${linkedinUrl}" is not a LinkedIn profile URL (linkedin.com/in/…)`);
    keys.set(`linkedin:${slug}`, { kind: 'linkedin', value: slug });
  }
  return [...keys.values()];
}

/** Which contacts hold these identities (one query). */
export async function lookupIdentities(db: Tx, orgId: string, keys: readonly IdentityKey[]): Promise<IdentityRow[]> {
  if (keys.length === 0) return [];
  const byKind = (kind: IdentityKey['kind']) => keys.filter((key) => key.kind === kind).map((key) => key.value);
  const emails = byKind('email');
  const slugs = byKind('linkedin');
  const clauses = [
    ...(emails.length > 0 ? [and(eq(contactIdentities.kind, 'email'), inArray(contactIdentities.value, emails))] : []),
    ...(slugs.length > 0 ? [and(eq(contactIdentities.kind, 'linkedin'), inArray(contactIdentities.value, slugs))] : []),
  ];
  return db
    .select({ kind: contactIdentities.kind, value: contactIdentities.value, contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.orgId, orgId), or(...clauses)));
}
