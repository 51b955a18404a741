import { Notification } from '@baton/shared';
import { z } from 'zod';
import { normalizeBaseUrl, type FetchLike } from '../api-client/index.ts';
import type { Connection } from './stream.ts';

export const POLL_PAGE = 100;

const NotificationPage = z.object({ notifications: z.array(Notification), unreadCount: z.number().int() });
type NotificationPage = z.infer<typeof NotificationPage>;

export class PollError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

async function page(fetchImpl: FetchLike, connection: Connection, query: Record<string, string>): Promise<NotificationPage> {
  const url = `${normalizeBaseUrl(connection.apiUrl)}/v1/notifications?${new URLSearchParams(query)}`;
  const res = await fetchImpl(url, { method: 'GET', headers: { authorization: `Bearer ${connection.token}`, accept: 'application/json' } });
  if (!res.ok) throw new PollError(`polling notifications answered ${res.status}`, res.status);
  const parsed = NotificationPage.safeParse(await res.json());
  if (!parsed.success) throw new PollError(`polling notifications answered an unexpected shape: ${parsed.error.message}`, res.status);
  return parsed.data;
}

/**
 * The fallback for a worker that was asleep (its stream died with it): everything after the
 * last seq handled, page by page, then the newest page again with its read state, so a
 * notification read on another device stops counting here too.
 */
export async function pollNotifications(
  fetchImpl: FetchLike,
  connection: Connection,
  lastSeq: () => Promise<number | null>,
  receive: (notifications: Notification[]) => Promise<void>,
): Promise<void> {
  for (let after = await lastSeq(); after !== null; ) {
    const { notifications } = await page(fetchImpl, connection, { after: String(after), limit: String(POLL_PAGE) });
    await receive(notifications);
    const last = notifications.at(-1);
    if (notifications.length < POLL_PAGE || last === undefined) break;
    after = last.seq;
  }
  const recent = await page(fetchImpl, connection, { limit: String(POLL_PAGE) });
  await receive(recent.notifications);
}
