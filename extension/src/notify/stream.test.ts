import type { Notification } from '@baton/shared';
import { describe, expect, it, vi } from 'vitest';
import type { FetchLike } from '../api-client/index.ts';
import { openNotificationStream, type StreamState } from './stream.ts';

/*
 * What a misbehaving server or proxy can send, which the real API never does: a malformed
 * event, a retry advice, a stream that ends. (The happy paths run against the real API in service.test.ts.)
 */
const row: Notification = {
  id: '6f1c9a52-4d0b-4c6e-9a1e-2b7d3c4e5f60',
  seq: 41,
  userId: '0b5d3c2e-6f1a-4a53-9d3c-1c8f2f4b7a10',
  type: 'handoff_received',
  title: 'Maya handed you Acme — Jordan Lee',
  body: 'Next step: Demo, Thu 10:00',
  contactId: null,
  dealId: null,
  handoffId: null,
  readAt: null,
  createdAt: '2030-01-15T09:00:00.000Z',
};

/** By default split inside a multi-byte character and a CRLF, as a network would; `chunk: 1` sends byte by byte. */
function sseResponse(text: string, split: { chunk?: number } = {}): Response {
  const bytes = new TextEncoder().encode(text);
  return new Response(
    new ReadableStream({
      start(controller) {
        if (split.chunk === undefined) {
          controller.enqueue(bytes.slice(0, 50));
          controller.enqueue(bytes.slice(50));
        } else {
          for (let at = 0; at < bytes.length; at += split.chunk) controller.enqueue(bytes.slice(at, at + split.chunk));
        }
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

describe('notification stream client', () => {
  it('skips a malformed event, keeps the good one, honours retry advice and reconnects with the last seq', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const received: Notification[] = [];
    const states: StreamState[] = [];
    const sent: (string | null)[] = [];
    let lastSeq: number | null = 7;
    const fetchImpl: FetchLike = (_input, init) => {
      sent.push(new Headers(init.headers).get('last-event-id'));
      return sseResponse(`retry: 4000\r\n: heartbeat\r\n\r\nevent: notification\r\nid: 40\r\ndata: {"not":"a notification"}\r\n\r\nevent: notification\r\nid: 41\r\ndata: ${JSON.stringify(row)}\r\n\r\nevent: ready\r\ndata: {}\r\n\r\n`);
    };
    let stream: ReturnType<typeof openNotificationStream> | null = null;
    stream = openNotificationStream({
      connection: { apiUrl: 'http://baton.test/', token: 'baton_x' },
      fetch: fetchImpl,
      lastSeq: async () => lastSeq,
      onNotifications: async (batch) => {
        received.push(...batch);
        lastSeq = Math.max(lastSeq ?? 0, ...batch.map((n) => n.seq));
      },
      onState: (state) => states.push(state),
      random: () => 0,
      sleep: async () => {
        // The second connection is enough to see the resume; stop instead of waiting.
        if (sent.length >= 2) stream?.stop();
      },
    });
    await stream.done;
    expect(received).toEqual([row, row]);
    expect(sent).toEqual(['7', '41']);
    expect(states.filter((s) => s.status === 'waiting')[0]).toEqual({ status: 'waiting', retryInMs: 4000, error: 'the notification stream ended' });
    expect(states.at(-1)).toEqual({ status: 'stopped' });
    expect(warn).toHaveBeenCalledWith('[baton] skipped a malformed notification event (id 40)', expect.anything());
    warn.mockRestore();
  });

  it('reads the same events however the network splits the stream, and drops one cut off by its end', async () => {
    const second: Notification = { ...row, id: '7d2e0b63-5e1c-4d7f-8b2f-3c8e4d5f6a71', seq: 42, title: 'Sam accepted — Jordan Lee ✓' };
    const json = JSON.stringify(second);
    const comma = json.indexOf(',"title"');
    const text = [
      ': connected\r\n\r\n',
      `event: notification\r\nid: 41\r\ndata: ${JSON.stringify(row)}\r\n\r\n`,
      // One JSON value over two data lines: joined with a line feed, which JSON reads as space.
      `event: notification\nid: 42\ndata: ${json.slice(0, comma)}\ndata: ${json.slice(comma)}\n\n`,
      'event: ready\rdata: {}\r\r',
      `event: notification\nid: 43\ndata: ${JSON.stringify({ ...row, seq: 43 })}\n`,
    ].join('');
    for (const split of [{ chunk: 1 }, { chunk: 7 }, {}]) {
      const received: Notification[] = [];
      const states: StreamState[] = [];
      let stream: ReturnType<typeof openNotificationStream> | null = null;
      stream = openNotificationStream({
        connection: { apiUrl: 'http://baton.test', token: 'baton_x' },
        fetch: () => sseResponse(text, split),
        lastSeq: async () => null,
        onNotifications: async (batch) => {
          received.push(...batch);
        },
        onState: (state) => states.push(state),
        random: () => 0,
        sleep: async () => stream?.stop(),
      });
      await stream.done;
      expect(received, JSON.stringify(split)).toEqual([row, second]);
      expect(states.map((state) => state.status).slice(0, 2)).toEqual(['connecting', 'live']);
    }
  });

  it('stops for good on a refused token', async () => {
    let calls = 0;
    const stream = openNotificationStream({
      connection: { apiUrl: 'http://baton.test', token: 'revoked' },
      fetch: () => {
        calls += 1;
        return new Response('{"error":{"code":"unauthorized","message":"bad token"}}', { status: 401 });
      },
      lastSeq: async () => null,
      onNotifications: async () => {},
    });
    await stream.done;
    expect(stream.state).toEqual({ status: 'unauthorized' });
    expect(calls).toBe(1);
  });
});
