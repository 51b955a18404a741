import { canManageContact, contactStewards } from '@baton/shared';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Auth } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { deals, users } from '../../db/schema.ts';
import { forbidden } from '../../errors.ts';
import { closedStages } from '../deals/list.ts';

type Actor = Pick<Auth, 'orgId' | 'userId' | 'role'>;

/** Throws 403 naming who can, unless `actor` may `doing` (e.g. "change its owner") on the contact. */
export async function requireContactSteward(tx: Tx, actor: Actor, contact: { id: string; ownerId: string | null }, doing: string): Promise<void> {
  const open = await tx
    .select({ ownerId: deals.ownerId })
    .from(deals)
    .where(and(eq(deals.orgId, actor.orgId), eq(deals.contactId, contact.id), notInArray(deals.stage, [...closedStages])));
  if (canManageContact(actor, { ownerId: contact.ownerId, openDealOwnerIds: open.map((deal) => deal.ownerId) })) return;
  const [owner] = contact.ownerId
    ? await tx.select({ name: users.name }).from(users).where(and(eq(users.orgId, actor.orgId), eq(users.id, contact.ownerId))).limit(1)
    : [];
  const steward = contactStewards.replace("the contact's owner", owner ? `the contact's owner (${owner.name})` : "the contact's owner");
  throw forbidden(`Only ${steward} can ${doing}`);
}
