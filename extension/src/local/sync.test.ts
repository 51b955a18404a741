import 'fake-indexeddb/auto';
import { serverOnlyActivityTypes, type Activity, type Contact, type Deal } from '@baton/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../api-client/index.ts';
import { addContact, findContactByEmails } from './contacts.ts';
import { addNote, logThread } from './activities.ts';
import { createDeal, updateDeal } from './deals.ts';
import { openBatonDb, type BatonDb } from './db.ts';
import { localBrief } from './read.ts';
import { syncStatus } from './status.ts';
import { createSyncEngine, retryFailed, SERVER_ERROR_STRIKES } from './sync.ts';
import { clock, contextFor, freshDb, syncFixture, type Fault, type SyncFixture } from './testing.ts';
import type { ThreadInput } from './thread.ts';

let fx: SyncFixture;
// Starting the API on its own PostgreSQL database takes a moment on a loaded machine.
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

let people = 0;
function prospect() {
  people += 1;
  return { email: `prospect${people}@customer${people}.example`, name: `Prospect ${people}` };
}

function threadOf(sender: { email: string; name: string }, count: number, first = 0): ThreadInput {
  const base = 1_789_000_000_000_000_000n + BigInt(people) * 1000n;
  return {
    threadId: `18c${String(people).padStart(13, '0')}`,
    subject: 'Pilot for the EU team',
    messages: Array.from({ length: count }, (_, index) => ({
      messageId: String(base + BigInt(first + index)),
      from: { name: sender.name, email: sender.email },
      to: [{ name: 'Sam Rep', email: 'sdr@org1.example.com' }],
      cc: [],
      date: new Date(Date.UTC(2030, 0, 2, 9, first + index)).toISOString(),
      bodyText: `Message ${first + index}: can we start the pilot next month?`,
      collapsed: false,
    })),
  };
}

const get = async <T>(path: string): Promise<T> => {
  const res = await fx.api.request('GET', path, { token: fx.org.users.sdr.token });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

async function serverTimeline(contactId: string): Promise<Activity[]> {
  const all: Activity[] = [];
  let cursor: string | null = null;
  do {
    const page: { activities: Activity[]; nextCursor: string | null } = await get(`/v1/contacts/${contactId}/timeline${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    all.push(...page.activities);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function engineFor(db: BatonDb, time = clock(), random = () => 0.5, batchSize?: number) {
  return createSyncEngine({ db, client: () => fx.client, now: time.now, random, ...(batchSize ? { batchSize } : {}) });
}

async function drainUntilEmpty(db: BatonDb, engine: ReturnType<typeof engineFor>, rounds = 12): Promise<void> {
  for (let round = 0; round < rounds && (await db.outbox.count()) > 0; round += 1) await engine.drain({ force: true });
  expect(await db.outbox.toArray()).toEqual([]);
}

describe('sync to the real API', { timeout: 60_000 }, () => {
  it('keeps the outbox across a restart and delivers every record exactly once', async () => {
    fx.net.state.fault = 'none';
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const who = prospect();
    const contact = await addContact(ctx, { emails: [who.email], name: who.name });
    await logThread(ctx, threadOf(who, 3), { contactId: contact.id });
    await addNote(ctx, contact.id, 'Wants SSO before the pilot');
    expect(await db.outbox.count()).toBe(5);
    expect((await syncStatus(db)).message).toBe('5 waiting to sync');

    db.close();
    const reopened = openBatonDb(db.name);
    expect(await reopened.outbox.count()).toBe(5);
    const result = await engineFor(reopened, time).drain();
    expect(result).toMatchObject({ sent: 5, failed: 0, skipped: null, stoppedBy: null });

    const timeline = await serverTimeline(contact.id);
    const local = await reopened.activities.toArray();
    expect(timeline.map((a) => a.id).sort()).toEqual(local.map((a) => a.id).sort());
    expect(local.every((a) => a.synced)).toBe(true);
    expect(await syncStatus(reopened)).toMatchObject({ state: 'synced', pending: 0, failed: 0, lastSyncedAt: time.now().toISOString() });
  });

  it('goes offline with the rep message and backs off, then recovers', async () => {
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now);
    const who = prospect();
    const contact = await addContact(ctx, { emails: [who.email] });
    await addNote(ctx, contact.id, 'Call back after the board meeting');
    const engine = engineFor(db, time, () => 0.99);

    fx.net.state.fault = 'before-send';
    const first = await engine.drain();
    expect(first.stoppedBy?.kind).toBe('unreachable');
    expect(await syncStatus(db)).toMatchObject({ state: 'offline', pending: 2, message: 'API unreachable — your work is saved on this device' });
    const [resolveOp] = await db.outbox.orderBy('seq').toArray();
    expect(resolveOp?.attempts).toBe(1);
    const wait = Date.parse(resolveOp?.nextAttemptAt ?? '') - time.now().getTime();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(2_000);

    // Within the backoff an alarm-driven drain does not even try.
    const requestsBefore = fx.net.state.requests.length;
    expect((await engine.drain()).skipped).toBe('backoff');
    expect(fx.net.state.requests.length).toBe(requestsBefore);

    // Each failure doubles the cap (full jitter below it), never beyond five minutes.
    time.advance(2_000);
    await engine.drain();
    const retry = (await db.outbox.orderBy('seq').first())!;
    expect(retry.attempts).toBe(2);
    expect(Date.parse(retry.nextAttemptAt) - time.now().getTime()).toBeGreaterThan(2_000);
    expect(Date.parse(retry.nextAttemptAt) - time.now().getTime()).toBeLessThanOrEqual(4_000);

    fx.net.state.fault = 'none';
    time.advance(5 * 60_000);
    const recovered = await engine.drain();
    expect(recovered.sent).toBe(2);
    expect(await syncStatus(db)).toMatchObject({ state: 'synced', pending: 0 });
    expect((await serverTimeline(contact.id)).map((a) => a.body)).toEqual(['Call back after the board meeting']);
  });

  const faults: Fault[] = ['drop-response', 'duplicate', 'before-send'];
  it.each(faults)('loses and duplicates nothing when a request hits %s at any point of the drain', async (fault) => {
    // Requests of one clean drain: resolve, create deal, 3 activity batches of 4, update deal.
    for (let at = 0; at < 6; at += 1) {
      const time = clock();
      const db = freshDb();
      const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
      const who = prospect();
      const contact = await addContact(ctx, { emails: [who.email], name: who.name });
      const deal = await createDeal(ctx, { contactId: contact.id, title: `Pilot ${people}` });
      await logThread(ctx, threadOf(who, 10), { contactId: contact.id, dealId: deal.id });
      await addNote(ctx, contact.id, 'Budget confirmed', { dealId: deal.id });
      await updateDeal(ctx, deal.id, { stage: 'qualifying' });

      fx.net.state.fault = 'none';
      fx.net.state.plan = [...Array<Fault>(at).fill('none'), fault];
      const engine = engineFor(db, time, () => 0.5, 4);
      await drainUntilEmpty(db, engine);
      fx.net.state.plan = [];

      const local = (await db.activities.toArray()).map((a) => a.id).sort();
      // The server adds its own stage_change activity for the deal update: compare what clients write.
      const remote = (await serverTimeline(contact.id)).filter((a) => !(serverOnlyActivityTypes as readonly string[]).includes(a.type));
      expect(remote.map((a) => a.id).sort(), `${fault} at request ${at}`).toEqual(local);
      expect(local).toHaveLength(11);
      const { contacts } = await get<{ contacts: Contact[] }>(`/v1/contacts?email=${encodeURIComponent(who.email)}`);
      expect(contacts.map((c) => c.id)).toEqual([contact.id]);
      const { deals } = await get<{ deals: Deal[] }>(`/v1/deals?contactId=${contact.id}`);
      expect(deals.map((d) => [d.id, d.stage])).toEqual([[deal.id, 'qualifying']]);
      expect(await syncStatus(db)).toMatchObject({ state: 'synced' });
    }
  });

  it('logs a thread once however often it is logged, here or on a second machine (remapping its contact)', async () => {
    fx.net.state.fault = 'none';
    const who = prospect();
    const thread = threadOf(who, 4);
    const laptop = freshDb();
    const laptopCtx = contextFor(laptop, clock().now, fx.org.users.sdr.id);
    const contact = await addContact(laptopCtx, { emails: [who.email], name: who.name });
    expect(await logThread(laptopCtx, thread, { contactId: contact.id })).toMatchObject({ logged: 4, alreadyLogged: 0 });
    expect(await logThread(laptopCtx, thread, { contactId: contact.id })).toMatchObject({ logged: 0, alreadyLogged: 4 });
    expect(await laptop.activities.count()).toBe(4);
    await engineFor(laptop).drain();

    // The desktop does not know the contact: it creates its own, which the server folds into the known one.
    const desktop = freshDb();
    const desktopCtx = contextFor(desktop, clock().now, fx.org.users.sdr.id);
    const mine = await addContact(desktopCtx, { emails: [who.email.toUpperCase()] });
    expect(mine.id).not.toBe(contact.id);
    const deal = await createDeal(desktopCtx, { contactId: mine.id, title: 'Expansion' });
    await logThread(desktopCtx, threadOf(who, 5), { contactId: mine.id });
    await engineFor(desktop).drain();

    expect(await desktop.contacts.get(mine.id)).toBeUndefined();
    expect((await findContactByEmails(desktop, [who.email]))?.id).toBe(contact.id);
    expect((await desktop.deals.get(deal.id))?.contactId).toBe(contact.id);
    expect((await desktop.activities.toArray()).every((a) => a.contactId === contact.id)).toBe(true);
    expect((await localBrief(desktop, mine.id))?.contact.id).toBe(contact.id);
    const remote = await serverTimeline(contact.id);
    expect(remote.filter((a) => a.type === 'email')).toHaveLength(5);
    expect(new Set(remote.map((a) => a.id)).size).toBe(remote.length);
  });

  it('surfaces what the API refused, and does not retry it forever', async () => {
    fx.net.state.fault = 'none';
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const a = await addContact(ctx, { emails: [prospect().email] });
    const b = await addContact(ctx, { emails: [prospect().email] });
    const deal = await createDeal(ctx, { contactId: a.id, title: 'Pilot' });
    await addNote(ctx, b.id, 'Filed on the wrong deal', { dealId: deal.id });
    const engine = engineFor(db, time);
    expect(await engine.drain()).toMatchObject({ failed: 1 });
    const status = await syncStatus(db);
    expect(status).toMatchObject({ state: 'error', failed: 1, pending: 0 });
    expect(status.message).toContain('dealId is not a deal of this contact');

    // A stale version: 409, the server's deal replaces the local copy, the change stays visible as failed.
    await updateDeal(ctx, deal.id, { title: 'Pilot, phase 1' });
    await fx.client.updateDeal(deal.id, { version: 1, stage: 'qualified' });
    expect(await engine.drain()).toMatchObject({ failed: 1 });
    expect(await db.deals.get(deal.id)).toMatchObject({ stage: 'qualified', version: 2, synced: true });
    expect((await syncStatus(db)).failed).toBe(2);

    const requests = fx.net.state.requests.length;
    time.advance(60 * 60_000);
    await engine.drain({ force: true });
    expect(fx.net.state.requests.length).toBe(requests);
    expect(await retryFailed(db, time.now())).toBe(2);
  });

  it('isolates an activity the API keeps failing on: the rest of its batch is stored, it is set aside as failed', async () => {
    fx.net.state.fault = 'none';
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now, fx.org.users.sdr.id);
    const contact = await addContact(ctx, { emails: [prospect().email] });
    await drainUntilEmpty(db, engineFor(db, time));
    const notes = [];
    for (let i = 0; i < 6; i += 1) notes.push(await addNote(ctx, contact.id, `Note ${i}`));
    const poison = notes[2]!;
    fx.net.state.poisonActivityId = poison.id;
    try {
      const engine = engineFor(db, time);
      for (let round = 0; round < SERVER_ERROR_STRIKES; round += 1) await engine.drain({ force: true });
      const remote = (await serverTimeline(contact.id)).map((a) => a.id).sort();
      expect(remote).toEqual(notes.filter((n) => n.id !== poison.id).map((n) => n.id).sort());
      const left = await db.outbox.toArray();
      expect(left.map((op) => [op.entityId, op.state])).toEqual([[poison.id, 'failed']]);
      const status = await syncStatus(db);
      expect(status).toMatchObject({ state: 'error', failed: 1, pending: 0 });
      expect(status.message).toContain('failed on this activity');
      // Set aside: later drains do not send it again.
      const requests = fx.net.state.requests.length;
      await engine.drain({ force: true });
      expect(fx.net.state.requests.length).toBe(requests);
    } finally {
      fx.net.state.poisonActivityId = null;
    }
  });

  it('never sends twice when drains overlap', async () => {
    fx.net.state.fault = 'none';
    const time = clock();
    const db = freshDb();
    const ctx = contextFor(db, time.now);
    const contact = await addContact(ctx, { emails: [prospect().email] });
    await addNote(ctx, contact.id, 'Overlap');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slow = createApiClient({
      baseUrl: 'http://baton.test',
      token: fx.org.users.sdr.token,
      fetch: async (input, init) => {
        calls += 1;
        await gate;
        return fx.api.app.request(input, { ...init, signal: null });
      },
    });
    const worker = createSyncEngine({ db, client: () => slow, now: time.now });
    const first = worker.drain();
    const second = worker.drain();
    expect(second).toBe(first);
    await expect.poll(() => calls).toBe(1);
    expect(worker.drain({ force: true })).toBe(first);
    release();
    expect(await first).toMatchObject({ sent: 2 });
    expect(calls).toBe(2);
  });

  it('waits for settings when the extension is not configured', async () => {
    const db = freshDb();
    await addNote(contextFor(db, clock().now), crypto.randomUUID(), 'Offline from the start');
    const engine = createSyncEngine({ db, client: () => null });
    expect((await engine.drain()).skipped).toBe('not_configured');
    expect(await syncStatus(db)).toMatchObject({ state: 'error', message: 'Set the API URL and token in Options to sync (1 waiting to sync)' });
  });
});
