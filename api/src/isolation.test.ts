import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@baton/shared/api';
import { appRoutes, endpointOf, type ServedRoute } from './openapi/app-routes.ts';
import { apiTokens } from './db/schema.ts';
import { createToken, revokeTokens } from './services/admin/admin.ts';
import { createTestApi, type TestApi, type TestOrg } from './testing/index.ts';

/*
 * Generated over the app's own route list: a route added later is covered without touching this
 * file, and one whose path parameter this file cannot fill fails it.
 */

interface Records {
  org: TestOrg;
  contactId: string;
  otherContactId: string;
  dealId: string;
  activityId: string;
  handoffId: string;
  notificationId: string;
  invitationId: string;
  tokenId: string;
  deviceId: string;
  /** Strings that only this organisation's data contains. */
  secrets: string[];
}

let api: TestApi;
let a: Records;
let b: Records;

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await api.request(method, path, { token, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, any>) : null };
}

async function created(method: string, path: string, token: string, body: unknown): Promise<Record<string, any>> {
  const res = await call(method, path, token, body);
  if (res.status !== 200 && res.status !== 201) throw new Error(`${method} ${path} → ${res.status}: ${res.text}`);
  return res.json ?? {};
}

/** Real records of every kind, made through the API as a rep would. */
async function seedRecords(label: string): Promise<Records> {
  const org = await api.seedOrg(`Isolation ${label} ${randomUUID().slice(0, 6)}`);
  const { sdr, ae } = org.users;
  const secret = `${label}-${randomUUID()}`;
  const contact = await created('POST', '/v1/contacts/resolve', sdr.token, {
    emails: [`prospect-${label.toLowerCase()}@${label.toLowerCase()}-customer.example`],
    name: `Person ${secret}`,
    company: `Company ${secret}`,
  });
  const other = await created('POST', '/v1/contacts/resolve', sdr.token, {
    emails: [`second-${label.toLowerCase()}@${label.toLowerCase()}-customer.example`],
    name: `Second ${secret}`,
  });
  const contactId = contact.contact.id as string;
  const deal = await created('POST', '/v1/deals', sdr.token, { contactId, title: `Deal ${secret}` });
  const activityId = randomUUID();
  await created('POST', '/v1/activities/batch', sdr.token, {
    activities: [{ id: activityId, contactId, dealId: deal.id, type: 'note', occurredAt: new Date().toISOString(), subject: `Note ${secret}`, body: `Body ${secret}` }],
  });
  const handoff = await created('POST', `/v1/deals/${deal.id}/handoffs`, sdr.token, {
    kind: 'sdr_to_ae',
    toUserId: ae.id,
    version: deal.version,
    trigger: `Trigger ${secret}`,
    discussed: 'Pricing for 40 seats',
    objections: 'None raised',
    qualification: { budget: '40k', authority: 'VP Sales', need: 'Handoffs', timeline: 'Q3' },
    nextStep: { what: 'Discovery call', dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    warmIntro: 'intro_email',
  });
  const invitation = await created('POST', '/v1/team/invitations', org.users.manager.token, { email: `invitee-${label.toLowerCase()}@${label.toLowerCase()}-team.example`, role: 'ae' });
  // The manager's own token and device: A's manager is refused B's even with the same role.
  const apiToken = await created('POST', '/v1/tokens', org.users.manager.token, { name: `Token ${secret}` });
  const deviceId = randomUUID();
  await api.services.database.db.insert(apiTokens).values({ orgId: org.id, id: deviceId, userId: org.users.manager.id, tokenHash: `device-${secret}`, label: `Device ${secret}`, kind: 'device', browser: 'Chrome' });
  const inbox = await created('GET', '/v1/notifications', ae.token, undefined);
  const notificationId = (inbox.notifications as Array<{ id: string }>)[0]?.id;
  if (!notificationId) throw new Error('the handoff left the recipient no notification');
  return {
    org,
    contactId,
    otherContactId: other.contact.id as string,
    dealId: deal.id as string,
    activityId,
    handoffId: handoff.id as string,
    notificationId,
    invitationId: invitation.invitation.id as string,
    tokenId: apiToken.token.id as string,
    deviceId,
    secrets: [secret, contactId, other.contact.id as string, deal.id as string, activityId, handoff.id as string, notificationId],
  };
}

/** Which record a path parameter names, by the resource segment before it. */
function fillPath(route: ServedRoute, records: Records): { path: string; idParams: string[] } {
  const idParams: string[] = [];
  const segments = route.path.split('/');
  const path = segments
    .map((segment, index) => {
      if (!segment.startsWith(':')) return segment;
      const resource = segments[index - 1] ?? '';
      const ids: Record<string, string> = {
        contacts: records.contactId,
        deals: records.dealId,
        handoffs: records.handoffId,
        notifications: records.notificationId,
        members: records.org.users.ae.id,
        invitations: records.invitationId,
        tokens: records.tokenId,
        devices: records.deviceId,
      };
      // An invitation link's token is its own credential, not an id of an organisation.
      if (resource === 'invitations' && segment === ':token') return 'an-unknown-invitation-token-0000';
      const id = ids[resource];
      if (id) {
        idParams.push(segment);
        return id;
      }
      // Not ids: values every organisation has its own of, resolved within the caller's.
      const shared: Record<string, string> = { 'handoff-templates/:kind': 'sdr_to_ae' };
      const value = shared[`${resource}/${segment}`];
      if (value) return value;
      throw new Error(`isolation.test.ts cannot fill ${segment} in ${route.method} ${route.path}: add the record kind it names`);
    })
    .join('/');
  return { path, idParams };
}

/** Valid bodies (so the lookup, not validation, answers), referring to the caller's own records. */
function sampleBody(route: ServedRoute, own: Records): unknown {
  const documented = endpointOf(route);
  if (!documented?.body) return undefined;
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const samples: Record<string, unknown> = {
    'PATCH /v1/contacts/:id': { title: 'Changed by another organisation' },
    'POST /v1/contacts/:id/merge': { duplicateId: own.otherContactId },
    'PATCH /v1/deals/:id': { version: 1, title: 'Changed by another organisation' },
    'POST /v1/deals/:id/handoffs': {
      kind: 'sdr_to_ae', toUserId: own.org.users.ae.id, version: 1, trigger: 't', discussed: 'd', objections: 'None raised',
      qualification: { budget: 'b', authority: 'a', need: 'n', timeline: 't' }, nextStep: { what: 'w', dueAt: future }, warmIntro: 'none',
    },
    'POST /v1/handoffs/:id/reject': { reason: 'Not mine' },
    'PUT /v1/handoff-templates/:kind': { required: ['trigger'] },
    'POST /v1/contacts/resolve': { emails: ['someone@new.example'] },
    'POST /v1/deals': { contactId: own.contactId, title: 'Own deal' },
    'POST /v1/activities/batch': { activities: [{ id: randomUUID(), contactId: own.contactId, type: 'note', occurredAt: future }] },
    'PATCH /v1/team/members/:id': { role: 'sdr' },
    'POST /v1/team/invitations': { email: 'another-invitee@new.example', role: 'sdr' },
    'POST /v1/tokens': { name: 'Another token' },
    'POST /v1/setup': { teamName: 'Not a second team', name: 'Someone', email: 'someone@new.example', password: 'long enough password' },
    'POST /v1/invitations/accept': { token: 'an-unknown-invitation-token-0000', name: 'Someone', password: 'long enough password' },
  };
  const key = `${route.method} ${route.path}`;
  if (!(key in samples)) throw new Error(`isolation.test.ts has no sample body for ${key}: add one`);
  return samples[key];
}

const publicRoutes = new Set(Object.values(endpoints).filter((doc) => doc.auth === false).map((doc) => `${doc.method.toUpperCase()} ${doc.path}`));

beforeAll(async () => {
  api = await createTestApi();
  a = await seedRecords('A');
  b = await seedRecords('B');
}, 120_000);
afterAll(() => api.close());

describe('isolation between organisations, over every route', () => {
  it("answers 404 to organisation A for every id of organisation B, and never shows B's data", async () => {
    const routes = appRoutes(api.app).filter((route) => route.path.includes('/:'));
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routes) {
      const { path, idParams } = fillPath(route, b);
      if (idParams.length === 0) continue;
      // A manager sees the most in their own organisation: the strongest test of the boundary.
      const res = await call(route.method, path, a.org.users.manager.token, sampleBody(route, a));
      const label = `${route.method} ${route.path}`;
      if (res.status !== 404) failures.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
      else if (res.json?.error?.code !== 'not_found') failures.push(`${label}: 404 without the error shape: ${res.text}`);
      const leaked = b.secrets.find((s) => res.text.includes(s) && !path.includes(s));
      if (leaked) failures.push(`${label}: the response contains B's ${leaked}`);
    }
    expect(failures).toEqual([]);
  });

  it("filters B's ids given in queries and bodies out of A's answers", async () => {
    const token = a.org.users.manager.token;
    const checks = [
      ['GET', `/v1/brief?contactId=${b.contactId}`],
      ['GET', `/v1/audit?entityId=${b.dealId}`],
      ['GET', `/v1/deals?contactId=${b.contactId}`],
      ['GET', `/v1/handoffs?dealId=${b.dealId}`],
      ['GET', `/v1/contacts?email=prospect-b@b-customer.example`],
    ] as const;
    for (const [method, path] of checks) {
      const res = await call(method, path, token);
      expect([200, 404], `${method} ${path}`).toContain(res.status);
      const leaked = b.secrets.find((s) => res.text.includes(s) && !path.includes(s));
      expect(leaked, `${method} ${path} leaked B's data`).toBeUndefined();
    }
    const deal = await call('POST', '/v1/deals', token, { contactId: b.contactId, title: 'On their contact' });
    expect(deal.status).toBe(404);
    const merge = await call('POST', `/v1/contacts/${a.contactId}/merge`, token, { duplicateId: b.contactId });
    expect(merge.status).toBe(404);
    const batch = await call('POST', '/v1/activities/batch', token, {
      activities: [{ id: randomUUID(), contactId: b.contactId, type: 'note', occurredAt: new Date().toISOString() }],
    });
    expect(batch.json?.results?.[0]?.status).not.toBe('created');
    const reused = await call('POST', '/v1/activities/batch', token, {
      activities: [{ id: b.activityId, contactId: a.contactId, type: 'note', occurredAt: new Date().toISOString() }],
    });
    expect(reused.text).not.toContain(b.secrets[0]);
  });

  it("left B's records as they were", async () => {
    const token = b.org.users.manager.token;
    const contact = await call('GET', `/v1/contacts/${b.contactId}`, token);
    expect(contact.json?.contact?.title ?? null).toBeNull();
    const deal = await call('GET', `/v1/deals/${b.dealId}`, token);
    expect(deal.json?.title).toBe(`Deal ${b.secrets[0]}`);
    const handoff = await call('GET', `/v1/handoffs/${b.handoffId}`, token);
    expect(handoff.json?.status).toBe('pending');
    const inbox = await call('GET', '/v1/notifications?unread=1', b.org.users.ae.token);
    expect((inbox.json?.notifications as Array<{ id: string }>).map((n) => n.id)).toContain(b.notificationId);
    const other = await call('GET', `/v1/contacts/${b.otherContactId}`, token);
    expect(other.status).toBe(200);
  });

  it('answers 401 with the error shape on every authenticated route to a revoked token', async () => {
    const { token } = await createToken(api.services.database.db, a.org.users.sdr);
    expect((await call('GET', '/v1/me', token)).status).toBe(200);
    expect(await revokeTokens(api.services.database.db, { token })).toBe(1);
    const failures: string[] = [];
    for (const route of appRoutes(api.app)) {
      if (publicRoutes.has(`${route.method} ${route.path}`)) continue;
      const { path } = fillPath(route, a);
      const res = await call(route.method, path, token, sampleBody(route, a));
      if (res.status !== 401 || res.json?.error?.code !== 'unauthorized') failures.push(`${route.method} ${route.path}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
