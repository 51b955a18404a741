import { randomUUID } from 'node:crypto';
import type { Deal } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, auditLog } from '../db/schema.ts';
import { createDeal, inDays, insertContact } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;
let contactId: string;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
  contactId = await insertContact(api, org.id, { email: 'jordan@acme.example' });
});
afterAll(() => api.close());

describe('POST /v1/deals', () => {
  it('creates a deal owned by the caller at version 1', async () => {
    const res = await api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { contactId, title: 'Acme pilot' } });
    expect(res.status).toBe(201);
    const deal = (await res.json()) as Deal;
    expect(deal).toMatchObject({
      contactId,
      title: 'Acme pilot',
      stage: 'new',
      ownerId: org.users.sdr.id,
      version: 1,
      qualification: { budget: null, authority: null, need: null, timeline: null },
      nextStep: { what: null, dueAt: null, ownerId: null },
    });
  });

  it('answers a replay of a client id with the deal it already made', async () => {
    const id = randomUUID();
    const first = await api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { id, contactId, title: 'Replayed' } });
    expect(first.status).toBe(201);
    const [a, b] = await Promise.all([
      api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { id, contactId, title: 'Replayed' } }),
      api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { id, contactId, title: 'Replayed' } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(((await a.json()) as Deal).id).toBe(id);
    const listed = await api.request('GET', `/v1/deals?contactId=${contactId}`, { token: org.users.sdr.token });
    const deals = ((await listed.json()) as { deals: Deal[] }).deals;
    expect(deals.filter((d) => d.id === id)).toHaveLength(1);
  });

  it('follows a merged contact to its survivor', async () => {
    const survivor = await insertContact(api, org.id, { name: 'Sam Survivor' });
    const tombstone = await insertContact(api, org.id, { mergedIntoId: survivor });
    const deal = await createDeal(api, org.users.sdr, tombstone);
    expect(deal.contactId).toBe(survivor);
  });

  it('rejects bad bodies with 400, no token with 401, and another organisation contact with 404', async () => {
    const bad = await api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { contactId: 'nope', title: '' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_body' } });
    const nul = await api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: { contactId, title: 'A\u0000B' } });
    expect(nul.status).toBe(400);
    const malformed = await api.request('POST', '/v1/deals', { token: org.users.sdr.token, body: '{"contactId":' });
    expect(malformed.status).toBe(400);
    expect((await api.request('POST', '/v1/deals', { body: { contactId, title: 'x' } })).status).toBe(401);
    const foreign = await api.request('POST', '/v1/deals', { token: other.users.sdr.token, body: { contactId, title: 'Steal' } });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('GET /v1/deals/:id', () => {
  it('answers the deal in its organisation and 404 elsewhere', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const res = await api.request('GET', `/v1/deals/${deal.id}`, { token: org.users.ae.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(deal);
    expect((await api.request('GET', `/v1/deals/${deal.id}`, { token: other.users.admin.token })).status).toBe(404);
    expect((await api.request('GET', `/v1/deals/${randomUUID()}`, { token: org.users.sdr.token })).status).toBe(404);
    expect((await api.request('GET', '/v1/deals/not-a-uuid', { token: org.users.sdr.token })).status).toBe(400);
  });
});

describe('PATCH /v1/deals/:id', () => {
  it('updates with the current version, bumps it, and logs a stage change on the timeline and in the audit', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const due = inDays(2);
    const res = await api.request('PATCH', `/v1/deals/${deal.id}`, {
      token: org.users.sdr.token,
      body: { version: 1, stage: 'qualifying', qualification: { budget: '10k' }, nextStep: { what: 'Call back', dueAt: due, ownerId: org.users.sdr.id } },
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Deal;
    expect(updated).toMatchObject({ version: 2, stage: 'qualifying', qualification: { budget: '10k', need: null }, nextStep: { what: 'Call back', dueAt: due, ownerId: org.users.sdr.id } });

    const rows = await api.services.database.db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, org.id), eq(activities.dealId, deal.id)));
    expect(rows.map((r) => [r.type, r.subject, r.actorId])).toEqual([['stage_change', 'Stage: new → qualifying', org.users.sdr.id]]);

    const audit = await api.request('GET', `/v1/audit?entityId=${deal.id}`, { token: org.users.sdr.token });
    const entries = ((await audit.json()) as { entries: { action: string; before: Deal | null; after: Deal | null }[] }).entries;
    expect(entries[0]).toMatchObject({ action: 'deal.stage_change', before: { stage: 'new', version: 1 }, after: { stage: 'qualifying', version: 2 } });
  });

  it('answers a stale version with 409 and the current deal', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: 1, title: 'First' } });
    const stale = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: 1, title: 'Second' } });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; details: { current: Deal } } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.details.current).toMatchObject({ id: deal.id, title: 'First', version: 2 });
  });

  it('lets only the owner or a manager change a deal, and only to users of the organisation', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const notOwner = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.ae.token, body: { version: 1, title: 'Mine now' } });
    expect(notOwner.status).toBe(403);
    const manager = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.manager.token, body: { version: 1, title: 'Tidied' } });
    expect(manager.status).toBe(200);
    const foreignOwner = await api.request('PATCH', `/v1/deals/${deal.id}`, {
      token: org.users.sdr.token,
      body: { version: 2, nextStep: { ownerId: other.users.sdr.id } },
    });
    expect(foreignOwner.status).toBe(400);
    const unknownField = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: 2, ownerId: org.users.ae.id } });
    expect(unknownField.status).toBe(400);
    const foreign = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: other.users.admin.token, body: { version: 2, title: 'x' } });
    expect(foreign.status).toBe(404);
  });
});

describe('empty and no-op PATCH /v1/deals/:id', () => {
  it('answers 400 to a body with nothing to change and writes nothing for a change that changes nothing', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId, 'Idle');
    const due = inDays(5);
    const set = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: 1, stage: 'qualifying', nextStep: { what: 'Call', dueAt: due } } });
    const current = (await set.json()) as Deal;
    const audits = async () => (await api.services.database.db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, deal.id)))).length;
    const before = await audits();

    for (const body of [{}, { version: current.version }]) {
      const res = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // The same values, the due date spelled in another zone: nothing changes.
    const sameDue = new Date(due).toISOString().replace('Z', '+00:00');
    const noop = await api.request('PATCH', `/v1/deals/${deal.id}`, {
      token: org.users.sdr.token,
      body: { version: current.version, title: 'Idle', stage: 'qualifying', qualification: {}, nextStep: { what: 'Call', dueAt: sameDue } },
    });
    expect(noop.status).toBe(200);
    expect(await noop.json()).toEqual(current);
    expect(await audits()).toBe(before);
    const stages = await api.services.database.db.select().from(activities).where(and(eq(activities.orgId, org.id), eq(activities.dealId, deal.id), eq(activities.type, 'stage_change')));
    expect(stages).toHaveLength(1);
  });
});

describe('GET /v1/deals', () => {
  it('filters by owner, contact and stalled (open, next step missing or overdue)', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const sdr = fresh.users.sdr;
    const missing = await createDeal(api, sdr, contact, 'No next step');
    const overdue = await createDeal(api, sdr, contact, 'Overdue');
    const healthy = await createDeal(api, sdr, contact, 'Healthy');
    const won = await createDeal(api, sdr, contact, 'Won');
    const aeDeal = await createDeal(api, fresh.users.ae, contact, 'AE deal');
    const patch = (deal: Deal, body: object) => api.request('PATCH', `/v1/deals/${deal.id}`, { token: sdr.token, body: { version: 1, ...body } });
    await patch(overdue, { nextStep: { what: 'Send proposal', dueAt: inDays(-1) } });
    await patch(healthy, { nextStep: { what: 'Demo', dueAt: inDays(1) } });
    await patch(won, { stage: 'won' });

    const ids = async (query: string, token = sdr.token) => {
      const res = await api.request('GET', `/v1/deals${query}`, { token });
      expect(res.status).toBe(200);
      return ((await res.json()) as { deals: Deal[] }).deals.map((d) => d.id).sort();
    };
    expect(await ids('?owner=me')).toEqual([missing.id, overdue.id, healthy.id, won.id].sort());
    expect(await ids('?owner=me&stalled=1')).toEqual([missing.id, overdue.id].sort());
    expect(await ids(`?owner=${fresh.users.ae.id}`)).toEqual([aeDeal.id]);
    expect(await ids(`?contactId=${contact}`)).toHaveLength(5);
    expect(await ids('', other.users.sdr.token)).not.toContain(missing.id);
    expect((await api.request('GET', '/v1/deals?stalled=maybe', { token: sdr.token })).status).toBe(400);
    expect((await api.request('GET', `/v1/deals?contactId=${contact}`, { token: other.users.sdr.token })).status).toBe(404);
  });
});

