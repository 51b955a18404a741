import { randomUUID } from 'node:crypto';
import type { ActivityResult } from '@baton/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from './db/schema.ts';
import { createDeal, insertContact, readyHandoff } from './testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from './testing/index.ts';

/* Instants PostgreSQL or ISO 8601 cannot hold are a 400 (or a per-item `invalid`), never a 500. */

let api: TestApi;
let org: TestOrg;
let contactId: string;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  contactId = await insertContact(api, org.id);
});
afterAll(() => api.close());

const impossible = ['0000-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00'];
const cursorOf = (t: string) => Buffer.from(JSON.stringify({ t, i: randomUUID() })).toString('base64url');

describe('timestamps outside years 1–9999', () => {
  it('marks the bad activity of a batch invalid and stores the good ones', async () => {
    const good = { id: randomUUID(), contactId, type: 'note', occurredAt: '2024-06-01T09:00:00Z', body: 'kept' };
    const bad = impossible.map((occurredAt) => ({ id: randomUUID(), contactId, type: 'note', occurredAt, body: 'refused' }));
    const res = await api.request('POST', '/v1/activities/batch', { token: org.users.sdr.token, body: { activities: [bad[0], good, ...bad.slice(1)] } });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: ActivityResult[] };
    expect(results.map((r) => r.status)).toEqual(['invalid', 'created', 'invalid', 'invalid']);
    expect(results[0]).toMatchObject({ id: bad[0]?.id, error: expect.stringContaining('occurredAt') });
    const stored = await api.services.database.db.select().from(activities).where(and(eq(activities.orgId, org.id), eq(activities.contactId, contactId)));
    expect(stored.map((a) => a.id)).toEqual([good.id]);
  });

  it.each(impossible)('answers 400 for a deal or handoff next step due %s', async (dueAt) => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const patch = await api.request('PATCH', `/v1/deals/${deal.id}`, { token: org.users.sdr.token, body: { version: deal.version, nextStep: { dueAt } } });
    expect(patch.status).toBe(400);
    const handoff = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, {
      token: org.users.sdr.token,
      body: readyHandoff(deal, org.users.ae.id, { nextStep: { what: 'Demo', dueAt } }),
    });
    expect(handoff.status).toBe(400);
  });

  it.each(impossible)('answers 400 for an audit or timeline cursor at %s', async (t) => {
    const sane = await api.request('GET', `/v1/audit?before=${encodeURIComponent('2024-01-01T00:00:00+02:00')}`, { token: org.users.admin.token });
    expect(sane.status).toBe(200);
    const audit = await api.request('GET', `/v1/audit?before=${encodeURIComponent(t)}`, { token: org.users.admin.token });
    expect(audit.status).toBe(400);
    const timeline = await api.request('GET', `/v1/contacts/${contactId}/timeline?cursor=${cursorOf(t)}`, { token: org.users.sdr.token });
    expect(timeline.status).toBe(400);
    expect(await timeline.json()).toMatchObject({ error: { code: 'bad_request' } });
  });
});
