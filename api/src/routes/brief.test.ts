import { randomUUID } from 'node:crypto';
import type { Brief } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deals, handoffs } from '../db/schema.ts';
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

const qualification = { budget: '50k', authority: 'VP Sales', need: 'handoffs get lost', timeline: 'Q3' };

async function resolve(token: string, body: Record<string, unknown>) {
  const res = await api.request('POST', '/v1/contacts/resolve', { token, body });
  return ((await res.json()) as { contact: { id: string } }).contact.id;
}

async function brief(query: string, token = org.users.ae.token) {
  return api.request('GET', `/v1/brief?${query}`, { token });
}

describe('GET /v1/brief', () => {
  const slug = `avery-${randomUUID().slice(0, 8)}`;
  const email = `avery.${randomUUID().slice(0, 8)}@prospect.example`;
  let contactId: string;
  let focusDealId: string;
  let oldDealId: string;
  let handoffId: string;
  const activityIds: string[] = [];

  beforeAll(async () => {
    contactId = await resolve(org.users.sdr.token, { emails: [email], linkedinUrl: `linkedin.com/in/${slug}`, name: 'Avery Stone', company: 'Prospect Inc' });
    const db = api.services.database.db;
    focusDealId = randomUUID();
    oldDealId = randomUUID();
    const due = new Date(Date.now() - 86_400_000);
    await db.insert(deals).values([
      { orgId: org.id, id: oldDealId, contactId, title: 'Last year', stage: 'lost', ownerId: org.users.sdr.id, updatedAt: new Date('2023-01-01T00:00:00Z') },
      {
        orgId: org.id, id: focusDealId, contactId, title: 'Pilot', stage: 'qualified', ownerId: org.users.ae.id, budget: qualification.budget,
        authority: qualification.authority, need: qualification.need, timeline: qualification.timeline, nextStepWhat: 'Demo', nextStepDueAt: due, nextStepOwnerId: org.users.ae.id,
      },
    ]);
    handoffId = randomUUID();
    await db.insert(handoffs).values([
      {
        orgId: org.id, id: randomUUID(), dealId: focusDealId, contactId, kind: 'sdr_to_ae', fromUserId: org.users.marketing.id, toUserId: org.users.sdr.id, status: 'rejected',
        trigger: 'old', discussed: 'old', objections: 'None raised', qualification, nextStepWhat: 'call', nextStepDueAt: due, nextStepOwnerId: org.users.sdr.id, warmIntro: 'none',
        createdAt: new Date('2024-01-01T00:00:00Z'), rejectionReason: 'too early',
      },
      {
        orgId: org.id, id: handoffId, dealId: focusDealId, contactId, kind: 'sdr_to_ae', fromUserId: org.users.sdr.id, toUserId: org.users.ae.id, status: 'accepted',
        trigger: 'Downloaded the guide', discussed: 'Pricing', objections: 'Security review', qualification, nextStepWhat: 'Demo', nextStepDueAt: due,
        nextStepOwnerId: org.users.ae.id, warmIntro: 'joint_call', createdAt: new Date('2024-05-01T00:00:00Z'),
      },
    ]);
    const items = Array.from({ length: 60 }, (_, i) => ({ id: randomUUID(), contactId, type: 'note', occurredAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), body: `n${i}` }));
    activityIds.push(...items.map((item) => item.id).reverse());
    const res = await api.request('POST', '/v1/activities/batch', { token: org.users.sdr.token, body: { activities: items } });
    expect(res.status).toBe(200);
  });

  it('composes contact, focus deal, latest handoff with its people, next step and the first timeline page', async () => {
    const res = await brief(`email=${encodeURIComponent(email.toUpperCase())}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Brief;
    expect(body.contact).toMatchObject({ id: contactId, name: 'Avery Stone', emails: [email], linkedinUrl: `https://www.linkedin.com/in/${slug}` });
    expect(body.owner?.id).toBe(org.users.sdr.id);
    expect(body.deal).toMatchObject({ id: focusDealId, stage: 'qualified', qualification });
    expect(body.dealOwner).toMatchObject({ id: org.users.ae.id, role: 'ae' });
    expect(body.otherDeals.map((d) => d.id)).toEqual([oldDealId]);
    expect(body.latestHandoff).toMatchObject({ id: handoffId, from: { id: org.users.sdr.id }, to: { id: org.users.ae.id }, objections: 'Security review' });
    expect(body.nextStep).toMatchObject({ what: 'Demo', overdue: true, missing: false, owner: { id: org.users.ae.id } });
    expect(body.timeline.map((a) => a.id)).toEqual(activityIds.slice(0, 50));
    expect(body.nextCursor).not.toBeNull();
    const rest = await api.request('GET', `/v1/contacts/${contactId}/timeline?cursor=${body.nextCursor}`, { token: org.users.ae.token });
    expect(((await rest.json()) as { activities: { id: string }[] }).activities.map((a) => a.id)).toEqual(activityIds.slice(50));
  });

  it('finds the same contact by LinkedIn URL and by id', async () => {
    const byLinkedin = (await (await brief(`linkedin=${encodeURIComponent(`https://www.linkedin.com/in/${slug.toUpperCase()}/details/experience/`)}`)).json()) as Brief;
    const byId = (await (await brief(`contactId=${contactId}`)).json()) as Brief;
    expect(byLinkedin.contact.id).toBe(contactId);
    expect(byId.contact.id).toBe(contactId);
    expect(byId.latestHandoff?.id).toBe(handoffId);
  });

  it('briefs a contact without deals', async () => {
    const bare = await resolve(org.users.sdr.token, { emails: [`bare.${randomUUID()}@x.example`] });
    const body = (await (await brief(`contactId=${bare}`)).json()) as Brief;
    expect(body).toMatchObject({ deal: null, otherDeals: [], latestHandoff: null, nextStep: null, timeline: [], nextCursor: null });
  });

  it('answers 400 unless exactly one key is given, 404 for unknown or other organisations’ contacts', async () => {
    expect((await brief('')).status).toBe(400);
    expect((await brief(`email=${encodeURIComponent(email)}&contactId=${contactId}`)).status).toBe(400);
    expect((await brief('contactId=nope')).status).toBe(400);
    expect((await brief('email=a%00b%40x.example')).status).toBe(400);
    expect((await brief('linkedin=https%3A%2F%2Fexample.com%2Fx')).status).toBe(400);
    expect((await brief(`contactId=${randomUUID()}`)).status).toBe(404);
    expect((await brief('email=nobody%40nowhere.example')).status).toBe(404);
    expect((await brief(`contactId=${contactId}`, other.users.manager.token)).status).toBe(404);
    expect((await brief(`email=${encodeURIComponent(email)}`, other.users.manager.token)).status).toBe(404);
    expect((await brief(`linkedin=linkedin.com%2Fin%2F${slug}`, other.users.manager.token)).status).toBe(404);
    expect((await api.request('GET', `/v1/brief?contactId=${contactId}`)).status).toBe(401);
  });

  it('keeps its query count constant as the data grows', async () => {
    // Counted at the driver, where drizzle's statements and the prepared ones (lib/prepared.ts)
    // all go, for the whole request (auth included).
    const client = (api.services.database.db as unknown as { session: { client: { unsafe: (...args: unknown[]) => unknown } } }).session.client;
    const unsafe = client.unsafe;
    let queries = 0;
    client.unsafe = (...args: unknown[]) => {
      queries += 1;
      return unsafe(...args);
    };
    const count = async () => {
      const before = queries;
      expect((await brief(`contactId=${contactId}`)).status).toBe(200);
      return queries - before;
    };
    try {
      const small = await count();
      const more = Array.from({ length: 5 }, () => ({ orgId: org.id, id: randomUUID(), contactId, title: 'More', ownerId: org.users.csm.id }));
      await api.services.database.db.insert(deals).values(more);
      const large = await count();
      // The token lookup and the one brief statement.
      expect(small).toBe(2);
      expect(large).toBe(small);
    } finally {
      client.unsafe = unsafe;
    }
  });
});
