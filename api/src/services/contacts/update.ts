import type { Contact, UpdateContactInput } from '@baton/shared';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { contactIdentities, contacts, users } from '../../db/schema.ts';
import { badRequest, conflict } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { retryOnUniqueViolation } from '../../lib/unique-violation.ts';
import { identityKeys, lookupIdentities } from './identity.ts';
import { requireLiveContact, snapshot, withIdentities, type ContactRow } from './store.ts';


const describing = ['name', 'title', 'company', 'location', 'photoUrl'] as const;

/** Edits a contact; identities it asks for must not belong to another contact (409 naming it). */
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

      const wanted = [...(emailKeys ?? []), ...(linkedinKeys ?? [])];
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
      if (emailKeys) await tx.delete(contactIdentities).where(owned('email', emailKeys.map((key) => key.value)));
      if (linkedinKeys) await tx.delete(contactIdentities).where(owned('linkedin', linkedinKeys.map((key) => key.value)));
      const have = new Set(holders.map((holder) => `${holder.kind}:${holder.value}`));
      const fresh = wanted.filter((key) => !have.has(`${key.kind}:${key.value}`));
      if (fresh.length > 0) await tx.insert(contactIdentities).values(fresh.map((key) => ({ orgId, ...key, contactId: row.id })));

      const patch: Partial<ContactRow> = { updatedAt: new Date() };
      for (const field of describing) {
        const value = input[field];
        if (value !== undefined) patch[field] = value || null;
      }
      if (patch.photoUrl !== undefined && patch.photoUrl !== row.photoUrl) patch.photoCapturedAt = patch.photoUrl ? new Date() : null;
      if (input.ownerId !== undefined) patch.ownerId = input.ownerId;
      const [updated] = await tx.update(contacts).set(patch).where(and(eq(contacts.orgId, orgId), eq(contacts.id, row.id))).returning();
      const [after] = await withIdentities(tx, orgId, [updated ?? row]);
      if (!after) throw new Error('the contact vanished');
      await recordAudit(tx, { orgId, actorId: caller.userId, action: 'contact.update', entityType: 'contact', entityId: row.id, before: snapshot(before), after: snapshot(after), requestId: caller.requestId });
      return after;
    }),
  );
}

