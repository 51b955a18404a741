import type { Handoff, RejectHandoffInput } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import type { Auth, Caller, Services } from '../../context.ts';
import { deals, handoffs } from '../../db/schema.ts';
import { conflict, forbidden } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { appendServerActivities } from '../deals/activities.ts';
import { requireLiveContact } from '../contacts/store.ts';
import { findDeal, findOrgUser } from '../deals/store.ts';
import { requireHandoff, type HandoffRow } from './store.ts';
import { writeNotifications } from '../notifications/write.ts';
import { toDeal, toHandoff } from '../serialize.ts';

type Deps = Pick<Services, 'database' | 'notifier'>;

async function pendingForRecipient(deps: Deps, auth: Auth, id: string): Promise<HandoffRow> {
  const handoff = await requireHandoff(deps.database.db, auth.orgId, id);
  if (handoff.toUserId !== auth.userId) throw forbidden('Only the recipient can answer this handoff');
  if (handoff.status !== 'pending') throw conflict(`This handoff was already ${handoff.status}`, { current: toHandoff(handoff) });
  return handoff;
}

async function whoIsIt(deps: Deps, orgId: string, handoff: HandoffRow): Promise<string> {
  const contact = await requireLiveContact(deps.database.db, orgId, handoff.contactId);
  const deal = await findDeal(deps.database.db, orgId, handoff.dealId);
  return `${contact.company ?? deal?.title ?? 'the deal'} — ${contact.name ?? 'your contact'}`;
}

const answered = (handoff: HandoffRow) => conflict('This handoff was answered meanwhile', { current: toHandoff(handoff) });

export async function acceptHandoff(deps: Deps, auth: Caller, id: string, now = new Date()): Promise<Handoff> {
  const { requestId } = auth;
  const handoff = await pendingForRecipient(deps, auth, id);
  const who = await whoIsIt(deps, auth.orgId, handoff);
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(handoffs)
      .set({ status: 'accepted', respondedAt: now, timeToAcceptMs: Math.max(0, now.getTime() - handoff.createdAt.getTime()) })
      .where(and(eq(handoffs.orgId, auth.orgId), eq(handoffs.id, id), eq(handoffs.status, 'pending')))
      .returning();
    if (!row) throw answered(await requireHandoff(tx, auth.orgId, id));
    await recordAudit(tx, { orgId: auth.orgId, actorId: auth.userId, action: 'handoff.accept', entityType: 'handoff', entityId: id, before: toHandoff(handoff), after: toHandoff(row), requestId });
    await writeNotifications(tx, deps.notifier, [
      {
        orgId: auth.orgId,
        userId: handoff.fromUserId,
        type: 'handoff_accepted',
        title: `${auth.name} accepted ${who}`,
        body: `Next step: ${row.nextStepWhat}`,
        contactId: row.contactId,
        dealId: row.dealId,
        handoffId: id,
      },
    ]);
    return toHandoff(row);
  });
}

/** Sends the deal back: the sender owns it and its next step again, and hears why. */
export async function rejectHandoff(deps: Deps, auth: Caller, id: string, input: RejectHandoffInput, now = new Date()): Promise<Handoff> {
  const { requestId } = auth;
  const handoff = await pendingForRecipient(deps, auth, id);
  const who = await whoIsIt(deps, auth.orgId, handoff);
  const sender = await findOrgUser(deps.database.db, auth.orgId, handoff.fromUserId);
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(handoffs)
      .set({ status: 'rejected', rejectionReason: input.reason, respondedAt: now })
      .where(and(eq(handoffs.orgId, auth.orgId), eq(handoffs.id, id), eq(handoffs.status, 'pending')))
      .returning();
    if (!row) throw answered(await requireHandoff(tx, auth.orgId, id));
    const before = await findDeal(tx, auth.orgId, handoff.dealId);
    const [dealAfter] = before
      ? await tx
          .update(deals)
          .set({ ownerId: handoff.fromUserId, nextStepOwnerId: handoff.fromUserId, overdueNotifiedAt: null, version: before.version + 1, updatedAt: now })
          .where(and(eq(deals.orgId, auth.orgId), eq(deals.id, handoff.dealId)))
          .returning()
      : [];
    if (before && dealAfter) {
      await appendServerActivities(
        tx,
        auth.orgId,
        auth.userId,
        [{ type: 'owner_change', contactId: row.contactId, dealId: row.dealId, subject: `Sent back to ${sender?.name ?? 'the sender'} by ${auth.name}`, body: input.reason }],
        now,
      );
    }
    await recordAudit(tx, [
      { orgId: auth.orgId, actorId: auth.userId, action: 'handoff.reject', entityType: 'handoff', entityId: id, before: toHandoff(handoff), after: toHandoff(row), requestId },
      ...(before && dealAfter
        ? [{ orgId: auth.orgId, actorId: auth.userId, action: 'deal.handoff_rejected', entityType: 'deal', entityId: row.dealId, before: toDeal(before), after: toDeal(dealAfter), requestId }]
        : []),
    ]);
    await writeNotifications(tx, deps.notifier, [
      {
        orgId: auth.orgId,
        userId: handoff.fromUserId,
        type: 'handoff_rejected',
        title: `${auth.name} sent back ${who}`,
        body: `Reason: ${input.reason}`,
        contactId: row.contactId,
        dealId: row.dealId,
        handoffId: id,
      },
    ]);
    return toHandoff(row);
  });
}
