import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClientError, type ApiClient } from '../api-client/index.ts';
import { createSyncEngine } from '../local/sync.ts';
import { clock, freshDb, syncFixture, type SyncFixture } from '../local/testing.ts';
import type { ThreadInput } from '../local/thread.ts';
import { createBridgeClient } from './client.ts';
import { BridgeError } from './errors.ts';
import { startBridgeServer } from './server.ts';
import { fakeRuntime } from './testing.ts';

let fx: SyncFixture;
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

/** The background (server over a fresh database) and one page (client), joined by in-memory ports. */
function wired(options: { client?: ApiClient | null; userId?: string | null } = {}) {
  const db = freshDb();
  const runtime = fakeRuntime();
  const time = clock(new Date().toISOString());
  const queued: string[] = [];
  const server = startBridgeServer({
    db,
    extensionId: runtime.extensionId,
    extensionOrigin: runtime.origin,
    onConnect: runtime.onConnect,
    userId: async () => options.userId ?? fx.org.users.sdr.id,
    client: async () => options.client ?? null,
    onQueued: () => queued.push('sync'),
    syncNow: async () => {
      queued.push('sync now');
      await createSyncEngine({ db, client: () => options.client ?? null, now: time.now }).drain({ force: true });
    },
    now: time.now,
    changeDebounceMs: 5,
  });
  const bridge = createBridgeClient({ connect: () => runtime.connect() });
  return { db, runtime, server, bridge, queued, time };
}

const thread = (count: number): ThreadInput => ({
  threadId: '18c2f0a1b2c3d4e6',
  subject: 'Pilot',
  messages: Array.from({ length: count }, (_, index) => ({
    messageId: String(1_791_000_000_000_000_000n + BigInt(index)),
    from: { name: 'Robin Vale', email: 'robin@prospect.example' },
    to: [{ name: null, email: 'sdr@org1.example.com' }],
    cc: [],
    date: `2030-01-03T10:${String(index % 60).padStart(2, '0')}:00`,
    bodyText: `Message ${index}`,
    collapsed: false,
  })),
});

describe('bridge', { timeout: 60_000 }, () => {
  it('answers a call with the local functions over the background database, and wakes sync after a write', async () => {
    const { db, bridge, queued } = wired();
    const contact = await bridge.addContact({ contact: { emails: ['Robin@Prospect.example'], name: 'Robin Vale' } });
    expect(contact).toMatchObject({ name: 'Robin Vale', emails: ['robin@prospect.example'], ownerId: fx.org.users.sdr.id, synced: false });
    expect(await db.contacts.get(contact.id)).toMatchObject({ name: 'Robin Vale' });
    expect(queued).toEqual(['sync']);

    const found = await bridge.threadBrief({ emails: ['robin@prospect.example', 'nobody@else.example'] });
    expect(found.known).toEqual(['robin@prospect.example']);
    expect(found.brief?.contact.id).toBe(contact.id);
    expect(await bridge.syncStatus({})).toMatchObject({ pending: 1, state: 'waiting', message: '1 waiting to sync' });
    expect(await bridge.findContactByEmails({ emails: ['nobody@else.example'] })).toBeNull();
    bridge.close();
  });

  it('refuses params that do not parse, before touching the database', async () => {
    const { db, bridge } = wired();
    const error = await bridge.addNote({ contactId: 42 as never, text: 'hello' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BridgeError);
    expect(error).toMatchObject({ kind: 'invalid_params', details: { issues: [expect.objectContaining({ path: ['contactId'] })] } });
    await expect(bridge.logThread({ thread: { threadId: '', subject: null, messages: [] }, target: { contactId: 'x' } })).rejects.toMatchObject({
      kind: 'invalid_params',
    });
    // A local rule (not the wire schema) refusing input is reported the same way.
    await expect(bridge.addContact({ contact: { name: 'No identity' } })).rejects.toMatchObject({ kind: 'invalid_params' });
    await expect((bridge as unknown as Record<string, (params: unknown) => Promise<unknown>>).nope?.({})).rejects.toMatchObject({ kind: 'unknown_method' });
    expect(await db.activities.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    bridge.close();
  });

  it('carries API errors across with kind, status, code and details intact', async () => {
    fx.net.state.fault = 'none';
    const { db, bridge, time } = wired({ client: fx.client });
    const contact = await bridge.addContact({ contact: { emails: ['quinn@prospect.example'] } });
    const deal = await bridge.createDeal({ input: { contactId: contact.id, title: 'Rollout' } });
    await createSyncEngine({ db, client: () => fx.client, now: time.now }).drain();

    const error = await bridge
      .submitHandoffNow({ dealId: deal.id, handoff: { kind: 'sdr_to_ae', toUserId: fx.org.users.ae.id, version: 1 } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ kind: 'not_ready', status: 422, code: 'handoff_not_ready', details: { missing: expect.arrayContaining(['trigger', 'discussed']) } });
    expect((error as ApiClientError).userMessage).toBe('The handoff is not ready yet — fill in the missing fields');

    await expect(bridge.fetchBrief({ query: { email: 'stranger@nowhere.example' } })).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    const brief = await bridge.fetchBrief({ query: { contactId: contact.id } });
    expect(brief.deal?.id).toBe(deal.id);

    const unconfigured = wired({ client: null });
    await expect(unconfigured.bridge.users({})).rejects.toMatchObject({ kind: 'not_configured' });
    bridge.close();
    unconfigured.bridge.close();
  });

  it('reports progress while logging a long thread, then the result', async () => {
    const { bridge } = wired();
    const contact = await bridge.addContact({ contact: { emails: ['robin@prospect.example'] } });
    const progress: { done: number; total: number }[] = [];
    const result = await bridge.logThread({ thread: thread(60), target: { contactId: contact.id } }, { onProgress: (step) => progress.push(step) });
    expect(result).toMatchObject({ logged: 60, alreadyLogged: 0, total: 60 });
    expect(progress[0]).toEqual({ done: 0, total: 60 });
    expect(progress.at(-1)).toEqual({ done: 60, total: 60 });
    expect(progress.length).toBeGreaterThan(3);
    expect(await bridge.isThreadLogged({ threadId: thread(1).threadId })).toBe(true);
    expect(await bridge.unloggedMessages({ thread: thread(62) })).toHaveLength(2);
    bridge.close();
  });

  it('tells every connected page which tables changed, after the write committed', async () => {
    const { runtime, bridge } = wired();
    const other = createBridgeClient({ connect: () => runtime.connect({ id: runtime.extensionId, url: `${runtime.origin}popup.html` }) });
    const seen: string[][] = [];
    const reads: number[] = [];
    const stop = other.onChange((tables) => {
      seen.push(tables);
      void other.syncStatus({}).then((status) => reads.push(status.pending));
    });
    const contact = await bridge.addContact({ contact: { emails: ['sam@prospect.example'] } });
    await vi.waitFor(() => expect(reads).toContain(1));
    expect(seen.flat()).toEqual(expect.arrayContaining(['contacts', 'outbox']));

    await bridge.addNote({ contactId: contact.id, text: 'Called back' });
    await vi.waitFor(() => expect(reads).toContain(2));
    stop();
    other.close();
    bridge.close();
  });

  it('refuses ports from other extensions and from content scripts', async () => {
    const { runtime, server } = wired();
    const foreign = runtime.connect({ id: 'someotherextensionidsomeotherext', url: 'chrome-extension://someotherextensionidsomeotherext/x.html' });
    const contentScript = runtime.connect({ id: runtime.extensionId, url: 'https://mail.google.com/mail/u/0/#inbox' });
    const dropped: string[] = [];
    foreign.onDisconnect.addListener(() => dropped.push('foreign'));
    contentScript.onDisconnect.addListener(() => dropped.push('content script'));
    await vi.waitFor(() => expect(dropped.sort()).toEqual(['content script', 'foreign']));
    expect(server.connections()).toBe(0);
    expect(() => foreign.postMessage({ id: 1, method: 'syncStatus', params: {} })).toThrow(/disconnected/);
  });

  it('survives the worker stopping: a read is sent again on a new port, a write in flight says it may not have landed', async () => {
    const { runtime, bridge } = wired();
    const contact = await bridge.addContact({ contact: { emails: ['kai@prospect.example'] } });
    const changes: string[][] = [];
    bridge.onChange((tables) => changes.push(tables));

    const read = bridge.localBrief({ contactId: contact.id });
    const write = bridge.addNote({ contactId: contact.id, text: 'lost?' });
    runtime.stopWorker();
    const [readOutcome, writeOutcome] = await Promise.allSettled([read, write]);
    expect(readOutcome).toMatchObject({ status: 'fulfilled', value: { contact: { id: contact.id } } });
    expect(writeOutcome).toMatchObject({ status: 'rejected', reason: { kind: 'disconnected' } });
    // Pages that watch are reconnected and told to re-read everything.
    await vi.waitFor(() => expect(changes).toContainEqual(['*']));
    expect(await bridge.syncStatus({})).toMatchObject({ pending: 1 });
    bridge.close();
  });

  it('stops offering a likely duplicate once the rep says it is not the same person', async () => {
    fx.net.state.fault = 'none';
    const resolve = (email: string) =>
      fx.api.request('POST', '/v1/contacts/resolve', { token: fx.org.users.sdr.token, body: { emails: [email], name: 'Quinn Ashby', company: 'Larch Ltd' } });
    const first = ((await (await resolve('quinn@larch.example')).json()) as { contact: { id: string } }).contact.id;
    const second = ((await (await resolve('q.ashby@larch.example')).json()) as { contact: { id: string } }).contact.id;
    const { bridge } = wired({ client: fx.client });
    expect((await bridge.contactDuplicates({ contactId: first })).map((c) => c.id)).toEqual([second]);
    await bridge.declineDuplicate({ contactId: second, duplicateId: first });
    expect(await bridge.contactDuplicates({ contactId: first })).toEqual([]);
    bridge.close();
  });
  it('drains the outbox on "sync now", and tells the sidebar frame which tab it is in', async () => {
    fx.net.state.fault = 'none';
    const { runtime, bridge, queued } = wired({ client: fx.client });
    const contact = await bridge.addContact({ contact: { emails: ['noor@prospect.example'] } });
    expect(await bridge.syncStatus({})).toMatchObject({ pending: 1 });
    await bridge.syncNow({});
    expect(queued).toContain('sync now');
    expect(await bridge.syncStatus({})).toMatchObject({ pending: 0, state: 'synced' });
    expect(await fx.client.getContact(contact.id)).toMatchObject({ emails: ['noor@prospect.example'] });

    expect(await bridge.whichTab({})).toEqual({ tabId: 7 });
    const popup = createBridgeClient({ connect: () => runtime.connect({ id: runtime.extensionId, url: `${runtime.origin}popup.html` }) });
    expect(await popup.whichTab({})).toEqual({ tabId: null });
    popup.close();
    bridge.close();
  });

  it('runs a call sent again after a dropped port only when its method is idempotent', async () => {
    const { db, runtime } = wired();
    const port = runtime.connect();
    const answers: unknown[] = [];
    port.onMessage.addListener((message) => answers.push(message));
    port.postMessage({ id: 1, method: 'addContact', params: { contact: { emails: ['once@prospect.example'] } }, retry: true });
    port.postMessage({ id: 2, method: 'syncStatus', params: {}, retry: true });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers).toContainEqual({ id: 1, ok: false, error: expect.objectContaining({ kind: 'disconnected', userMessage: expect.stringMatching(/check whether it was saved/) }) });
    expect(answers).toContainEqual({ id: 2, ok: true, result: expect.objectContaining({ pending: 0 }) });
    expect(await db.contacts.count()).toBe(0);
  });

  it('is a plain object to anything that probes it: not a promise, no symbol methods', async () => {
    const { bridge } = wired();
    expect(await Promise.resolve(bridge)).toBe(bridge);
    expect((bridge as unknown as Record<symbol, unknown>)[Symbol.toPrimitive]).toBeUndefined();
    expect(bridge.syncStatus).toBe(bridge.syncStatus);
    bridge.close();
  });
});
