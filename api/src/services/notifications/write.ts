import { randomUUID } from 'node:crypto';
import type { NotificationType } from '@baton/shared';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { notifications, orgs } from '../../db/schema.ts';
import type { Notifier } from '../../lib/notifier.ts';

export interface NewNotification {
  orgId: string;
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  contactId?: string | null;
  dealId?: string | null;
  handoffId?: string | null;
}

/**
 * Inserts inside the caller's transaction and announces at its commit, so streams never see a
 * rolled-back row. Seqs come from the organisation's counter: its row lock, held to commit, makes
 * seq order commit order within the organisation, so a stream resuming after seq N misses nothing.
 */
export async function writeNotifications(tx: Tx, notifier: Notifier, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  const byOrg = new Map<string, NewNotification[]>();
  for (const item of items) byOrg.set(item.orgId, [...(byOrg.get(item.orgId) ?? []), item]);
  const values = [];
  // Counters are taken in org id order so two multi-organisation writes cannot deadlock.
  for (const orgId of [...byOrg.keys()].sort()) {
    const group = byOrg.get(orgId) ?? [];
    const [counter] = await tx
      .update(orgs)
      .set({ notificationSeq: sql`${orgs.notificationSeq} + ${group.length}` })
      .where(eq(orgs.id, orgId))
      .returning({ last: orgs.notificationSeq });
    if (!counter) throw new Error(`no organisation ${orgId} to number notifications in`);
    const first = counter.last - group.length + 1;
    values.push(...group.map((item, index) => ({ ...item, id: randomUUID(), seq: first + index })));
  }
  const rows = await tx
    .insert(notifications)
    .values(values)
    .returning({ orgId: notifications.orgId, userId: notifications.userId, id: notifications.id, seq: notifications.seq });
  await notifier.announce(tx, rows);
}

const dueFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** "Thu 2 Jan, 10:00 UTC": the server does not know the reader's zone, so it says which one it used. */
export function formatDue(at: Date): string {
  return `${dueFormat.format(at)} UTC`;
}
