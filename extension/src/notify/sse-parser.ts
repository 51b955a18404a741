/** One dispatched Server-Sent Event. `id` is the last event id in force when it was dispatched. */
export interface SseEvent {
  type: string;
  data: string;
  id: string;
}

export interface SseParser {
  /** Feeds decoded text; chunks may split lines, fields or a CRLF pair anywhere. */
  push(text: string): void;
  /** The stream ended: an event without its closing blank line is dropped, as the spec says. */
  end(): void;
  /** The id to send as `Last-Event-ID` on reconnect. */
  readonly lastEventId: string;
  /** The server's `retry:` advice in milliseconds, if it gave one. */
  readonly retryMs: number | null;
}

/**
 * An incremental parser for the `text/event-stream` format (WHATWG HTML "Server-sent events",
 * interpretation of the event stream), written for `fetch` bodies because EventSource cannot send
 * an Authorization header.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let first = true;
  // A chunk ending in CR may be the first half of CRLF; the LF opening the next chunk is then not a line.
  let skipLeadingLf = false;
  let data: string[] = [];
  let type = '';
  let lastEventId = '';
  let retryMs: number | null = null;

  const dispatch = () => {
    if (data.length > 0) onEvent({ type: type === '' ? 'message' : type, data: data.join('\n'), id: lastEventId });
    data = [];
    type = '';
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
  };

  return {
    push(text) {
      buffer += text;
      if (first && buffer.length > 0) {
        if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
        first = false;
      }
      if (skipLeadingLf && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLf = false;
      let start = 0;
      for (let i = 0; i < buffer.length; i += 1) {
        const char = buffer[i];
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, i));
        if (char === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i += 1;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = '';
      data = [];
      type = '';
    },
    get lastEventId() {
      return lastEventId;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
