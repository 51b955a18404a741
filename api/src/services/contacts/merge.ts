import type { Contact } from '@baton/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { activities, contactIdentities, contacts, deals, handoffs, notifications } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { requireContactSteward } from './permission.ts';
import { requireLiveContact, snapshot, withIdentities, type ContactRow } from './store.ts';

const fillable = ['name', 'title', 'company', 'location', 'photoUrl', 'ownerId'] as const;

/**
 * Folds `duplicateId` into `survivorId` in one transaction: its activities, deals, handoffs,
 * notifications and identities move, empty survivor fields are filled from it, and it stays
 * as a tombstone so ids held by offline clients still resolve. Replaying a merge is a no-op.
 */
export function mergeContacts(db: Db, caller: Caller, survivorId: string, duplicateId: string): Promise<{ contact: Contact; merged: boolean }> {
  const { orgId } = caller;
  return db.transaction(async (tx) => {
    const survivorLive = await requireLiveContact(tx, orgId, survivorId);
    const [duplicateRaw] = await tx.select().from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.id, duplicateId))).limit(1);
    if (!duplicateRaw) throw notFound('contact');
    if (duplicateRaw.id === survivorLive.id) throw badRequest('A contact cannot be merged into itself');
    if (duplicateRaw.mergedIntoId === survivorLive.id) {
      const [contact] = await withIdentities(tx, orgId, [survivorLive]);
      if (!contact) throw new Error('the contact vanished');
      return { contact, merged: false };
    }
    if (duplicateRaw.mergedIntoId !== null) {
      throw conflict('The duplicate was already merged into another contact', { mergedIntoId: duplicateRaw.mergedIntoId });
    }

    // Locked in id order so two merges touching the same pair cannot deadlock.
    const locked = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, [survivorLive.id, duplicateRaw.id])))
      .orderBy(asc(contacts.id))
      .for('update');
    const survivor = locked.find((row) => row.id === survivorLive.id);
    const duplicate = locked.find((row) => row.id === duplicateRaw.id);
    if (!survivor || !duplicate || survivor.mergedIntoId !== null || duplicate.mergedIntoId !== null) {
      throw conflict('One of the contacts was merged meanwhile; reload and try again');
    }
    await requireContactSteward(tx, caller, survivor, 'merge contacts into this one');
    await requireContactSteward(tx, caller, duplicate, 'merge away this duplicate');
    const [survivorBefore, duplicateBefore] = await withIdentities(tx, orgId, [survivor, duplicate]);
    if (!survivorBefore || !duplicateBefore) throw new Error('the contacts vanished');
    if (survivorBefore.linkedinUrl && duplicateBefore.linkedinUrl && survivorBefore.linkedinUrl !== duplicateBefore.linkedinUrl) {
      // A person has one profile: two different ones say these are two people.
      throw conflict('These contacts have different LinkedIn profiles', {
        contactIds: [survivor.id, duplicate.id],
        linkedinUrls: [survivorBefore.linkedinUrl, duplicateBefore.linkedinUrl],
      });
    }

    const moved = await moveEverything(tx, orgId, duplicate.id, survivor.id);
    const patch: Partial<ContactRow> = { updatedAt: new Date() };
    for (const field of fillable) {
      if ((survivor[field] === null || survivor[field] === '') && duplicate[field]) patch[field] = duplicate[field];
    }
    if (patch.photoUrl) patch.photoCapturedAt = duplicate.photoCapturedAt;
    const [updated] = await tx.update(contacts).set(patch).where(and(eq(contacts.orgId, orgId), eq(contacts.id, survivor.id))).returning();
    await tx
      .update(contacts)
      .set({ mergedIntoId: survivor.id, updatedAt: new Date() })
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, duplicate.id)));
    const [contact] = await withIdentities(tx, orgId, [updated ?? survivor]);
    if (!contact) throw new Error('the contact vanished');

    const common = { orgId, actorId: caller.userId, entityType: 'contact', requestId: caller.requestId };
    await recordAudit(tx, [
      {
        ...common,
        action: 'contact.merge',
        entityId: survivor.id,
        before: { survivor: snapshot(survivorBefore), duplicate: snapshot(duplicateBefore) },
        after: { survivor: snapshot(contact), duplicateId: duplicate.id, moved },
      },
      {
        ...common,
        action: 'contact.merged_into',
        entityId: duplicate.id,
        before: snapshot(duplicateBefore),
        after: { mergedIntoId: survivor.id, moved },
      },
    ]);
    return { contact, merged: true };
  });
}

async function moveEverything(tx: Tx, orgId: string, from: string, to: string) {
  const [movedActivities, movedDeals, movedHandoffs, movedIdentities] = [
    await tx.update(activities).set({ contactId: to }).where(and(eq(activities.orgId, orgId), eq(activities.contactId, from))).returning({ id: activities.id }),
    await tx.update(deals).set({ contactId: to }).where(and(eq(deals.orgId, orgId), eq(deals.contactId, from))).returning({ id: deals.id }),
    await tx.update(handoffs).set({ contactId: to }).where(and(eq(handoffs.orgId, orgId), eq(handoffs.contactId, from))).returning({ id: handoffs.id }),
    await tx
      .update(contactIdentities)
      .set({ contactId: to })
      .where(and(eq(contactIdentities.orgId, orgId), eq(contactIdentities.contactId, from)))
      .returning({ value: contactIdentities.value }),
  ];
  await tx.update(notifications).set({ contactId: to }).where(and(eq(notifications.orgId, orgId), eq(notifications.contactId, from)));
  // Aliases of the duplicate now name the survivor directly, so one hop always resolves an id.
  await tx.update(contacts).set({ mergedIntoId: to }).where(and(eq(contacts.orgId, orgId), eq(contacts.mergedIntoId, from)));
  return {
    activities: movedActivities.length,
    deals: movedDeals.length,
    handoffs: movedHandoffs.length,
    identities: movedIdentities.length,
  };
}
