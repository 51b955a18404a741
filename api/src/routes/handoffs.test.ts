import { randomUUID } from 'node:crypto';
import type { Deal, Handoff, Notification } from '@baton/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, handoffs } from '../db/schema.ts';
import { createDeal, handOff, inDays, insertContact, readyHandoff } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';

let api: TestApi;
let org: TestOrg;
let other: TestOrg;
let contactId: string;

beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg();
  other = await api.seedOrg();
  contactId = await insertContact(api, org.id, { name: 'Jordan Lee', company: 'Acme' });
});
afterAll(() => api.close());

const getDeal = async (id: string, token = org.users.sdr.token) => (await (await api.request('GET', `/v1/deals/${id}`, { token })).json()) as Deal;
const notificationsOf = async (token: string) =>
  ((await (await api.request('GET', '/v1/notifications', { token })).json()) as { notifications: Notification[] }).notifications;

describe('POST /v1/deals/:id/handoffs', () => {
  it('hands the deal over in one go: ownership, next step, timeline, audit and the recipient notification', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const body = readyHandoff(deal, org.users.ae.id);
    const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body });
    expect(res.status).toBe(201);
    const handoff = (await res.json()) as Handoff;
    expect(handoff).toMatchObject({
      dealId: deal.id,
      contactId,
      kind: 'sdr_to_ae',
      fromUserId: org.users.sdr.id,
      toUserId: org.users.ae.id,
      status: 'pending',
      trigger: body.trigger,
      objections: 'None raised',
      nextStep: { what: 'Demo with the VP', dueAt: body.nextStep?.dueAt, ownerId: org.users.ae.id },
      warmIntro: 'intro_email',
      respondedAt: null,
    });

    const moved = await getDeal(deal.id);
    expect(moved).toMatchObject({
      ownerId: org.users.ae.id,
      version: 2,
      qualification: body.qualification,
      nextStep: { what: 'Demo with the VP', dueAt: body.nextStep?.dueAt, ownerId: org.users.ae.id },
    });

    const timeline = await api.services.database.db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, org.id), eq(activities.dealId, deal.id)))
      .orderBy(asc(activities.type));
    expect(timeline.map((a) => a.type)).toEqual(['handoff', 'owner_change']);
    expect(timeline[1]?.subject).toBe(`Owner: ${org.users.sdr.name} → ${org.users.ae.name}`);

    const [received] = await notificationsOf(org.users.ae.token);
    expect(received).toMatchObject({ type: 'handoff_received', handoffId: handoff.id, dealId: deal.id, contactId, readAt: null });
    expect(received?.title).toBe(`${org.users.sdr.name} handed you Acme — Jordan Lee`);
    expect(received?.body).toContain('Demo with the VP');

    const audit = await api.request('GET', `/v1/audit?entityId=${deal.id}`, { token: org.users.manager.token });
    const entries = ((await audit.json()) as { entries: { action: string; before: Deal; after: Deal }[] }).entries;
    expect(entries[0]).toMatchObject({ action: 'deal.handoff', before: { ownerId: org.users.sdr.id }, after: { ownerId: org.users.ae.id } });
  });

  it('answers 422 naming each missing field, with a past due date counting as missing', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, {
      token: org.users.sdr.token,
      body: readyHandoff(deal, org.users.ae.id, { trigger: '  ', nextStep: { what: 'Demo', dueAt: inDays(-1) } }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { missing: string[]; reasons: Record<string, string> } } };
    expect(body.error.code).toBe('handoff_not_ready');
    expect(body.error.details.missing).toEqual(['nextStep.dueAt', 'trigger']);
    expect(body.error.details.reasons['nextStep.dueAt']).toMatch(/past/);
    expect((await getDeal(deal.id)).ownerId).toBe(org.users.sdr.id);

    const bare = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body: { kind: 'sdr_to_ae', toUserId: org.users.ae.id, version: 1 } });
    expect(bare.status).toBe(422);
    const missing = ((await bare.json()) as { error: { details: { missing: string[] } } }).error.details.missing;
    expect(missing).toEqual(expect.arrayContaining(['trigger', 'discussed', 'objections', 'qualification.budget', 'nextStep.what', 'nextStep.dueAt', 'warmIntro']));
  });

  it('answers 422 for placeholder answers ("TBD", "n/a", "?"), as the panel does, and moves nothing', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, {
      token: org.users.sdr.token,
      body: readyHandoff(deal, org.users.ae.id, { qualification: { budget: 'TBD', authority: 'n/a', need: 'Faster handoffs', timeline: '?' } }),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { missing: string[]; reasons: Record<string, string> } } };
    expect(body.error.details.missing).toEqual(['qualification.budget', 'qualification.authority', 'qualification.timeline']);
    expect(body.error.details.reasons['qualification.budget']).toContain('"TBD" is a placeholder');
    expect(await getDeal(deal.id)).toMatchObject({ ownerId: org.users.sdr.id, version: deal.version });
  });

  it('checks the recipient, the caller, the version and the pending handoff', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const post = (token: string, body: object) => api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token, body });

    const wrongRole = await post(org.users.sdr.token, readyHandoff(deal, org.users.csm.id));
    expect(wrongRole.status).toBe(400);
    expect((await post(org.users.sdr.token, readyHandoff(deal, other.users.ae.id))).status).toBe(404);
    expect((await post(org.users.marketing.token, readyHandoff(deal, org.users.ae.id))).status).toBe(403);
    const stale = await post(org.users.sdr.token, readyHandoff({ version: 7 }, org.users.ae.id));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'conflict', details: { current: { id: deal.id, version: 1 } } } });
    expect((await post(org.users.sdr.token, { ...readyHandoff(deal, org.users.ae.id), kind: 'sdr_to_everyone' })).status).toBe(400);
    expect((await post(org.users.sdr.token, readyHandoff(deal, org.users.ae.id, { discussed: 'x\u0000y' }))).status).toBe(400);
    expect((await post(other.users.sdr.token, readyHandoff(deal, other.users.ae.id))).status).toBe(404);
    expect((await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { body: readyHandoff(deal, org.users.ae.id) })).status).toBe(401);

    // A manager may hand off any deal, but not to the one who already owns it.
    expect((await post(org.users.manager.token, readyHandoff(deal, org.users.ae.id))).status).toBe(201);
    const again = await post(org.users.manager.token, readyHandoff(await getDeal(deal.id), org.users.ae.id));
    expect(again.status).toBe(400);
  });

  it('refuses a second handoff while one is pending', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const deal = await createDeal(api, fresh.users.manager, contact);
    await handOff(api, fresh.users.manager, deal, fresh.users.ae);
    const after = await getDeal(deal.id, fresh.users.manager.token);
    // The manager may still act on it, but the first handoff waits for an answer.
    const res = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, {
      token: fresh.users.manager.token,
      body: readyHandoff(after, fresh.users.csm.id, { kind: 'ae_to_csm' }),
    });
    expect(res.status).toBe(409);
  });

  it('answers a replayed client id with the recorded handoff', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const body = readyHandoff(deal, org.users.ae.id, { id: randomUUID() });
    const first = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body });
    expect(first.status).toBe(201);
    const again = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: org.users.sdr.token, body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect((await getDeal(deal.id)).version).toBe(2);
  });

  it('answers a stale handoff 409 with the current deal, even when the winner moved ownership away', async () => {
    const fresh = await api.seedOrg();
    const deal = await createDeal(api, fresh.users.sdr, await insertContact(api, fresh.id));
    const won = await handOff(api, fresh.users.sdr, deal, fresh.users.ae);
    // The same sender, from a second tab that still shows version 1, hands the deal to someone else.
    const stale = await api.request('POST', `/v1/deals/${deal.id}/handoffs`, {
      token: fresh.users.sdr.token,
      body: readyHandoff(deal, fresh.users.manager.id, { kind: 'sdr_to_ae' }),
    });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: { code: string; details: { current: Deal } } };
    expect(body.error.code).toBe('conflict');
    expect(body.error.details.current).toMatchObject({ id: deal.id, version: 2, ownerId: won.toUserId });
  });

  it('lets exactly one of two concurrent handoffs win', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const secondAe = await import('../services/admin/admin.ts').then(async ({ addUser, createToken }) => {
      const user = await addUser(api.services.database.db, { orgId: fresh.id, email: 'ae2@example.com', name: 'AE Two', role: 'ae' });
      return { ...user, token: (await createToken(api.services.database.db, user)).token };
    });
    for (let round = 0; round < 3; round += 1) {
      const deal = await createDeal(api, fresh.users.sdr, contact, `Race ${round}`);
      const responses = await Promise.all(
        [fresh.users.ae.id, secondAe.id].map((to) =>
          api.request('POST', `/v1/deals/${deal.id}/handoffs`, { token: fresh.users.sdr.token, body: readyHandoff(deal, to) }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
      const winner = (await responses.find((r) => r.status === 201)?.json()) as Handoff;
      const list = await api.request('GET', `/v1/handoffs?dealId=${deal.id}`, { token: fresh.users.sdr.token });
      expect(((await list.json()) as { handoffs: Handoff[] }).handoffs.map((h) => h.id)).toEqual([winner.id]);
      expect(await getDeal(deal.id, fresh.users.sdr.token)).toMatchObject({ version: 2, ownerId: winner.toUserId });
    }
  });
});

describe('accepting and rejecting', () => {
  it('lets only the recipient accept, records the time to accept and tells the sender', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const handoff = await handOff(api, org.users.sdr, deal, org.users.ae);
    expect((await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: org.users.sdr.token })).status).toBe(403);
    expect((await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: other.users.ae.token })).status).toBe(404);
    const res = await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: org.users.ae.token });
    expect(res.status).toBe(200);
    const accepted = (await res.json()) as Handoff;
    expect(accepted.status).toBe('accepted');
    expect(accepted.respondedAt).not.toBeNull();
    expect(accepted.timeToAcceptMs).toBe(Date.parse(accepted.respondedAt ?? '') - Date.parse(handoff.createdAt));
    expect((await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: org.users.ae.token })).status).toBe(409);
    expect((await api.request('POST', `/v1/handoffs/${handoff.id}/reject`, { token: org.users.ae.token, body: { reason: 'late' } })).status).toBe(409);
    const told = (await notificationsOf(org.users.sdr.token)).find((n) => n.handoffId === handoff.id);
    expect(told).toMatchObject({ type: 'handoff_accepted', title: `${org.users.ae.name} accepted Acme — Jordan Lee` });
  });

  it('accepts a handoff that waited a year: the time to accept does not overflow', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const handoff = await handOff(api, org.users.sdr, deal, org.users.ae);
    const yearAgo = new Date(Date.now() - 366 * 24 * 3600 * 1000);
    await api.services.database.db
      .update(handoffs)
      .set({ createdAt: yearAgo })
      .where(and(eq(handoffs.orgId, org.id), eq(handoffs.id, handoff.id)));
    const res = await api.request('POST', `/v1/handoffs/${handoff.id}/accept`, { token: org.users.ae.token });
    expect(res.status).toBe(200);
    const accepted = (await res.json()) as Handoff;
    expect(accepted.timeToAcceptMs).toBe(Date.parse(accepted.respondedAt ?? '') - yearAgo.getTime());
    expect(accepted.timeToAcceptMs).toBeGreaterThan(2 ** 31);
  });

  it('sends the deal back to the sender with the reason', async () => {
    const deal = await createDeal(api, org.users.sdr, contactId);
    const handoff = await handOff(api, org.users.sdr, deal, org.users.ae);
    const noReason = await api.request('POST', `/v1/handoffs/${handoff.id}/reject`, { token: org.users.ae.token, body: { reason: '' } });
    expect(noReason.status).toBe(400);
    const nul = await api.request('POST', `/v1/handoffs/${handoff.id}/reject`, { token: org.users.ae.token, body: { reason: 'no\u0000' } });
    expect(nul.status).toBe(400);
    expect((await api.request('POST', `/v1/handoffs/${handoff.id}/reject`, { token: org.users.manager.token, body: { reason: 'x' } })).status).toBe(403);
    const res = await api.request('POST', `/v1/handoffs/${handoff.id}/reject`, { token: org.users.ae.token, body: { reason: 'Budget is not confirmed' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Budget is not confirmed', timeToAcceptMs: null });

    expect(await getDeal(deal.id)).toMatchObject({ ownerId: org.users.sdr.id, version: 3, nextStep: { ownerId: org.users.sdr.id } });
    const told = (await notificationsOf(org.users.sdr.token)).find((n) => n.handoffId === handoff.id);
    expect(told).toMatchObject({ type: 'handoff_rejected', body: 'Reason: Budget is not confirmed' });
    const owners = await api.services.database.db
      .select()
      .from(activities)
      .where(and(eq(activities.orgId, org.id), eq(activities.dealId, deal.id), eq(activities.type, 'owner_change')));
    expect(owners).toHaveLength(2);

    // Fixed and handed off again: a new pending handoff is allowed.
    const again = await handOff(api, org.users.sdr, await getDeal(deal.id), org.users.ae);
    expect(again.status).toBe('pending');
  });
});

describe('GET /v1/handoffs', () => {
  it('filters by recipient, sender, status and deal, within the organisation', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const first = await handOff(api, fresh.users.sdr, await createDeal(api, fresh.users.sdr, contact), fresh.users.ae);
    const second = await handOff(api, fresh.users.sdr, await createDeal(api, fresh.users.sdr, contact), fresh.users.ae);
    await api.request('POST', `/v1/handoffs/${first.id}/accept`, { token: fresh.users.ae.token });
    const ids = async (query: string, token: string) => {
      const res = await api.request('GET', `/v1/handoffs${query}`, { token });
      expect(res.status).toBe(200);
      return ((await res.json()) as { handoffs: Handoff[] }).handoffs.map((h) => h.id);
    };
    expect(await ids('?to=me&status=pending', fresh.users.ae.token)).toEqual([second.id]);
    expect(await ids('?from=me', fresh.users.sdr.token)).toEqual([second.id, first.id]);
    expect(await ids('?to=me', fresh.users.sdr.token)).toEqual([]);
    expect(await ids(`?dealId=${first.dealId}&status=accepted`, fresh.users.manager.token)).toEqual([first.id]);
    expect(await ids('', other.users.admin.token)).not.toContain(first.id);
    expect((await api.request('GET', '/v1/handoffs?status=maybe', { token: fresh.users.ae.token })).status).toBe(400);

    const one = await api.request('GET', `/v1/handoffs/${second.id}`, { token: fresh.users.ae.token });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(second);
    expect((await api.request('GET', `/v1/handoffs/${second.id}`, { token: other.users.ae.token })).status).toBe(404);
    expect((await api.request('POST', `/v1/handoffs/${second.id}/reject`, { token: other.users.ae.token, body: { reason: 'x' } })).status).toBe(404);
  });
});
