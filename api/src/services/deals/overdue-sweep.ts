import { and, eq, isNotNull, isNull, lte, notInArray } from 'drizzle-orm';
import type { Services } from '../../context.ts';
import { contacts, deals } from '../../db/schema.ts';
import { describeError } from '../../lib/logger.ts';
import { formatDue, writeNotifications } from '../notifications/write.ts';
import { closedStages } from './list.ts';

/** How many overdue deals one sweep handles; the next sweep picks up the rest. */
const BATCH = 500;

/**
 * Deal rot: tells each open deal's next-step owner, once, that the step fell overdue.
 * Claiming a deal and notifying commit together, so two API processes sweeping the same
 * database never notify twice. Returns how many owners were told.
 */
export async function sweepOverdue(services: Pick<Services, 'database' | 'notifier'>, now = new Date()): Promise<number> {
  const db = services.database.db;
  const due = await db
    .select({ orgId: deals.orgId, id: deals.id })
    .from(deals)
    .where(
      and(
        notInArray(deals.stage, [...closedStages]),
        isNotNull(deals.nextStepDueAt),
        lte(deals.nextStepDueAt, now),
        isNull(deals.overdueNotifiedAt),
      ),
    )
    .limit(BATCH);
  let told = 0;
  for (const { orgId, id } of due) {
    const notified = await db.transaction(async (tx) => {
      const [deal] = await tx
        .update(deals)
        .set({ overdueNotifiedAt: now })
        .where(and(eq(deals.orgId, orgId), eq(deals.id, id), isNull(deals.overdueNotifiedAt), lte(deals.nextStepDueAt, now)))
        .returning();
      if (!deal?.nextStepDueAt) return false;
      const [contact] = await tx
        .select({ name: contacts.name, company: contacts.company })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.id, deal.contactId)))
        .limit(1);
      await writeNotifications(tx, services.notifier, [
        {
          orgId,
          userId: deal.nextStepOwnerId ?? deal.ownerId,
          type: 'next_step_overdue',
          title: `Overdue: ${deal.nextStepWhat ?? 'next step'} — ${contact?.company ?? deal.title}${contact?.name ? ` — ${contact.name}` : ''}`,
          body: `The next step was due ${formatDue(deal.nextStepDueAt)}. Do it or set a new date.`,
          contactId: deal.contactId,
          dealId: deal.id,
        },
      ]);
      return true;
    });
    if (notified) told += 1;
  }
  return told;
}

/** Runs the sweep every `intervalMs` until the returned function is called. */
export function startOverdueSweep(services: Pick<Services, 'database' | 'notifier' | 'logger'>, intervalMs = 60_000): () => Promise<void> {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    // A slow sweep is not stacked on: the next tick after it finishes takes over.
    if (running) return;
    running = sweepOverdue(services)
      .then(() => undefined)
      .catch((error: unknown) => {
        services.logger.error('the overdue sweep failed; it runs again on the next tick', describeError(error));
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
