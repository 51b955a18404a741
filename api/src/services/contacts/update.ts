import type { Contact, UpdateContactInput } from '@baton/shared';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { contactIdentities, contacts, users } from '../../db/schema.ts';
import { badRequest, conflict } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { retryOnUniqueViolation } from '../../lib/unique-violation.ts';
import { identityKeys, lookupIdentities } from './identity.ts';
import { requireContactSteward } from './permission.ts';
import { requireLiveContact, slugToUrl, snapshot, withIdentities, type ContactRow } from './store.ts';

const describing = ['name', 'title', 'company', 'location', 'photoUrl'] as const;

/**
 * Edits a contact; identities it asks for must not belong to another contact (409 naming it).
 * Changing the owner or the identities needs a steward (`canManageContact`), others get 403.
 */
export function updateContact(db: Db, caller: Caller, id: string, input: UpdateContactInput): Promise<Contact> {
  const { orgId } = caller;
  const emailKeys = input.emails === undefined ? null : identityKeys(input.emails, undefined);
  const linkedinKeys = input.linkedinUrl === undefined ? null : identityKeys(undefined, input.linkedinUrl || null);
  return retryOnUniqueViolation(() =>
    db.transaction(async (tx) => {
      const live = await requireLiveContact(tx, orgId, id);
      const [row] = await tx.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, live.id))).for('update');
      if (!row) throw new Error('the contact vanished');
      const [before] = await withIdentities(tx, orgId, [row]);
      if (!before) throw new Error('the contact vanished');

      if (input.ownerId) {
        const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.id, input.ownerId))).limit(1);
        if (!owner) throw badRequest('ownerId is not a user of this organisation', { ownerId: input.ownerId });
      }

      const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));
      const changes = {
        owner: input.ownerId !== undefined && input.ownerId !== row.ownerId,
        emails: emailKeys !== null && !sameSet(emailKeys.map((key) => key.value), before.emails),
        linkedin: linkedinKeys !== null && (linkedinKeys[0] ? slugToUrl(linkedinKeys[0].value) : null) !== before.linkedinUrl,
      };
      const patch: Partial<ContactRow> = {};
      for (const field of describing) {
        const value = input[field];
        if (value !== undefined && (value || null) !== row[field]) patch[field] = value || null;
      }
      if (patch.photoUrl !== undefined) patch.photoCapturedAt = patch.photoUrl ? new Date() : null;
      if (changes.owner) patch.ownerId = input.ownerId ?? null;
      // A no-op answers the contact as it is: no write, no updatedAt, no audit entry.
      if (!changes.emails && !changes.linkedin && Object.keys(patch).length === 0) return before;
      const stewardOnly = [changes.owner && 'change its owner', changes.emails && 'change its emails', changes.linkedin && 'change its LinkedIn profile'].filter(Boolean);
      if (stewardOnly.length > 0) await requireContactSteward(tx, caller, row, stewardOnly.join(' or '));

      const wanted = [...(changes.emails ? (emailKeys ?? []) : []), ...(changes.linkedin ? (linkedinKeys ?? []) : [])];
      const holders = await lookupIdentities(tx, orgId, wanted);
      const taken = holders.find((holder) => holder.contactId !== row.id);
      if (taken) {
        throw conflict(`${taken.value} belongs to another contact`, { contactId: taken.contactId, kind: taken.kind, value: taken.value });
      }
      const owned = (kind: string, keep: string[]) =>
        and(
          eq(contactIdentities.orgId, orgId),
          eq(contactIdentities.contactId, row.id),
          eq(contactIdentities.kind, kind),
          ...(keep.length > 0 ? [notInArray(contactIdentities.value, keep)] : []),
        );
      if (changes.emails && emailKeys) await tx.delete(contactIdentities).where(owned('email', emailKeys.map((key) => key.value)));
      if (changes.linkedin && linkedinKeys) await tx.delete(contactIdentities).where(owned('linkedin', linkedinKeys.map((key) => key.value)));
      const have = new Set(holders.map((holder) => `${holder.kind}:${holder.value}`));
      const fresh = wanted.filter((key) => !have.has(`${key.kind}:${key.value}`));
      if (fresh.length > 0) await tx.insert(contactIdentities).values(fresh.map((key) => ({ orgId, ...key, contactId: row.id })));

      const [updated] = await tx.update(contacts).set({ ...patch, updatedAt: new Date() }).where(and(eq(contacts.orgId, orgId), eq(contacts.id, row.id))).returning();
      const [after] = await withIdentities(tx, orgId, [updated ?? row]);
      if (!after) throw new Error('the contact vanished');
      await recordAudit(tx, { orgId, actorId: caller.userId, action: 'contact.update', entityType: 'contact', entityId: row.id, before: snapshot(before), after: snapshot(after), requestId: caller.requestId });
      return after;
    }),
  );
}

