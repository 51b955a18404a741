import type { Endpoint, ResponseOf } from '@baton/shared/api';
import type { z } from 'zod';
import { ConsoleApiError, errorFrom } from './api-error.ts';

type InputOf<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: z.input<E['params']> } : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : { body?: never });

/** `/v1/deals/:id` with `{id}` → `/v1/deals/<id>`, each value encoded. */
export function pathOf(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`The path ${path} needs ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls one endpoint of shared/src/api on this origin (the console is served by the API, so the
 * session cookie goes along and no CORS is involved) and parses the answer with its schema.
 */
/** What an endpoint answers on success, whichever of 200 and 201 it declares. */
export type AnswerOf<E extends Endpoint> = ResponseOf<E, 200> | ResponseOf<E, 201>;

export async function call<E extends Endpoint>(
  endpoint: E,
  ...[input]: keyof InputOf<E> extends never ? [] : [InputOf<E>] | []
): Promise<AnswerOf<E>> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const init: RequestInit = {
    method: endpoint.method.toUpperCase(),
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(pathOf(endpoint.path, params) + queryString(query), init);
  if (!response.ok) throw await errorFrom(response);
  const spec = endpoint.responses[response.status as 200 | 201];
  if (!spec) throw new ConsoleApiError(response.status, 'unexpected_status', `The server answered ${response.status}, which this console does not expect.`);
  if (spec.schema === null) return (await response.text()) as AnswerOf<E>;
  const parsed = spec.schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ConsoleApiError(response.status, 'unexpected_answer', `The server's answer to ${endpoint.summary} is not what this console expects; reload the page after an upgrade.`, parsed.error.issues);
  }
  return parsed.data as AnswerOf<E>;
}
