import type { Notification } from '@baton/shared';
import { isOn, type NotificationListQuery } from '@baton/shared/api';
import { and, asc, count, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Caller } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { toNotification } from '../serialize.ts';

const mine = (caller: Caller) => and(eq(notifications.orgId, caller.orgId), eq(notifications.userId, caller.userId)) as SQL;

/** Newest first; with `after`, oldest first from that seq on (catching up). */
export async function listNotifications(db: Db, caller: Caller, query: z.output<typeof NotificationListQuery>): Promise<{ notifications: Notification[]; unreadCount: number }> {
  const { unread, after, limit } = query;
  const conditions: SQL[] = [mine(caller)];
  if (isOn(unread)) conditions.push(isNull(notifications.readAt));
  if (after !== undefined) conditions.push(gt(notifications.seq, after));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(after === undefined ? desc(notifications.seq) : asc(notifications.seq))
    .limit(limit);
  const [unreadCount] = await db.select({ n: count() }).from(notifications).where(and(mine(caller), isNull(notifications.readAt)));
  return { notifications: rows.map(toNotification), unreadCount: unreadCount?.n ?? 0 };
}

/** Marks every unread notification of the caller read; returns how many. */
export async function readAll(db: Db, caller: Caller): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(caller), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return marked.length;
}

export async function readOne(db: Db, caller: Caller, id: string): Promise<Notification> {
  const one = and(mine(caller), eq(notifications.id, id));
  // Reading twice keeps the first read time.
  await db.update(notifications).set({ readAt: new Date() }).where(and(one, isNull(notifications.readAt)));
  const [row] = await db.select().from(notifications).where(one).limit(1);
  if (!row) throw notFound('notification');
  return toNotification(row);
}
