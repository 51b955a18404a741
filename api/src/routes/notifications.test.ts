import { randomUUID } from 'node:crypto';
import type { Notification } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeal, handOff, insertContact } from '../testing/deal-fixtures.ts';
import { createTestApi, type TestApi, type TestOrg } from '../testing/index.ts';
import { addUser, createToken, revokeTokens } from '../services/admin/admin.ts';
import { createSecondInstance } from '../testing/second-instance.ts';
import { readSse } from '../testing/sse.ts';

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

const handOffNewDeal = async (to = org.users.ae) => handOff(api, org.users.sdr, await createDeal(api, org.users.sdr, contactId), to);
const list = async (query: string, token: string) => {
  const res = await api.request('GET', `/v1/notifications${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as { notifications: Notification[]; unreadCount: number };
};

describe('notifications', () => {
  it('lists the caller notifications, unread and after a seq, and marks them read', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const handoffs = [];
    for (let i = 0; i < 3; i += 1) handoffs.push(await handOff(api, fresh.users.sdr, await createDeal(api, fresh.users.sdr, contact), fresh.users.ae));
    const all = await list('', fresh.users.ae.token);
    expect(all.unreadCount).toBe(3);
    expect(all.notifications.map((n) => n.handoffId)).toEqual(handoffs.map((h) => h.id).reverse());
    const [newest, middle, oldest] = all.notifications;
    if (!newest || !middle || !oldest) throw new Error('expected three notifications');
    expect((await list(`?after=${oldest.seq}`, fresh.users.ae.token)).notifications.map((n) => n.id)).toEqual([middle.id, newest.id]);
    expect((await list('', fresh.users.sdr.token)).notifications).toEqual([]);

    const read = await api.request('POST', `/v1/notifications/${middle.id}/read`, { token: fresh.users.ae.token });
    expect(read.status).toBe(200);
    expect(((await read.json()) as Notification).readAt).not.toBeNull();
    expect((await list('?unread=1', fresh.users.ae.token)).notifications.map((n) => n.id)).toEqual([newest.id, oldest.id]);

    expect((await api.request('POST', `/v1/notifications/${newest.id}/read`, { token: fresh.users.sdr.token })).status).toBe(404);
    expect((await api.request('POST', `/v1/notifications/${newest.id}/read`, { token: other.users.ae.token })).status).toBe(404);
    expect((await api.request('POST', `/v1/notifications/${randomUUID()}/read`, { token: fresh.users.ae.token })).status).toBe(404);
    expect((await api.request('GET', '/v1/notifications?after=-1', { token: fresh.users.ae.token })).status).toBe(400);
    expect((await api.request('GET', '/v1/notifications')).status).toBe(401);

    const all2 = await api.request('POST', '/v1/notifications/read-all', { token: fresh.users.ae.token });
    expect(await all2.json()).toEqual({ marked: 2 });
    expect((await list('?unread=1', fresh.users.ae.token)).unreadCount).toBe(0);
  });
});

describe('notification seqs', () => {
  it('number each organisation on its own, so a tenant cannot count another tenant’s notifications', async () => {
    const a = await api.seedOrg();
    const b = await api.seedOrg();
    const contactA = await insertContact(api, a.id);
    const contactB = await insertContact(api, b.id);
    await handOff(api, b.users.sdr, await createDeal(api, b.users.sdr, contactB), b.users.ae);
    for (let i = 0; i < 3; i += 1) await handOff(api, a.users.sdr, await createDeal(api, a.users.sdr, contactA), a.users.ae);
    await handOff(api, b.users.sdr, await createDeal(api, b.users.sdr, contactB), b.users.ae);
    const seqs = async (token: string) => (await list('', token)).notifications.map((n) => n.seq).sort((x, y) => x - y);
    expect(await seqs(a.users.ae.token)).toEqual([1, 2, 3]);
    expect(await seqs(b.users.ae.token)).toEqual([1, 2]);
  });
});

describe('GET /v1/notifications/stream', () => {
  it('sends unread notifications on connect, then live ones as they happen', async () => {
    const earlier = await handOffNewDeal(org.users.ae);
    const controller = new AbortController();
    const res = await api.app.request('/v1/notifications/stream', { headers: { authorization: `Bearer ${org.users.ae.token}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = readSse(res);
    const first = await stream.next();
    expect(first.event).toBe('notification');
    const backlog = JSON.parse(first.data) as Notification;
    expect(backlog).toMatchObject({ type: 'handoff_received', handoffId: earlier.id });
    expect(first.id).toBe(String(backlog.seq));

    await stream.next('ready');
    const live = await handOffNewDeal(org.users.ae);
    const next = await stream.next();
    expect(JSON.parse(next.data)).toMatchObject({ handoffId: live.id, userId: org.users.ae.id });
    expect(Number(next.id)).toBeGreaterThan(backlog.seq);

    // The sender's "accepted" notification is not for this stream: the next event is the caller's own.
    await api.request('POST', `/v1/handoffs/${live.id}/accept`, { token: org.users.ae.token });
    const third = await handOffNewDeal(org.users.ae);
    expect(JSON.parse((await stream.next()).data)).toMatchObject({ handoffId: third.id, userId: org.users.ae.id });
    controller.abort();
    await stream.close();
  });

  it('resumes after Last-Event-ID (header or query) and keeps streams of other users apart', async () => {
    const fresh = await api.seedOrg();
    const contact = await insertContact(api, fresh.id);
    const a = await handOff(api, fresh.users.sdr, await createDeal(api, fresh.users.sdr, contact), fresh.users.ae);
    const b = await handOff(api, fresh.users.sdr, await createDeal(api, fresh.users.sdr, contact), fresh.users.ae);
    const [seen] = (await list(`?limit=1`, fresh.users.ae.token)).notifications.slice(-1);
    const seqOfA = (await list('', fresh.users.ae.token)).notifications.find((n) => n.handoffId === a.id)?.seq;
    expect(seen?.handoffId).toBe(b.id);

    const resumed = readSse(await api.app.request('/v1/notifications/stream', { headers: { authorization: `Bearer ${fresh.users.ae.token}`, 'last-event-id': String(seqOfA) } }));
    expect(JSON.parse((await resumed.next()).data)).toMatchObject({ handoffId: b.id });
    await resumed.close();

    const byQuery = readSse(await api.app.request(`/v1/notifications/stream?lastEventId=${seqOfA}`, { headers: { authorization: `Bearer ${fresh.users.ae.token}` } }));
    expect(JSON.parse((await byQuery.next()).data)).toMatchObject({ handoffId: b.id });

    // The sender's stream, opened from zero, holds none of the recipient's notifications.
    const sender = readSse(await api.app.request('/v1/notifications/stream?lastEventId=0', { headers: { authorization: `Bearer ${fresh.users.sdr.token}` } }));
    await api.request('POST', `/v1/handoffs/${a.id}/accept`, { token: fresh.users.ae.token });
    expect(JSON.parse((await sender.next()).data)).toMatchObject({ type: 'handoff_accepted', handoffId: a.id, userId: fresh.users.sdr.id });
    await sender.close();
    await byQuery.close();

    const bad = await api.request('GET', '/v1/notifications/stream', { token: fresh.users.ae.token, headers: { 'last-event-id': 'yesterday' } });
    expect(bad.status).toBe(400);
    expect((await api.request('GET', '/v1/notifications/stream')).status).toBe(401);
  });

  const freshToken = async (orgId: string) => {
    const user = await addUser(api.services.database.db, { orgId, email: `${randomUUID()}@org.example.com`, name: 'Short-lived', role: 'ae' });
    return (await createToken(api.services.database.db, user)).token;
  };

  it('ends an open stream within seconds once its token is revoked', async () => {
    const token = await freshToken(org.id);
    const stream = readSse(await api.request('GET', '/v1/notifications/stream', { token }));
    await stream.next('ready');
    expect(await revokeTokens(api.services.database.db, { token })).toBe(1);
    await expect(stream.next()).rejects.toThrow('the event stream ended');
  });

  it('caps the streams one token holds open', async () => {
    const token = await freshToken(org.id);
    const open = [];
    for (let i = 0; i < api.services.env.maxStreamsPerToken; i += 1) {
      const res = await api.request('GET', '/v1/notifications/stream', { token });
      expect(res.status).toBe(200);
      open.push(readSse(res));
    }
    const refused = await api.request('GET', '/v1/notifications/stream', { token });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('open notification streams') } });
    await open[0]?.next('ready');
    await open[0]?.close();
    // Closing one frees its place (the server notices the cancelled body).
    await expect.poll(async () => {
      const res = await api.request('GET', '/v1/notifications/stream', { token });
      if (res.status === 200) open.push(readSse(res));
      return res.status;
    }).toBe(200);
    for (const stream of open.slice(1)) await stream.close();
  });

  it('ends a stream on another API process when its token is revoked through this one', async () => {
    const second = await createSecondInstance(api);
    try {
      const token = await freshToken(org.id);
      const stream = readSse(await second.request('GET', '/v1/notifications/stream', { token }));
      await stream.next('ready');
      await revokeTokens(api.services.database.db, { token });
      await expect(stream.next()).rejects.toThrow('the event stream ended');
    } finally {
      await second.close();
    }
  });

  it('carries a handoff made through one API process to a stream on another', async () => {
    const second = await createSecondInstance(api);
    try {
      const res = await second.request('GET', '/v1/notifications/stream?lastEventId=0', { token: org.users.csm.token });
      expect(res.status).toBe(200);
      const stream = readSse(res);
      // After `ready` the backlog is read: what follows can only come through LISTEN/NOTIFY.
      await stream.next('ready');
      const deal = await createDeal(api, org.users.ae, contactId);
      const handoff = await handOff(api, org.users.ae, deal, org.users.csm, { kind: 'ae_to_csm' });
      const event = await stream.next();
      expect(JSON.parse(event.data)).toMatchObject({ type: 'handoff_received', handoffId: handoff.id, userId: org.users.csm.id });
      await stream.close();
    } finally {
      await second.close();
    }
  });
});
