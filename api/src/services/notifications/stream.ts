import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { AppEnv } from '../../context.ts';
import { notifications } from '../../db/schema.ts';
import { describeError } from '../../lib/logger.ts';
import { toNotification } from '../serialize.ts';

export const HEARTBEAT_MS = 25_000;
/** A reconnect after a long absence gets at most this many missed notifications; the list route has the rest. */
const BACKLOG_LIMIT = 500;

/**
 * Server-Sent Events of the caller's notifications. On connect: everything after `lastEventId`
 * (or, on a first connect, what is unread), then a `ready` event, then each new one as any API
 * process announces it.
 * Announcements carry only ids; rows are read here, scoped to the caller.
 */
export function streamNotifications(c: Context<AppEnv>, lastEventId: number | undefined): Response {
  const { orgId, userId } = c.var.auth;
  const { db, services } = c.var;
  let closed = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    closed = true;
    wake?.();
  };
  // Refused (429) before the response starts when the token holds too many streams already.
  const release = services.streams.open(c.var.auth, stop);
  return streamSSE(
    c,
    async (stream) => {
      const announced: string[] = [];
      // Subscribe before reading the backlog so nothing committed in between is missed.
      const unsubscribe = services.notifier.subscribe(orgId, userId, (announcement) => {
        announced.push(announcement.id);
        wake?.();
      });
      stream.onAbort(stop);
      c.req.raw.signal.addEventListener('abort', stop);
      const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const sent = new Set<string>();
      const send = async (row: typeof notifications.$inferSelect) => {
        if (sent.has(row.id)) return;
        sent.add(row.id);
        await stream.writeSSE({ event: 'notification', id: String(row.seq), data: JSON.stringify(toNotification(row)) });
      };
      try {
        const mine = and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));
        const backlog = await db
          .select()
          .from(notifications)
          .where(and(mine, lastEventId === undefined ? isNull(notifications.readAt) : gt(notifications.seq, lastEventId)))
          .orderBy(asc(notifications.seq))
          .limit(BACKLOG_LIMIT);
        for (const row of backlog) await send(row);
        // Tells the client (and tests) that the catch-up is over: everything after this is live.
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ backlog: backlog.length }) });
        while (!closed) {
          if (announced.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
            continue;
          }
          const ids = announced.splice(0);
          const rows = await db.select().from(notifications).where(and(mine, inArray(notifications.id, ids))).orderBy(asc(notifications.seq));
          for (const row of rows) await send(row);
        }
      } finally {
        release();
        clearInterval(heartbeat);
        unsubscribe();
        c.req.raw.signal.removeEventListener('abort', stop);
      }
    },
    async (error) => {
      services.logger.error('notification stream failed', { requestId: c.var.requestId, ...describeError(error) });
    },
  );
}
