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
  let buffer = '';
  const parse = (block: string): SseEvent | null => {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    return data.length === 0 ? null : { event, id, data: data.join('\n') };
  };
  return {
    async next(name = 'notification') {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parse(block);
          if (parsed?.event === name) return parsed;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    async close() {
      await reader.cancel();
    },
  };
}
