import type { AuditEntry } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal, handOff, insertContact } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
});
afterAll(() => api.close());

type Page = { entries: AuditEntry[]; nextBefore: string | null };
const page = async (query: string, token = org.users.manager.token) => {
  const res = await api.request('GET', `/v1/audit${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};

describe('GET /v1/audit', () => {
  it('answers the organisation entries newest first, by entity, paged without gaps', async () => {
    const deal = await createDeal(api, org.users.sdr, await insertContact(api, org.id));
    const handoff = await handOff(api, org.users.sdr, deal, org.users.ae);
    await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: org.users.ae.token });

    const ofDeal = await page(`?entityId=${deal.id}`);
    expect(ofDeal.entries.map((e) => e.action)).toEqual(['deal.handoff', 'deal.create']);
    expect(ofDeal.entries[1]).toMatchObject({ actorId: org.users.sdr.id, entityType: 'deal', before: null, after: { id: deal.id } });
    expect((await page(`?entityId=${handoff.id}`)).entries.map((e) => e.action)).toEqual(['handoff.accept', 'handoff.create']);

    const everything = await page('?limit=500');
    const walked: string[] = [];
    let before: string | null = null;
    do {
      const next: Page = await page(`?limit=2${before ? `&before=${before}` : ''}`);
      walked.push(...next.entries.map((e) => e.id));
      before = next.nextBefore;
    } while (before);
    expect(walked).toEqual(everything.entries.map((e) => e.id));
    const times = everything.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('never shows another organisation entries', async () => {
    const deal = await createDeal(api, org.users.sdr, await insertContact(api, org.id));
    expect((await page(`?entityId=${deal.id}`, other.users.admin.token)).entries).toEqual([]);
    const theirs = await page('?limit=500', other.users.admin.token);
    expect(theirs.entries.some((e) => e.entityId === deal.id)).toBe(false);
    const anchor = (await page(`?entityId=${deal.id}`)).entries[0]?.id;
    expect((await api.request('GET', `/v1/audit?before=${anchor}`, { token: other.users.admin.token })).status).toBe(400);
  });

  it('validates its query and requires a token', async () => {
    expect((await api.request('GET', '/v1/audit?entityId=nope', { token: org.users.sdr.token })).status).toBe(400);
    expect((await api.request('GET', '/v1/audit?limit=0', { token: org.users.sdr.token })).status).toBe(400);
    expect((await api.request('GET', '/v1/audit?before=2030-01-01T00:00:00Z', { token: org.users.sdr.token })).status).toBe(200);
    expect((await api.request('GET', '/v1/audit')).status).toBe(401);
  });
});
