import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { observeConnection, readConnection } from './connection.ts';
import { handoffDelivery } from './handoff-delivery.ts';
import { syncStatus } from './status.ts';
import { freshDb } from './testing.ts';

const answering = (status: number) => async () => new Response('{}', { status });
const refusing = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

describe('the connection state', () => {
  it('is what the last request learned, and the status says it even with nothing waiting', async () => {
    const db = freshDb();
    expect(await syncStatus(db)).toMatchObject({ state: 'synced', connection: 'unknown' });

    await expect(observeConnection(db, refusing)('http://api/v1/brief', {})).rejects.toThrow('Failed to fetch');
    await expect.poll(async () => (await readConnection(db)).state).toBe('unreachable');
    expect(await syncStatus(db)).toMatchObject({ state: 'offline', pending: 0, message: 'API unreachable' });

    await observeConnection(db, answering(200))('http://api/v1/me', {});
    await expect.poll(async () => (await syncStatus(db)).state).toBe('synced');

    await observeConnection(db, answering(401))('http://api/v1/me', {});
    await expect.poll(async () => (await syncStatus(db)).message).toBe('Token rejected — paste a new one in Options');

    // A 404 is an answer: the API is there and the token works.
    await observeConnection(db, answering(404))('http://api/v1/contacts/x', {});
    await expect.poll(async () => (await readConnection(db)).state).toBe('reachable');
    await observeConnection(db, answering(503))('http://api/v1/me', {});
    await expect.poll(async () => (await readConnection(db)).state).toBe('unreachable');
  });

  it('ignores a request its caller cancelled (a stream closed on purpose)', async () => {
    const db = freshDb();
    await observeConnection(db, answering(200))('http://api/v1/me', {});
    await expect.poll(async () => (await readConnection(db)).state).toBe('reachable');
    const controller = new AbortController();
    controller.abort();
    const aborting = async (): Promise<Response> => {
      throw new DOMException('aborted', 'AbortError');
    };
    await expect(observeConnection(db, aborting)('http://api/v1/notifications/stream', { signal: controller.signal })).rejects.toThrow('aborted');
    // A timeout, by contrast, is the API not answering.
    await expect(observeConnection(db, aborting)('http://api/v1/me', { signal: AbortSignal.abort(new DOMException('timed out', 'TimeoutError')) })).rejects.toThrow();
    await expect.poll(async () => (await readConnection(db)).state).toBe('unreachable');
  });

  it('a handoff saved on this device reads as queued until the API has it', async () => {
    const db = freshDb();
    expect(await handoffDelivery(db, 'h1')).toEqual({ state: 'unknown' });
    await db.handoffs.put({ id: 'h1', synced: false } as never);
    expect(await handoffDelivery(db, 'h1')).toEqual({ state: 'queued' });
    await db.handoffs.put({ id: 'h1', synced: true } as never);
    expect(await handoffDelivery(db, 'h1')).toEqual({ state: 'sent' });
  });
});
