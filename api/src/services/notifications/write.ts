import { randomUUID } from 'node:crypto';
import type { NotificationType } from '@baton/shared';
import type { Tx } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
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

/** Inserts inside the caller's transaction and announces at its commit, so streams never see a rolled-back row. */
export async function writeNotifications(tx: Tx, notifier: Notifier, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  const rows = await tx
    .insert(notifications)
    .values(items.map((item) => ({ ...item, id: randomUUID() })))
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
