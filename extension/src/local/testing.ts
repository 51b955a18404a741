import 'fake-indexeddb/auto';
import { createTestApi, type TestApi, type TestOrg } from '@baton/api/testing';
import { createApiClient, type ApiClient, type FetchLike } from '../api-client/index.ts';
import type { LocalContext } from './context.ts';
import { openBatonDb, type BatonDb } from './db.ts';

/* Test support only (imported by *.test.ts): a fresh database per test, a clock, and fetch faults. */

let dbCount = 0;
export function freshDb(): BatonDb {
  dbCount += 1;
  return openBatonDb(`baton-test-${dbCount}-${crypto.randomUUID()}`);
}

export function clock(start = '2030-01-15T09:00:00.000Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

export function contextFor(db: BatonDb, now: () => Date, userId: string | null = null): LocalContext {
  return { db, now, userId: () => userId };
}

export type Fault = 'none' | 'before-send' | 'drop-response' | 'duplicate';

/** A server-side bug that answers 500 to every activity batch that carries this item's id. */
const serverBug = () => new Response(JSON.stringify({ error: { code: 'internal', message: 'Internal error' } }), { status: 500, headers: { 'content-type': 'application/json' } });

/**
 * Routes requests to the in-process API, with faults a flaky network produces: failing before the
 * request leaves, losing the response after the server acted, or delivering the request twice.
 */
export function faultyFetch(api: TestApi) {
  /** `plan` is consumed one fault per request; when empty, `fault` applies to every request. */
  const state = { fault: 'none' as Fault, plan: [] as Fault[], requests: [] as string[], poisonActivityId: null as string | null };
  const fetchImpl: FetchLike = async (input, init) => {
    const url = new URL(input);
    state.requests.push(`${init.method ?? 'GET'} ${url.pathname}`);
    const fault = state.plan.length > 0 ? (state.plan.shift() ?? 'none') : state.fault;
    const send = () => api.app.request(input, { ...init, signal: null });
    if (fault === 'before-send') throw new TypeError('Failed to fetch');
    if (state.poisonActivityId && url.pathname === '/v1/activities/batch' && String(init.body).includes(state.poisonActivityId)) return serverBug();
    if (fault === 'drop-response') {
      await send();
      throw new TypeError('network connection was lost');
    }
    if (fault === 'duplicate') await send();
    return send();
  };
  return { state, fetch: fetchImpl };
}

export interface SyncFixture {
  api: TestApi;
  org: TestOrg;
  net: ReturnType<typeof faultyFetch>;
  client: ApiClient;
}

export async function syncFixture(): Promise<SyncFixture> {
  const api = await createTestApi();
  const org = await api.seedOrg('Sync Co');
  const net = faultyFetch(api);
  const client = createApiClient({ baseUrl: 'http://baton.test', token: org.users.sdr.token, fetch: net.fetch });
  return { api, org, net, client };
}
