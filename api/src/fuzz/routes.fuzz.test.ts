import { ApiErrorBody, handoffKinds, type Deal, type Handoff } from '@baton/shared';
import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { streamNotifications } from '@baton/shared/api';
import { appRoutes, endpointOf } from '../openapi/app-routes.ts';
import { readyHandoff } from '../testing/deal-fixtures.ts';
import { addUser } from '../services/admin/admin.ts';
import { createTestApi } from '../testing/index.ts';
import { documentedInputs } from './document-inputs.ts';
import { databaseState, diffStates, listTables, type DbState } from './db-state.ts';
import { describeCase, requestCaseArbitrary, type Fixtures, type FuzzRoute, type RequestCase, type RouteRules } from './request-cases.ts';

/*
 * Every route of the app (from `app.routes`, so a new one is fuzzed without touching this file)
 * gets generated hostile requests. Whatever comes in: never a 5xx; a 4xx carries the error shape
 * and leaves every table as it was; a 2xx only for a request its schemas accept.
 * Replay a failure with FUZZ_SEED=<seed> (printed in it); FUZZ_RUNS sets the runs per route.
 */

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const numRuns = Number(process.env.FUZZ_RUNS ?? 40);

const api = await createTestApi();
afterAll(() => api.close());

const org = await api.seedOrg('Fuzz');
const { sdr, ae } = org.users;

async function made<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await api.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  if (res.status >= 300) throw new Error(`seeding ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const contact = await made<{ contact: { id: string } }>('POST', '/v1/contacts/resolve', sdr.token, { emails: ['fuzz.target@example.com'], name: 'Fuzz Target' });
const twin = await made<{ contact: { id: string } }>('POST', '/v1/contacts/resolve', sdr.token, { emails: ['fuzz.twin@example.com'], name: 'Fuzz Target' });
const deal = await made<Deal>('POST', '/v1/deals', sdr.token, { contactId: contact.contact.id, title: 'Fuzzed deal' });
const handoff = await made<Handoff>('POST', `/v1/deals/${deal.id}/handoffs`, sdr.token, readyHandoff(deal, ae.id));
const inbox = await made<{ notifications: { id: string }[] }>('GET', '/v1/notifications', ae.token);

// The team routes act on a member of their own: deactivating or demoting the holder of a fixture
// token would turn every later request into a 401.
const spare = await addUser(api.services.database.db, { orgId: org.id, email: 'fuzz.spare@example.com', name: 'Fuzz Spare', role: 'ae' });
const invitation = await made<{ invitation: { id: string } }>('POST', '/v1/team/invitations', org.users.admin.token, { email: 'fuzz.invitee@example.com', role: 'ae' });

const users = Object.values(org.users);
const knownIds = [contact.contact.id, twin.contact.id, deal.id, handoff.id, ...inbox.notifications.map((n) => n.id), ...users.map((u) => u.id)];
const byResource: Record<string, string[]> = {
  contacts: [contact.contact.id, twin.contact.id],
  deals: [deal.id],
  handoffs: [handoff.id],
  notifications: inbox.notifications.map((n) => n.id),
  'handoff-templates': [...handoffKinds],
  team: [spare.id, invitation.invitation.id, handoff.id],
};
const fixtures: Fixtures = {
  tokens: users.map((u) => u.token),
  knownIds,
  paramValues: (path, name) => (name === 'kind' ? [...handoffKinds] : (byResource[path.split('/')[2] ?? ''] ?? knownIds)),
  examples: {
    'POST /v1/contacts/resolve': [{ emails: ['fuzz.target@example.com'], name: 'Fuzz Target' }, { linkedinUrl: 'https://www.linkedin.com/in/fuzz-target', title: 'CTO' }],
    'PATCH /v1/contacts/:id': [{ name: 'Renamed', company: 'Acme', emails: ['fuzz.renamed@example.com'] }],
    'POST /v1/contacts/:id/merge': [{ duplicateId: twin.contact.id }],
    'POST /v1/activities/batch': [
      { activities: [{ id: randomUUID(), contactId: contact.contact.id, type: 'email', occurredAt: new Date().toISOString(), subject: 'Hi', source: { gmailThreadId: 't1' } }] },
    ],
    'POST /v1/deals': [{ contactId: contact.contact.id, title: 'Second deal', stage: 'qualifying' }],
    'PATCH /v1/deals/:id': [{ version: 1, title: 'Renamed', qualification: { budget: '10k' }, nextStep: { what: 'Call', dueAt: new Date(Date.now() + 86_400_000).toISOString() } }],
    'POST /v1/deals/:id/handoffs': [readyHandoff(deal, ae.id)],
    'POST /v1/handoffs/:id/reject': [{ reason: 'Not qualified yet' }],
    'PUT /v1/handoff-templates/:kind': [{ required: ['trigger', 'nextStep.dueAt'] }],
    'POST /v1/team/invitations': [{ email: 'fuzz.invitee@example.com', role: 'sdr' }],
    'PATCH /v1/team/members/:id': [{ role: 'csm' }],
    'POST /v1/tokens': [{ name: 'Fuzz integration' }],
  },
};

const lastEventId = streamNotifications.headers['Last-Event-ID'].schema;
const rules: Record<string, RouteRules> = {
  // A header the contract documents but no validator reads (the query's lastEventId is validated).
  'GET /v1/notifications/stream': {
    extra: ({ headers }) => headers['last-event-id'] === undefined || lastEventId.safeParse(headers['last-event-id']).success,
  },
};

const document = (await (await api.app.request('/v1/openapi.json')).json()) as Record<string, unknown>;
const routes: FuzzRoute[] = appRoutes(api.app).map((route) => ({
  ...route,
  doc: endpointOf(route),
  operation: documentedInputs(document, route),
  rules: rules[`${route.method} ${route.path}`],
}));

const tables = await listTables(api.services.database.db);
let state: DbState = await databaseState(api.services.database.db, tables);

// Rate-limit buckets are state too: a request refused before it is authenticated must not draw on any.
const takes: string[] = [];
const limiter = api.services.rateLimiter;
api.services.rateLimiter = { take: (key, now) => (takes.push(key), limiter.take(key, now)) };

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

async function check(route: FuzzRoute, c: RequestCase): Promise<void> {
  takes.length = 0;
  const res = await api.app.request(c.url, { method: c.method, headers: c.headers, body: c.body });
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  const text = isJson ? await res.text() : '';
  if (!isJson) await res.body?.cancel();
  const before = state;
  state = await databaseState(api.services.database.db, tables);
  const fail = (why: string) => {
    throw new Error(`${why}\n→ ${res.status} ${text.slice(0, 500)}\n${describeCase(c)}`);
  };

  if (res.status >= 500) fail('a server error');
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeKeys.join() || 'polluted' in {}) fail('Object.prototype was polluted');
  if (res.status >= 400) {
    if (!isJson || !ApiErrorBody.safeParse(JSON.parse(text)).success) fail('a 4xx without the error shape');
    const changed = diffStates(before, state);
    if (changed.length > 0) fail(`a rejected request changed the database: ${changed.join('; ')}`);
    if (res.status === 401 && takes.length > 0) fail('an unauthenticated request drew on a rate-limit bucket');
  }
  // The size limit is checked before anything else, authentication included.
  if (Buffer.byteLength(c.body ?? '') > api.services.env.bodyLimitBytes) {
    if (res.status !== 413) fail('an oversized body was not answered 413');
    return;
  }
  if (c.reroutes) return;
  const { auth, params, query, body, other } = c.problems;
  if (auth && res.status !== 401) fail('a request without a valid token was not answered 401');
  if (!auth && (params || query || body || other) && res.status !== 400) fail('an invalid request was not answered 400');
  if (res.status < 300 && route.path === '/v1/activities/batch') {
    // A batch whose items were all refused is answered 200 but must store nothing.
    const results = (JSON.parse(text) as { results: { status: string }[] }).results;
    if (results.every((r) => r.status !== 'created') && diffStates(before, state).length > 0) fail('refused activities changed the database');
  }
}

describe(`hostile input on every route (FUZZ_SEED=${seed})`, () => {
  it('covers every served route', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((route) => route.method === 'ALL')).toBe(false);
  });

  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      try {
        await fc.assert(
          fc.asyncProperty(requestCaseArbitrary(route, fixtures), (c) => check(route, c)),
          { seed, numRuns },
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${route.method} ${route.path} failed; replay with FUZZ_SEED=${seed} pnpm exec vitest run src/fuzz\n${message}`, { cause: error });
      }
    });
  }
});
