import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNote } from '../local/activities.ts';
import { addContact } from '../local/contacts.ts';
import { syncStatus } from '../local/status.ts';
import { contextFor, freshDb, syncFixture, type SyncFixture } from '../local/testing.ts';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));
const { startSyncService, SYNC_ALARM } = await import('./sync-service.ts');
const { updateSettings } = await import('../settings/index.ts');

let fx: SyncFixture;
beforeAll(async () => {
  fx = await syncFixture();
}, 120_000);
afterAll(() => fx.api.close());

describe('background sync service', { timeout: 60_000 }, () => {
  it('waits for settings, syncs when they arrive, and drains on its alarm', async () => {
    fakeBrowser.reset();
    const db = freshDb();
    const ctx = contextFor(db, () => new Date());
    const contact = await addContact(ctx, { emails: ['morgan@buyer.example'] });
    const service = startSyncService({ db, fetch: (input, init) => Promise.resolve(fx.api.app.request(String(input), { ...init, signal: null })) });
    try {
      expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });
      await expect.poll(async () => (await syncStatus(db)).message).toBe('Set the API URL and token in Options to sync (1 waiting to sync)');

      await updateSettings({ apiUrl: 'http://baton.test', token: fx.org.users.sdr.token });
      await expect.poll(async () => (await syncStatus(db)).state).toBe('synced');

      await addNote(ctx, contact.id, 'Queued while the worker slept');
      expect((await syncStatus(db)).pending).toBe(1);
      await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 1 });
      await expect.poll(async () => (await syncStatus(db)).pending).toBe(0);
      expect((await fx.client.timeline(contact.id)).activities.map((a) => a.body)).toEqual(['Queued while the worker slept']);
    } finally {
      service.stop();
    }
  });
});
