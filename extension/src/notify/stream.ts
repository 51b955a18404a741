import { Notification } from '@baton/shared';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { normalizeBaseUrl, type FetchLike } from '../api-client/index.ts';
import { backoffDelay } from '../local/backoff.ts';

/** The server heartbeats every 25 s; two missed ones mean the connection died without telling us. */
export const STREAM_IDLE_TIMEOUT_MS = 60_000;
/** Even a stream that ends cleanly right after connecting is not retried faster than this. */
export const STREAM_MIN_RETRY_MS = 1_000;

export interface Connection {
  apiUrl: string;
  token: string;
}

export type StreamState =
  | { status: 'connecting' }
  /** The backlog has been delivered; what follows is live. */
  | { status: 'live' }
  | { status: 'waiting'; retryInMs: number; error: string }
  /** The token was refused: retrying cannot help until the settings change. */
  | { status: 'unauthorized' }
  | { status: 'stopped' };

export interface NotificationStreamOptions {
  connection: Connection;
  fetch: FetchLike;
  /** The highest seq already handled, sent as Last-Event-ID so the server sends only what is newer. */
  lastSeq(): Promise<number | null>;
  /** Awaited before the next event is read, so notifications are handled one batch at a time, in order. */
  onNotifications(notifications: Notification[]): Promise<void>;
  onState?(state: StreamState): void;
  random?: () => number;
  /** Waits between reconnects; resolves early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface NotificationStream {
  readonly state: StreamState;
  /** Settles when the stream stopped for good (stop(), or a refused token). */
  readonly done: Promise<void>;
  stop(): void;
}

const sleepFor = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

class Unauthorized extends Error {}

/**
 * Keeps `GET /v1/notifications/stream` open with `fetch` (EventSource cannot send the
 * Authorization header), reconnecting with jittered exponential backoff and `Last-Event-ID`
 * whenever it fails or ends, until stopped.
 */
export function openNotificationStream(options: NotificationStreamOptions): NotificationStream {
  const stopper = new AbortController();
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? sleepFor;
  const url = `${normalizeBaseUrl(options.connection.apiUrl)}/v1/notifications/stream`;
  let state: StreamState = { status: 'connecting' };
  const setState = (next: StreamState) => {
    state = next;
    options.onState?.(next);
  };

  const connectOnce = async (onLive: () => void): Promise<number | null> => {
    const connection = new AbortController();
    const abort = () => connection.abort();
    stopper.signal.addEventListener('abort', abort, { once: true });
    let idle = setTimeout(abort, STREAM_IDLE_TIMEOUT_MS);
    try {
      const seq = await options.lastSeq();
      const headers: Record<string, string> = { authorization: `Bearer ${options.connection.token}`, accept: 'text/event-stream' };
      if (seq !== null) headers['last-event-id'] = String(seq);
      const res = await options.fetch(url, { method: 'GET', headers, signal: connection.signal, cache: 'no-store' });
      if (res.status === 401) {
        await res.body?.cancel();
        throw new Unauthorized('the API refused the token');
      }
      if (!res.ok || res.body === null) {
        await res.body?.cancel();
        throw new Error(`the notification stream answered ${res.status}`);
      }
      // eventsource-parser, not EventSource: that cannot send the Authorization header.
      const events: EventSourceMessage[] = [];
      let retryMs: number | null = null;
      const parser = createParser({
        onEvent: (event) => events.push(event),
        onRetry: (ms) => {
          retryMs = ms;
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      // Not every fetch ends its body when the signal aborts (an in-process one may not): cancel it too.
      const cancel = () => void reader.cancel().catch(() => {});
      connection.signal.addEventListener('abort', cancel, { once: true });
      try {
        for (;;) {
          const { done, value } = await reader.read();
          clearTimeout(idle);
          if (done) break;
          parser.feed(value);
          const batch = events.splice(0);
          const notifications = batch.filter((event) => event.event === 'notification').map(toNotification).filter((n) => n !== null);
          if (notifications.length > 0) await options.onNotifications(notifications);
          if (batch.some((event) => event.event === 'ready')) onLive();
          idle = setTimeout(abort, STREAM_IDLE_TIMEOUT_MS);
        }
      } finally {
        connection.signal.removeEventListener('abort', cancel);
        reader.releaseLock();
      }
      // An event cut off by the end of the stream is dropped, as the spec says: it never dispatched.
      return retryMs;
    } finally {
      clearTimeout(idle);
      stopper.signal.removeEventListener('abort', abort);
      connection.abort();
    }
  };

  const run = async () => {
    let failures = 0;
    while (!stopper.signal.aborted) {
      setState({ status: 'connecting' });
      let error: string;
      let advisedMs: number | null = null;
      try {
        advisedMs = await connectOnce(() => {
          failures = 0;
          setState({ status: 'live' });
        });
        error = 'the notification stream ended';
      } catch (caught) {
        if (stopper.signal.aborted) break;
        if (caught instanceof Unauthorized) {
          setState({ status: 'unauthorized' });
          return;
        }
        error = caught instanceof Error ? caught.message : String(caught);
      }
      if (stopper.signal.aborted) break;
      failures += 1;
      const retryInMs = Math.max(STREAM_MIN_RETRY_MS, advisedMs ?? 0, backoffDelay(failures, random));
      setState({ status: 'waiting', retryInMs, error });
      await sleep(retryInMs, stopper.signal);
    }
    setState({ status: 'stopped' });
  };

  const done = run();
  return {
    get state() {
      return state;
    },
    done,
    stop: () => stopper.abort(),
  };
}

function toNotification(event: EventSourceMessage): Notification | null {
  const parsed = (() => {
    try {
      return Notification.safeParse(JSON.parse(event.data));
    } catch (error) {
      return { success: false as const, error };
    }
  })();
  if (parsed.success) return parsed.data;
  // One malformed event must not cost the connection; the poll will fetch the row again.
  console.warn(`[baton] skipped a malformed notification event (id ${event.id ?? 'none'})`, parsed.error);
  return null;
}
