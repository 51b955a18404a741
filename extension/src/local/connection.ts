/*
 * The connection state: what the last answer (or silence) from the API said, whoever asked — the
 * outbox drain, a brief read, the notification stream. The sync status is built from it, so the
 * header, the cards and the popup say the same thing.
 */
import type { FetchLike } from '../api-client/index.ts';
import type { BatonDb } from './db.ts';
import type { ConnectionMeta, ConnectionState } from './types.ts';

export type { ConnectionMeta, ConnectionState } from './types.ts';

export const unknownConnection: ConnectionMeta = { state: 'unknown', since: new Date(0).toISOString() };

export async function readConnection(db: BatonDb): Promise<ConnectionMeta> {
  return ((await db.meta.get('connection'))?.value as ConnectionMeta | undefined) ?? unknownConnection;
}

/** Writes only a change of state: every change is an event that makes every page read again. */
export async function recordConnection(db: BatonDb, state: ConnectionState, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await readConnection(db)).state === state) return;
    await db.meta.put({ key: 'connection', value: { state, since: now.toISOString() } });
  });
}

/** The request was ended by its caller (a stream closed on purpose), which says nothing about the API. */
function abortedByCaller(init: RequestInit): boolean {
  const signal = init.signal;
  if (!signal?.aborted) return false;
  const reason: unknown = signal.reason;
  return !(reason instanceof Error && reason.name === 'TimeoutError');
}

/** Proxies and load balancers answer these when the API behind them is down. */
const gatewayDown = new Set([502, 503, 504]);

/** Wraps a fetch so every API request tells the connection state what it learned. */
export function observeConnection(db: BatonDb, fetchImpl: FetchLike = (input, init) => fetch(input, init)): FetchLike {
  const note = (state: ConnectionState) => {
    recordConnection(db, state).catch((error: unknown) => console.warn('[baton] connection state not recorded', error));
  };
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      if (!abortedByCaller(init)) note('unreachable');
      throw error;
    }
    note(response.status === 401 ? 'token_rejected' : gatewayDown.has(response.status) ? 'unreachable' : 'reachable');
    return response;
  };
}
