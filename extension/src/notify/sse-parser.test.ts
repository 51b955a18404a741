import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser.ts';

function parse(chunks: string[]) {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, lastEventId: parser.lastEventId, retryMs: parser.retryMs };
}

/** Every split of `text` into two chunks must parse like the whole. */
function everySplit(text: string): string[][] {
  const splits: string[][] = [[text]];
  for (let at = 1; at < text.length; at += 1) splits.push([text.slice(0, at), text.slice(at)]);
  return splits;
}

const ev = (type: string, data: string, id = ''): SseEvent => ({ type, data, id });

const cases: { name: string; stream: string; events: SseEvent[]; lastEventId?: string; retryMs?: number | null }[] = [
  { name: 'one named event with an id', stream: 'event: notification\nid: 7\ndata: {"a":1}\n\n', events: [ev('notification', '{"a":1}', '7')], lastEventId: '7' },
  { name: 'an unnamed event is a "message"', stream: 'data: hi\n\n', events: [ev('message', 'hi')] },
  { name: 'multi-line data joined with LF', stream: 'data: one\ndata: two\ndata:\ndata: four\n\n', events: [ev('message', 'one\ntwo\n\nfour')] },
  { name: 'CRLF line endings', stream: 'event: notification\r\nid: 3\r\ndata: x\r\n\r\n', events: [ev('notification', 'x', '3')] },
  { name: 'bare CR line endings', stream: 'id: 4\rdata: y\r\r', events: [ev('message', 'y', '4')] },
  { name: 'comments and heartbeats are ignored', stream: ': heartbeat\n\n: hello\ndata: z\n\n: heartbeat\n\n', events: [ev('message', 'z')] },
  { name: 'only one leading space is removed', stream: 'data:  two spaces\ndata:none\n\n', events: [ev('message', ' two spaces\nnone')] },
  { name: 'a field without a colon has an empty value', stream: 'data\ndata\n\n', events: [ev('message', '\n')] },
  { name: 'an event with no data is not dispatched but its id is kept', stream: 'id: 9\nevent: ping\n\ndata: after\n\n', events: [ev('message', 'after', '9')], lastEventId: '9' },
  { name: 'the id carries over to later events until changed', stream: 'id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n', events: [ev('message', 'a', '1'), ev('message', 'b', '1'), ev('message', 'c')], lastEventId: '' },
  { name: 'an id containing NUL is ignored', stream: 'id: 5\ndata: a\n\nid: 6\0\ndata: b\n\n', events: [ev('message', 'a', '5'), ev('message', 'b', '5')], lastEventId: '5' },
  { name: 'the event type resets after each dispatch', stream: 'event: ready\ndata: {}\n\ndata: plain\n\n', events: [ev('ready', '{}'), ev('message', 'plain')] },
  { name: 'unknown fields are ignored', stream: 'foo: bar\ndata: a\n\n', events: [ev('message', 'a')] },
  { name: 'retry in digits is read, anything else ignored', stream: 'retry: 1500\nretry: soon\ndata: a\n\n', events: [ev('message', 'a')], retryMs: 1500 },
  { name: 'an unterminated last event is dropped at the end', stream: 'data: done\n\ndata: cut off', events: [ev('message', 'done')] },
  { name: 'a leading byte-order mark is skipped', stream: '\uFEFFdata: bom\n\n', events: [ev('message', 'bom')] },
  { name: 'unicode data survives', stream: 'data: Maya handed you Acme — Jordan Lee ✓\n\n', events: [ev('message', 'Maya handed you Acme — Jordan Lee ✓')] },
];

describe('SSE parser', () => {
  it.each(cases)('$name, however the stream is chunked', ({ stream, events, lastEventId, retryMs }) => {
    for (const chunks of everySplit(stream)) {
      const result = parse(chunks);
      expect(result.events, JSON.stringify(chunks)).toEqual(events);
      if (lastEventId !== undefined) expect(result.lastEventId).toBe(lastEventId);
      if (retryMs !== undefined) expect(result.retryMs).toBe(retryMs);
    }
  });

  it('parses a stream fed one character at a time', () => {
    const stream = 'event: notification\r\nid: 12\r\ndata: {"x":\r\ndata: 1}\r\n\r\n: heartbeat\r\n\r\n';
    expect(parse([...stream]).events).toEqual([ev('notification', '{"x":\n1}', '12')]);
  });

  it('treats a CR at the end of one chunk and LF at the start of the next as one line break', () => {
    expect(parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']).events).toEqual([ev('message', 'a\nb')]);
  });
});
