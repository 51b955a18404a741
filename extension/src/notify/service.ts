import { browser } from 'wxt/browser';
import { createApiClient, type FetchLike } from '../api-client/index.ts';
import { observeConnection } from '../local/connection.ts';
import type { LocalContext } from '../local/context.ts';
import { openBatonDb, type BatonDb } from '../local/db.ts';
import { markRead } from '../local/deals.ts';
import { fetchBrief } from '../local/read.ts';
import { getSettings, watchSettings, type Settings } from '../settings/index.ts';
import { clearBadge, watchBadge } from './badge.ts';
import { createInbox, type Inbox } from './inbox.ts';
import { accountOf } from './notify-state.ts';
import { notificationTarget } from './open-target.ts';
import { pollNotifications } from './poll.ts';
import { openNotificationStream, type Connection, type NotificationStream, type StreamState } from './stream.ts';

export const NOTIFY_ALARM = 'baton-notifications';
/** Chrome's minimum period: a worker stopped by the browser is woken at least this often to catch up. */
export const NOTIFY_PERIOD_MINUTES = 1;

export interface NotificationServiceOptions {
  db?: BatonDb;
  /** Tests route requests to an in-process API. */
  fetch?: FetchLike;
  now?: () => Date;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A click queued a read in the outbox; the background drains it (sync now). */
  afterRead?: () => void;
}

export interface NotificationService {
  /** The alarm's work: catch up through the list route, then make sure the stream runs. */
  poll(): Promise<void>;
  /** The click's work: opens where the notification points, marks it read; answers the URL opened. */
  open(notificationId: string): Promise<string>;
  streamState(): StreamState | null;
  /** Settles once the latest settings change has been applied. */
  settled(): Promise<void>;
  /** Removes the listeners and the alarm and closes the stream; settles once it is closed. */
  stop(): Promise<void>;
}

interface Session {
  connection: Connection;
  inbox: Inbox;
  stream: NotificationStream | null;
  stopBadge: () => void;
}

const sameConnection = (a: Connection, b: Connection) => a.apiUrl === b.apiUrl && a.token === b.token;

/**
 * "The new owner is told": while signed in, a notification stream (resumed from the last seq),
 * a one-minute alarm that polls and revives it, system notifications for new unread ones, the
 * unread count on the toolbar badge, and clicks that open the prospect's thread. Registers its
 * listeners synchronously, so call it at the top level of the background's `main`.
 */
export function startNotificationService(options: NotificationServiceOptions = {}): NotificationService {
  const db = options.db ?? openBatonDb();
  const now = options.now ?? (() => new Date());
  const fetchImpl: FetchLike = observeConnection(db, options.fetch);
  let session: Session | null = null;
  let userId: string | null = null;
  let stopped = false;
  let applying: Promise<void> = Promise.resolve();
  const report = (what: string) => (error: unknown) => console.error(`[baton] notifications: ${what} failed`, error);

  const startStream = (current: Session) => {
    const status = current.stream?.state.status;
    if (status !== undefined && status !== 'unauthorized' && status !== 'stopped') return;
    current.stream = openNotificationStream({
      connection: current.connection,
      fetch: fetchImpl,
      lastSeq: current.inbox.lastSeq,
      onNotifications: current.inbox.receive,
      ...(options.random ? { random: options.random } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
  };

  const endSession = (): Promise<void> => {
    const ended = session;
    session = null;
    ended?.stopBadge();
    ended?.stream?.stop();
    return ended?.stream?.done ?? Promise.resolve();
  };

  const apply = async (settings: Settings) => {
    userId = settings.user?.id ?? null;
    const connection = settings.apiUrl && settings.token ? { apiUrl: settings.apiUrl, token: settings.token } : null;
    if (!stopped && session && connection && sameConnection(session.connection, connection)) return;
    await endSession();
    if (stopped || connection === null) {
      // Signed out: nothing is streamed, and the badge must not show a count nobody can read.
      await clearBadge();
      return;
    }
    const inbox = createInbox({ db, account: await accountOf(connection), now });
    if (stopped) return;
    session = { connection, inbox, stream: null, stopBadge: watchBadge(db, () => userId) };
    startStream(session);
  };
  const configure = (settings: Promise<Settings> | Settings) => {
    applying = applying.then(async () => apply(await settings)).catch(report('applying settings'));
  };

  const poll = async () => {
    await applying;
    const current = session;
    if (current === null) return;
    await pollNotifications(fetchImpl, current.connection, current.inbox.lastSeq, current.inbox.receive);
    if (session === current) startStream(current);
  };

  const open = async (notificationId: string) => {
    await applying;
    const current = session;
    const notification = await db.notifications.get(notificationId);
    const client = current ? createApiClient({ baseUrl: current.connection.apiUrl, token: current.connection.token, fetch: fetchImpl }) : null;
    const refresh = client ? async (contactId: string) => void (await fetchBrief(db, client, { contactId })) : undefined;
    const url = await notificationTarget(db, notification, refresh);
    if (notification?.unread === 1) {
      const ctx: LocalContext = { db, now, userId: () => userId, ...(options.afterRead ? { onQueued: options.afterRead } : {}) };
      await markRead(ctx, notificationId);
    }
    await browser.tabs.create({ url });
    await (current ? current.inbox.dismiss(notificationId) : browser.notifications.clear(notificationId));
    return url;
  };

  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === NOTIFY_ALARM) poll().catch(report('polling'));
  };
  const onClicked = (notificationId: string) => {
    open(notificationId).catch(report('opening a notification'));
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.notifications.onClicked.addListener(onClicked);
  const stopWatching = watchSettings((next) => configure(next));
  // Re-creating an alarm with the same name replaces it, so a woken worker does not stack them.
  void browser.alarms.create(NOTIFY_ALARM, { periodInMinutes: NOTIFY_PERIOD_MINUTES, delayInMinutes: NOTIFY_PERIOD_MINUTES });
  configure(getSettings());

  return {
    poll,
    open,
    streamState: () => session?.stream?.state ?? null,
    settled: () => applying,
    stop() {
      stopped = true;
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.notifications.onClicked.removeListener(onClicked);
      stopWatching();
      void browser.alarms.clear(NOTIFY_ALARM);
      return applying.then(endSession);
    },
  };
}
