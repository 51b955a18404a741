import { randomUUID } from 'node:crypto';
import { can, type CreateDealInput, type Deal, type UpdateDealInput } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import type { Auth, Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { deals } from '../../db/schema.ts';
import { badRequest, conflict, forbidden } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { appendServerActivities } from './activities.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { requireLiveContact } from '../contacts/store.ts';
import { findDeal, findOrgUser, requireDeal, type DealRow } from './store.ts';
import { toDeal } from '../serialize.ts';

export const staleVersion = (current: DealRow) =>
  conflict(`The deal changed since you read it (it is now at version ${current.version}); reload and retry`, { current: toDeal(current) });

export async function createDeal(db: Db, auth: Caller, input: CreateDealInput): Promise<{ deal: Deal; created: boolean }> {
  const { requestId } = auth;
  if (input.id) {
    const existing = await findDeal(db, auth.orgId, input.id);
    if (existing) return { deal: toDeal(existing), created: false };
  }
  const contact = await requireLiveContact(db, auth.orgId, input.contactId);
  const id = input.id ?? randomUUID();
  try {
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(deals)
        .values({ orgId: auth.orgId, id, contactId: contact.id, title: input.title, stage: input.stage ?? 'new', ownerId: auth.userId })
        .returning();
      if (!inserted) throw new Error('inserting the deal returned no row');
      await recordAudit(tx, { orgId: auth.orgId, actorId: auth.userId, action: 'deal.create', entityType: 'deal', entityId: id, after: toDeal(inserted), requestId });
      return inserted;
    });
    return { deal: toDeal(row), created: true };
  } catch (error) {
    // Two retries of one create raced: the loser answers with the winner's deal.
    const existing = input.id && isUniqueViolation(error) ? await findDeal(db, auth.orgId, input.id) : undefined;
    if (existing) return { deal: toDeal(existing), created: false };
    throw error;
  }
}

export function mayActOn(auth: Auth, deal: DealRow): boolean {
  return deal.ownerId === auth.userId || can(auth.role, 'act_on_any_deal');
}

export async function updateDeal(db: Db, auth: Caller, id: string, input: UpdateDealInput): Promise<Deal> {
  const { requestId } = auth;
  const current = await requireDeal(db, auth.orgId, id);
  if (!mayActOn(auth, current)) throw forbidden('Only the deal owner or a manager can change this deal');
  if (input.version !== current.version) throw staleVersion(current);
  const nextOwner = input.nextStep?.ownerId;
  if (nextOwner && !(await findOrgUser(db, auth.orgId, nextOwner))) {
    throw badRequest('nextStep.ownerId is not a user of this organisation', { issues: [{ path: 'nextStep.ownerId', message: 'unknown user' }] });
  }

  const q = input.qualification ?? {};
  const step = input.nextStep ?? {};
  const nextStepChanged =
    (step.what !== undefined && step.what !== current.nextStepWhat) ||
    (step.dueAt !== undefined && (step.dueAt === null ? null : Date.parse(step.dueAt)) !== (current.nextStepDueAt?.getTime() ?? null)) ||
    (step.ownerId !== undefined && step.ownerId !== current.nextStepOwnerId);
  const stageChanged = input.stage !== undefined && input.stage !== current.stage;
  const qualificationChanged = (['budget', 'authority', 'need', 'timeline'] as const).some((field) => q[field] !== undefined && q[field] !== current[field]);
  const titleChanged = input.title !== undefined && input.title !== current.title;
  // A no-op answers the deal as it is: no new version, no updatedAt, no audit entry.
  if (!stageChanged && !qualificationChanged && !titleChanged && !nextStepChanged) return toDeal(current);

  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(deals)
      .set({
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.stage === undefined ? {} : { stage: input.stage }),
        ...(q.budget === undefined ? {} : { budget: q.budget }),
        ...(q.authority === undefined ? {} : { authority: q.authority }),
        ...(q.need === undefined ? {} : { need: q.need }),
        ...(q.timeline === undefined ? {} : { timeline: q.timeline }),
        ...(step.what === undefined ? {} : { nextStepWhat: step.what }),
        ...(step.dueAt === undefined ? {} : { nextStepDueAt: step.dueAt === null ? null : new Date(step.dueAt) }),
        ...(step.ownerId === undefined ? {} : { nextStepOwnerId: step.ownerId }),
        // A new next step may fall overdue again, and its owner must hear about it again.
        ...(nextStepChanged ? { overdueNotifiedAt: null } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(deals.orgId, auth.orgId), eq(deals.id, id), eq(deals.version, input.version)))
      .returning();
    if (!updated) throw staleVersion(await requireDeal(tx, auth.orgId, id));
    if (stageChanged) {
      await appendServerActivities(tx, auth.orgId, auth.userId, [
        { type: 'stage_change', contactId: updated.contactId, dealId: id, subject: `Stage: ${current.stage} → ${updated.stage}` },
      ]);
    }
    await recordAudit(tx, {
      orgId: auth.orgId,
      actorId: auth.userId,
      action: stageChanged ? 'deal.stage_change' : 'deal.update',
      entityType: 'deal',
      entityId: id,
      before: toDeal(current),
      after: toDeal(updated),
      requestId,
    });
    return toDeal(updated);
  });
}
