import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { getSettings, updateSettings, watchSettings, setSettingsWarning, SETTINGS_KEY, defaultSettings } = await import('./index.ts');
const { clearSecrets } = await import('./secret-store.ts');

const user = {
  id: '0b5d3c2e-6f1a-4a53-9d3c-1c8f2f4b7a10',
  email: 'sam@acme.example',
  name: 'Sam',
  role: 'sdr' as const,
  orgId: '5e0f9a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
};

let warnings: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  await clearSecrets();
  warnings = [];
  setSettingsWarning((message) => warnings.push(message));
});

describe('settings storage', () => {
  it('answers the defaults when nothing is stored, auto-log off', async () => {
    expect(await getSettings()).toEqual(defaultSettings);
    expect((await getSettings()).autoLog).toBe(false);
  });

  it('merges a patch and reads it back', async () => {
    await updateSettings({ apiUrl: 'http://127.0.0.1:8787', token: 'baton_abc' });
    await updateSettings({ user, neverLogDomains: ['Acme.Example'] });
    expect(await getSettings()).toEqual({
      apiUrl: 'http://127.0.0.1:8787',
      token: 'baton_abc',
      hasToken: true,
      neverLogDomains: ['acme.example'],
      autoLog: false,
      user,
    });
  });

  it('rejects an invalid patch and keeps what was stored', async () => {
    await updateSettings({ token: 'baton_abc' });
    await expect(updateSettings({ apiUrl: 'ftp://nope' })).rejects.toBeInstanceOf(ZodError);
    expect((await getSettings()).token).toBe('baton_abc');
  });

  it('survives corrupt storage: bad fields fall back to defaults with a warning', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { apiUrl: 42, token: 'baton_ok', autoLog: 'yes', user: { id: 'x' } } });
    expect(await getSettings()).toEqual({ ...defaultSettings, token: 'baton_ok', hasToken: true });
    expect(warnings).toHaveLength(1);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    expect(await getSettings()).toEqual(defaultSettings);
  });

  it('keeps the token out of storage.local, which content scripts can read, and moves an old one out', async () => {
    const token = 'baton_secret_token_value';
    await updateSettings({ apiUrl: 'http://127.0.0.1:8787', token });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token);
    expect((await getSettings()).token).toBe(token);

    const older = 'baton_token_from_an_older_version';
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings, token: older } });
    expect((await getSettings()).token).toBe(older);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(older);
    expect((await getSettings()).token).toBe(older);
  });

  it('tells watchers in other contexts about a new token', async () => {
    const seen: (string | null)[] = [];
    const stop = watchSettings((next) => seen.push(next.token));
    await updateSettings({ token: 'baton_first' });
    await updateSettings({ token: 'baton_second' });
    await expect.poll(() => seen).toEqual(['baton_first', 'baton_second']);
    stop();
  });

  it('tells watchers about changes, with the previous value', async () => {
    const seen: [boolean, boolean][] = [];
    const stop = watchSettings((next, previous) => seen.push([next.autoLog, previous.autoLog]));
    await updateSettings({ autoLog: true });
    stop();
    await updateSettings({ autoLog: false });
    await expect.poll(() => seen).toEqual([[true, false]]);
  });
});
