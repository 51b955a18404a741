import { createParser } from 'eventsource-parser';

/* Reads a Server-Sent Events response the way a browser's EventSource would, for tests. */

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseReader {
  /** The next event named `name` (others, and comments such as heartbeats, are skipped). */
  next(name?: string): Promise<SseEvent>;
  close(): Promise<void>;
}

export function readSse(response: Response): SseReader {
  if (!response.body) throw new Error('the response has no body to stream');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parsed: SseEvent[] = [];
  // Like EventSource, an event without a type is a `message`.
  const parser = createParser({ onEvent: ({ event, id, data }) => void parsed.push({ event: event ?? 'message', id, data }) });
  return {
    async next(name = 'notification') {
      for (;;) {
        const event = parsed.shift();
        if (event) {
          if (event.event === name) return event;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the event stream ended');
        parser.feed(decoder.decode(value, { stream: true }));
      }
    },
    async close() {
      await reader.cancel();
    },
  };
}
