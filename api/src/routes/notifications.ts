import { Id } from '@baton/shared';
import { and, asc, count, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { notifications } from '../db/schema.ts';
import { badRequest, notFound } from '../errors.ts';
import { validate } from '../middleware/validate.ts';
import { streamNotifications } from '../services/notifications/stream.ts';
import { toNotification } from '../services/serialize.ts';

const Seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ListQuery = z.object({
  unread: z.enum(['1', '0', 'true', 'false']).optional(),
  after: Seq.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const notificationRoutes = new Hono<AppEnv>()
  /** Newest first; with `after`, oldest first from that seq on (catching up). */
  .get('/', validate('query', ListQuery), async (c) => {
    const { unread, after, limit } = c.req.valid('query');
    const { orgId, userId } = c.var.auth;
    const mine = and(eq(notifications.orgId, orgId), eq(notifications.userId, userId)) as SQL;
    const conditions: SQL[] = [mine];
    if (unread === '1' || unread === 'true') conditions.push(isNull(notifications.readAt));
    if (after !== undefined) conditions.push(gt(notifications.seq, after));
    const rows = await c.var.db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(after === undefined ? desc(notifications.seq) : asc(notifications.seq))
      .limit(limit);
    const [unreadCount] = await c.var.db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
    return c.json({ notifications: rows.map(toNotification), unreadCount: unreadCount?.n ?? 0 }, 200);
  })
  .get('/stream', async (c) => {
    const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    const parsed = raw === undefined || raw === '' ? undefined : Seq.safeParse(raw);
    if (parsed && !parsed.success) throw badRequest('Last-Event-ID must be a notification seq (a whole number)');
    return streamNotifications(c, parsed?.data);
  })
  .post('/read-all', async (c) => {
    const { orgId, userId } = c.var.auth;
    const marked = await c.var.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return c.json({ marked: marked.length }, 200);
  })
  .post('/:id/read', validate('param', z.object({ id: Id })), async (c) => {
    const { orgId, userId } = c.var.auth;
    const { id } = c.req.valid('param');
    const mine = and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), eq(notifications.id, id));
    // Reading twice keeps the first read time.
    await c.var.db.update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt)));
    const [row] = await c.var.db.select().from(notifications).where(mine).limit(1);
    if (!row) throw notFound('notification');
    return c.json(toNotification(row), 200);
  });
