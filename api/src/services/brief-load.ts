import { composeBrief, type Brief } from '@baton/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactIdentities, contacts, deals, handoffs, users } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { timelinePage } from './activities-timeline.ts';
import type { IdentityKey } from './contacts-identity.ts';
import { findLiveContact, identitiesOf, toContact, type ContactRow } from './contacts-store.ts';
import { toDeal, toHandoff, toUserSummary } from './serialize.ts';

export type BriefFocus = { contactId: string } | { identity: IdentityKey };

/**
 * Everything an AE needs about one prospect. Three round trips whatever the data size: the
 * contact; then its identities, deals, their handoffs and the first timeline page side by
 * side; then the users those mention. Each query is an index range scan.
 */
export async function loadBrief(db: Db, orgId: string, focus: BriefFocus): Promise<Brief> {
  const contact = await findContact(db, orgId, focus);
  if (!contact) throw notFound('contact');
  const [identities, dealRows, handoffRows, page] = await Promise.all([
    identitiesOf(db, orgId, [contact.id]),
    db.select().from(deals).where(and(eq(deals.orgId, orgId), eq(deals.contactId, contact.id))),
    db
      .select()
      .from(handoffs)
      .where(
        and(
          eq(handoffs.orgId, orgId),
          inArray(handoffs.dealId, db.select({ id: deals.id }).from(deals).where(and(eq(deals.orgId, orgId), eq(deals.contactId, contact.id)))),
        ),
      ),
    timelinePage(db, orgId, contact.id),
  ]);
  const mentioned = new Set<string>();
  const mention = (id: string | null) => id && mentioned.add(id);
  mention(contact.ownerId);
  for (const deal of dealRows) {
    mention(deal.ownerId);
    mention(deal.nextStepOwnerId);
  }
  for (const handoff of handoffRows) {
    mention(handoff.fromUserId);
    mention(handoff.toUserId);
  }
  const userRows =
    mentioned.size === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name, email: users.email, role: users.role })
          .from(users)
          .where(and(eq(users.orgId, orgId), inArray(users.id, [...mentioned])));
  return composeBrief({
    contact: toContact(contact, identities),
    deals: dealRows.map(toDeal),
    handoffs: handoffRows.map(toHandoff),
    timeline: page.activities,
    nextCursor: page.nextCursor,
    users: userRows.map(toUserSummary),
  });
}

async function findContact(db: Db, orgId: string, focus: BriefFocus): Promise<ContactRow | null> {
  if ('contactId' in focus) return findLiveContact(db, orgId, focus.contactId);
  const { kind, value } = focus.identity;
  const [row] = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        isNull(contacts.mergedIntoId),
        eq(
          contacts.id,
          sql`(select ${contactIdentities.contactId} from ${contactIdentities} where ${contactIdentities.orgId} = ${orgId} and ${contactIdentities.kind} = ${kind} and ${contactIdentities.value} = ${value})`,
        ),
      ),
    )
    .limit(1);
  return row ?? null;
}
