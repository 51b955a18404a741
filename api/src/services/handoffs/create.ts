import { randomUUID } from 'node:crypto';
import { canReceive, effectiveHandoff, readiness, templateFor, type Handoff, type HandoffInput } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import type { Auth, Caller, Services } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { deals, handoffs } from '../../db/schema.ts';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { appendServerActivities } from '../deals/activities.ts';
import { isUniqueViolation } from '../../lib/unique-violation.ts';
import { requireLiveContact } from '../contacts/store.ts';
import { findOrgUser, requireDeal } from '../deals/store.ts';
import { mayActOn, staleVersion } from '../deals/write.ts';
import { findHandoff, pendingHandoffOf } from './store.ts';
import { formatDue, writeNotifications } from '../notifications/write.ts';
import { toDeal, toHandoff } from '../serialize.ts';
import { templateOverrides } from '../templates/store.ts';

const kindLabels: Record<Handoff['kind'], string> = { sdr_to_ae: 'SDR → AE', marketing_to_sdr: 'Marketing → SDR', ae_to_csm: 'AE → CSM' };

/**
 * Hands a deal to a teammate. Every effect (handoff, ownership, next step, timeline, audit,
 * notification) commits in one transaction; the version check makes one of two racing
 * handoffs lose with 409.
 */
export async function createHandoff(
  services: Pick<Services, 'database' | 'notifier'>,
  auth: Caller,
  dealId: string,
  input: HandoffInput,
  now = new Date(),
): Promise<{ handoff: Handoff; created: boolean }> {
  const { requestId } = auth;
  const db = services.database.db;
  const deal = await requireDeal(db, auth.orgId, dealId);
  const replay = input.id ? await answerReplay(db, auth.orgId, input.id, dealId) : undefined;
  if (replay) return { handoff: replay, created: false };

  // Stale first: when another handoff just won, it may have moved ownership away from the caller,
  // and what they need is the current deal (409), not a refusal (403).
  if (input.version !== deal.version) throw staleVersion(deal);
  if (!mayActOn(auth, deal)) throw forbidden('Only the deal owner or a manager can hand this deal off');
  const recipient = await findOrgUser(db, auth.orgId, input.toUserId);
  if (!recipient) throw notFound('recipient');
  if (!canReceive(input.kind, recipient.role as Auth['role'])) {
    throw badRequest(`${recipient.name} (${recipient.role}) cannot receive a ${kindLabels[input.kind]} handoff`);
  }
  if (recipient.id === deal.ownerId) throw badRequest(`${recipient.name} already owns this deal`);
  if (await pendingHandoffOf(db, auth.orgId, dealId)) throw conflict('This deal already has a handoff waiting for an answer');

  const template = templateFor(input.kind, await templateOverrides(db, auth.orgId));
  const dealJson = toDeal(deal);
  const check = readiness(dealJson, input, template, now);
  if (!check.ready) {
    throw new ApiError(422, 'handoff_not_ready', `Not ready to hand off: ${check.missing.join(', ')}`, { missing: check.missing, reasons: check.reasons });
  }
  const effective = effectiveHandoff(dealJson, input);
  const contact = await requireLiveContact(db, auth.orgId, deal.contactId);
  const previousOwner = deal.ownerId === auth.userId ? auth.name : ((await findOrgUser(db, auth.orgId, deal.ownerId))?.name ?? 'previous owner');
  const dueAt = new Date(effective.nextStep.dueAt ?? now);
  const what = effective.nextStep.what ?? '';

  try {
    const row = await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(deals)
        .set({
          ownerId: recipient.id,
          budget: effective.qualification.budget,
          authority: effective.qualification.authority,
          need: effective.qualification.need,
          timeline: effective.qualification.timeline,
          nextStepWhat: what,
          nextStepDueAt: dueAt,
          nextStepOwnerId: recipient.id,
          overdueNotifiedAt: null,
          version: deal.version + 1,
          updatedAt: now,
        })
        .where(and(eq(deals.orgId, auth.orgId), eq(deals.id, dealId), eq(deals.version, input.version)))
        .returning();
      if (!moved) throw staleVersion(await requireDeal(tx, auth.orgId, dealId));

      const [inserted] = await tx
        .insert(handoffs)
        .values({
          orgId: auth.orgId,
          id: input.id ?? randomUUID(),
          dealId,
          contactId: contact.id,
          kind: input.kind,
          fromUserId: auth.userId,
          toUserId: recipient.id,
          trigger: effective.trigger ?? '',
          discussed: effective.discussed ?? '',
          objections: effective.objections ?? '',
          qualification: effective.qualification,
          nextStepWhat: what,
          nextStepDueAt: dueAt,
          nextStepOwnerId: recipient.id,
          warmIntro: effective.warmIntro ?? 'none',
          createdAt: now,
        })
        .returning();
      if (!inserted) throw new Error('inserting the handoff returned no row');
      await recordTimeline(tx, auth, inserted, previousOwner, recipient.name, now);
      await recordAudit(tx, [
        { orgId: auth.orgId, actorId: auth.userId, action: 'handoff.create', entityType: 'handoff', entityId: inserted.id, after: toHandoff(inserted), requestId },
        { orgId: auth.orgId, actorId: auth.userId, action: 'deal.handoff', entityType: 'deal', entityId: dealId, before: dealJson, after: toDeal(moved), requestId },
      ]);
      const who = contact.name ?? contact.company ?? deal.title;
      await writeNotifications(tx, services.notifier, [
        {
          orgId: auth.orgId,
          userId: recipient.id,
          type: 'handoff_received',
          title: `${auth.name} handed you ${contact.company ?? deal.title} — ${who}`,
          body: `Next step: ${what} (due ${formatDue(dueAt)})`,
          contactId: contact.id,
          dealId,
          handoffId: inserted.id,
        },
      ]);
      return inserted;
    });
    return { handoff: toHandoff(row), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Either a retry of this very handoff raced us, or another handoff of the deal won.
    const again = input.id ? await answerReplay(db, auth.orgId, input.id, dealId) : undefined;
    if (again) return { handoff: again, created: false };
    throw conflict('This deal already has a handoff waiting for an answer', { current: toDeal(await requireDeal(db, auth.orgId, dealId)) });
  }
}

async function answerReplay(db: Tx, orgId: string, id: string, dealId: string): Promise<Handoff | undefined> {
  const existing = await findHandoff(db, orgId, id);
  if (!existing) return undefined;
  if (existing.dealId !== dealId) throw conflict('This handoff id is already used by another deal');
  return toHandoff(existing);
}

async function recordTimeline(
  tx: Tx,
  auth: Auth,
  handoff: typeof handoffs.$inferSelect,
  previousOwner: string,
  recipientName: string,
  at: Date,
): Promise<void> {
  await appendServerActivities(
    tx,
    auth.orgId,
    auth.userId,
    [
      {
        type: 'handoff',
        contactId: handoff.contactId,
        dealId: handoff.dealId,
        subject: `${auth.name} handed off to ${recipientName} (${kindLabels[handoff.kind as Handoff['kind']]})`,
        body: [
          `Why they engaged: ${handoff.trigger}`,
          `Discussed: ${handoff.discussed}`,
          `Objections: ${handoff.objections}`,
          `Next step: ${handoff.nextStepWhat} (due ${formatDue(handoff.nextStepDueAt)})`,
        ].join('\n'),
      },
      { type: 'owner_change', contactId: handoff.contactId, dealId: handoff.dealId, subject: `Owner: ${previousOwner} → ${recipientName}` },
    ],
    at,
  );
}
