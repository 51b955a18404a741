import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Tx } from '../db/client.ts';
import type { Logger } from './logger.ts';

export const NOTIFY_CHANNEL = 'baton_notifications';

/** Only ids travel through NOTIFY: a stream reads the rows itself, scoped to its caller. */
const Announcement = z.object({ orgId: z.uuid(), userId: z.uuid(), id: z.uuid(), seq: z.number().int() });
export type Announcement = z.infer<typeof Announcement>;

type Listener = (announcement: Announcement) => void;

export interface Notifier {
  /** Call inside the transaction that inserted the notifications: NOTIFY is delivered at commit. */
  announce(tx: Tx, announcements: Announcement[]): Promise<void>;
  /** Calls `listener` for each new notification of that user, from any API process. */
  subscribe(orgId: string, userId: string, listener: Listener): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createNotifier(database: Database, logger: Logger): Notifier {
  const listeners = new Map<string, Set<Listener>>();
  let unlisten: (() => Promise<void>) | null = null;
  const key = (orgId: string, userId: string) => `${orgId}:${userId}`;

  const dispatch = (payload: string) => {
    let parsed: Announcement;
    try {
      parsed = Announcement.parse(JSON.parse(payload));
    } catch (error) {
      logger.warn('ignored a malformed notification announcement', { error: String(error) });
      return;
    }
    for (const listener of listeners.get(key(parsed.orgId, parsed.userId)) ?? []) listener(parsed);
  };

  return {
    async announce(tx, announcements) {
      for (const announcement of announcements) {
        await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(announcement)})`);
      }
    },
    subscribe(orgId, userId, listener) {
      const set = listeners.get(key(orgId, userId)) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(key(orgId, userId), set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key(orgId, userId));
      };
    },
    async start() {
      if (!unlisten) unlisten = await database.listen(NOTIFY_CHANNEL, dispatch);
    },
    async stop() {
      const stopping = unlisten;
      unlisten = null;
      listeners.clear();
      if (stopping) await stopping();
    },
  };
}
