import 'fake-indexeddb/auto';
import { createTestApi, type TestApi, type TestOrg } from '@baton/api/testing';
import { fakeBrowser } from 'wxt/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api-client/index.ts';
import { gmailActivityId } from '../local/uuid.ts';
import { freshDb } from '../local/testing.ts';
import { handOffNewDeal, notificationsOf, resolveContact, signedIn, testNetwork } from './testing.ts';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
const { startNotificationService, NOTIFY_ALARM } = await import('./service.ts');
const { createSyncEngine } = await import('../local/sync.ts');
const { updateSettings } = await import('../settings/index.ts');

let api: TestApi;
let org: TestOrg;
let contactId: string;
beforeAll(async () => {
  api = await createTestApi();
  org = await api.seedOrg('Notify Co');
  contactId = await resolveContact(api, org.users.sdr, 'jordan.lee@acme.example', 'Jordan Lee', 'Acme');
}, 120_000);
afterAll(() => api.close());

let shown: ReturnType<typeof vi.spyOn>;
let opened: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  shown = vi.spyOn(fakeBrowser.notifications, 'create');
  opened = vi.spyOn(fakeBrowser.tabs, 'create');
});

/** How many times each notification id was shown. */
const showCounts = () => {
  const counts: Record<string, number> = {};
  for (const [id] of shown.mock.calls as [string][]) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
};
const badge = () => fakeBrowser.action.getBadgeText({});
const onScreen = async () => Object.keys(await fakeBrowser.notifications.getAll());
const fireAlarm = () => fakeBrowser.alarms.onAlarm.trigger({ name: NOTIFY_ALARM, scheduledTime: Date.now(), periodInMinutes: 1 });

async function start(org: TestOrg, user = org.users.ae, net = testNetwork(api), db = freshDb()) {
  await updateSettings(signedIn(org, user));
  const service = startNotificationService({ db, fetch: net.fetch, sleep: net.sleep, random: () => 0.5 });
  return { service, net, db };
}

describe('notifications in the background', { timeout: 60_000 }, () => {
  it('streams a real handoff into one system notification, the cache and the badge, and resumes after a drop with Last-Event-ID', async () => {
    const fresh = await api.seedOrg('Stream Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'sam.rivera@globex.example', 'Sam Rivera', 'Globex');
    const { service, net, db } = await start(fresh);
    try {
      expect(await fakeBrowser.alarms.get(NOTIFY_ALARM)).toMatchObject({ periodInMinutes: 1 });
      await expect.poll(() => service.streamState()?.status).toBe('live');
      expect(net.streams).toEqual([{ lastEventId: null }]);

      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
      const [first] = await notificationsOf(api, fresh.users.ae);
      if (!first) throw new Error('the handoff wrote no notification');
      await expect.poll(showCounts).toEqual({ [first.id]: 1 });
      expect(shown).toHaveBeenCalledWith(first.id, expect.objectContaining({ type: 'basic', title: first.title, message: first.body }));
      expect(first.title).toBe(`${fresh.users.sdr.name} handed you Globex — Sam Rivera`);
      expect(await db.notifications.get(first.id)).toMatchObject({ id: first.id, unread: 1, contactId: contact });
      await expect.poll(badge).toBe('1');

      // The connection drops; while it is down a second handoff happens.
      net.setOffline(true);
      net.cutStreams();
      await expect.poll(() => service.streamState()?.status).toBe('waiting');
      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact, 'Globex expansion');
      net.setOffline(false);
      await expect.poll(badge).toBe('2');
      const second = (await notificationsOf(api, fresh.users.ae)).find((n) => n.id !== first.id);
      expect(showCounts()).toEqual({ [first.id]: 1, [second?.id ?? 'missing']: 1 });
      expect(net.streams.at(-1)).toEqual({ lastEventId: String(first.seq) });
      // Backoff: at least the floor, with jitter applied to the exponential cap.
      expect(net.delays.every((ms) => ms >= 1_000)).toBe(true);
    } finally {
      await service.stop();
    }
  });

  it('a restarted worker resumes from the persisted seq and never shows a notification twice', async () => {
    const fresh = await api.seedOrg('Restart Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'ana.diaz@initech.example', 'Ana Diaz', 'Initech');
    const db = freshDb();
    const first = await start(fresh, fresh.users.ae, testNetwork(api), db);
    await expect.poll(() => first.service.streamState()?.status).toBe('live');
    await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
    await expect.poll(badge).toBe('1');
    await first.service.stop();
    const [seen] = await notificationsOf(api, fresh.users.ae);

    // The worker is gone; a handoff lands meanwhile. The new worker starts with the same storage and database.
    await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact, 'Initech renewal');
    const net = testNetwork(api);
    const service = startNotificationService({ db, fetch: net.fetch, sleep: net.sleep, random: () => 0.5 });
    try {
      await expect.poll(badge).toBe('2');
      expect(net.streams[0]).toEqual({ lastEventId: String(seen?.seq) });
      const ids = (await notificationsOf(api, fresh.users.ae)).map((n) => n.id);
      expect(showCounts()).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    } finally {
      await service.stop();
    }
  });

  it('the alarm polls what the stream missed, and a row delivered by both is shown once', async () => {
    const fresh = await api.seedOrg('Poll Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'lee.chen@umbrella.example', 'Lee Chen', 'Umbrella');
    const net = testNetwork(api);
    net.setRefuseStreams(true);
    const { service, db } = await start(fresh, fresh.users.ae, net);
    try {
      await expect.poll(() => service.streamState()?.status).toBe('waiting');
      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact, 'Umbrella pilot 2');
      const notifications = await notificationsOf(api, fresh.users.ae);
      expect(notifications).toHaveLength(2);

      await fireAlarm();
      await expect.poll(badge).toBe('2');
      expect(showCounts()).toEqual(Object.fromEntries(notifications.map((n) => [n.id, 1])));
      expect(await db.notifications.count()).toBe(2);

      // The stream comes back; polls keep running beside it: still one notification per row.
      net.setRefuseStreams(false);
      await expect.poll(() => service.streamState()?.status).toBe('live');
      await service.poll();
      await service.poll();
      expect(showCounts()).toEqual(Object.fromEntries(notifications.map((n) => [n.id, 1])));
      expect(await badge()).toBe('2');
    } finally {
      await service.stop();
    }
  });

  it('a first connect gets the same rows from the stream backlog and a concurrent poll, and shows each once', async () => {
    const fresh = await api.seedOrg('Race Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'kai.ono@hooli.example', 'Kai Ono', 'Hooli');
    await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
    await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact, 'Hooli pilot 2');
    const { service } = await start(fresh);
    try {
      await Promise.all([service.poll(), expect.poll(() => service.streamState()?.status).toBe('live')]);
      const ids = (await notificationsOf(api, fresh.users.ae)).map((n) => n.id);
      expect(showCounts()).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
      await expect.poll(badge).toBe('2');
    } finally {
      await service.stop();
    }
  });

  it('a notification read elsewhere leaves the badge and the screen at the next poll', async () => {
    const fresh = await api.seedOrg('Elsewhere Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'mo.ali@stark.example', 'Mo Ali', 'Stark');
    const { service } = await start(fresh);
    try {
      await expect.poll(() => service.streamState()?.status).toBe('live');
      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
      await expect.poll(badge).toBe('1');
      const [notification] = await notificationsOf(api, fresh.users.ae);
      expect(await onScreen()).toEqual([notification?.id]);

      // Read on the rep's other machine.
      expect((await api.request('POST', `/v1/notifications/${notification?.id}/read`, { token: fresh.users.ae.token })).status).toBe(200);
      await fireAlarm();
      await expect.poll(badge).toBe('');
      expect(await onScreen()).toEqual([]);
    } finally {
      await service.stop();
    }
  });

  it("a click opens a Gmail search for the prospect in the recipient's own mailbox (not the sender's thread), marks the notification read and syncs it", async () => {
    // The SDR logged two emails of two threads in the SDR's mailbox: those thread ids mean nothing in the AE's.
    const emails = [
      { thread: '18c2f0a1b2c3d4e5', message: '1870000000000001', at: '2030-01-10T09:00:00.000Z' },
      { thread: '18c2f0a1b2c3d4f6', message: '1870000000000002', at: '2030-01-12T09:00:00.000Z' },
    ];
    const activities = await Promise.all(
      emails.map(async (email) => ({
        id: await gmailActivityId(email.message),
        contactId,
        type: 'email',
        occurredAt: email.at,
        subject: 'Re: handoffs',
        body: 'Happy to see a demo.',
        source: { gmailThreadId: email.thread, gmailMessageId: email.message },
      })),
    );
    expect((await api.request('POST', '/v1/activities/batch', { token: org.users.sdr.token, body: { activities } })).status).toBe(200);

    const db = freshDb();
    const client = createApiClient({ baseUrl: 'http://baton.test', token: org.users.ae.token, fetch: (input, init) => api.app.request(input, init) });
    const engine = createSyncEngine({ db, client: async () => client });
    const net = testNetwork(api);
    await updateSettings(signedIn(org, org.users.ae));
    const service = startNotificationService({ db, fetch: net.fetch, sleep: net.sleep, random: () => 0.5, afterRead: () => void engine.drain({ force: true }) });
    try {
      await expect.poll(() => service.streamState()?.status).toBe('live');
      await handOffNewDeal(api, org.users.sdr, org.users.ae, contactId);
      const [notification] = await notificationsOf(api, org.users.ae);
      if (!notification) throw new Error('no notification');
      await expect.poll(badge).toBe('1');

      // Nothing about the contact is cached on this device yet: the click fetches the brief first.
      expect(await db.activities.count()).toBe(0);
      await fakeBrowser.notifications.onClicked.trigger(notification.id);
      await expect.poll(() => opened.mock.calls).toHaveLength(1);
      const address = (await db.contacts.get(contactId))?.emails[0] ?? 'no contact cached';
      expect(opened.mock.calls).toEqual([[{ url: `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(address)}` }]]);
      await expect.poll(badge).toBe('');
      expect(await db.notifications.get(notification.id)).toMatchObject({ unread: 0 });
      expect(await onScreen()).toEqual([]);
      await expect.poll(async () => (await notificationsOf(api, org.users.ae)).find((n) => n.id === notification.id)?.readAt).not.toBeNull();
    } finally {
      await service.stop();
    }
  });

  it("without a logged thread, a click opens a Gmail search for the prospect's email", async () => {
    const fresh = await api.seedOrg('Search Co');
    const contact = await resolveContact(api, fresh.users.sdr, 'Priya.Nair+acme@wayne.example', 'Priya Nair', 'Wayne');
    const { service } = await start(fresh);
    try {
      await expect.poll(() => service.streamState()?.status).toBe('live');
      await handOffNewDeal(api, fresh.users.sdr, fresh.users.ae, contact);
      const [notification] = await notificationsOf(api, fresh.users.ae);
      if (!notification) throw new Error('no notification');
      await expect.poll(badge).toBe('1');
      expect(await service.open(notification.id)).toBe('https://mail.google.com/mail/u/0/#search/priya.nair%2Bacme%40wayne.example');
      await expect.poll(badge).toBe('');
    } finally {
      await service.stop();
    }
  });

  it('restarts on a new token, stops cleanly on sign-out, and stops retrying a refused token', async () => {
    const fresh = await api.seedOrg('Switch Co');
    const net = testNetwork(api);
    const { service } = await start(fresh, fresh.users.ae, net);
    try {
      await expect.poll(() => service.streamState()?.status).toBe('live');
      await updateSettings({ token: fresh.users.sdr.token });
      await expect.poll(() => net.streams.length).toBe(2);
      await expect.poll(() => service.streamState()?.status).toBe('live');

      await updateSettings({ token: null });
      // Watchers read the token from the secret store, so they hear of it a moment later.
      await expect.poll(() => service.streamState()).toBeNull();
      await service.settled();
      expect(await badge()).toBe('');

      await updateSettings({ token: 'baton_not_a_real_token' });
      await expect.poll(() => service.streamState()?.status).toBe('unauthorized');
      expect(net.streams).toHaveLength(3);
    } finally {
      await service.stop();
    }
  });
});
