import { browser } from 'wxt/browser';
import { defaultSettings, Settings, type SettingsPatch } from './schema.ts';
import { readToken, writeToken } from './secret-store.ts';

/*
 * One key in `storage.local` holds the whole settings object except the token, so a reader never
 * sees half of an update, and one schema decides what is valid. `storage.local` (not `sync`):
 * nothing travels to other machines through the browser account. The token is kept apart, where
 * content scripts cannot read it (see secret-store.ts); the stored object carries only a
 * `tokenRevision` that changes with it, so every context's watcher hears of a new token.
 */
export const SETTINGS_KEY = 'baton:settings';

/** The token this context last read: what `previous.token` is in a watcher call. */
let knownToken: string | null = null;

const revisionOf = (raw: unknown): unknown => (typeof raw === 'object' && raw !== null ? (raw as { tokenRevision?: unknown }).tokenRevision : undefined);

type Warn = (message: string, details?: unknown) => void;
let warn: Warn = (message, details) => console.warn(`[baton] ${message}`, details);

/** For tests: capture warnings instead of printing them. */
export function setSettingsWarning(next: Warn): void {
  warn = next;
}

function parseStored(raw: unknown): Settings {
  if (raw === undefined || raw === null) return { ...defaultSettings };
  // Unknown keys from an older or newer version are dropped; known fields that fail fall back one by one.
  const whole = Settings.safeParse(raw);
  if (whole.success) return whole.data;
  const record = typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const repaired: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(record[key]);
    if (field.success) repaired[key] = field.data;
  }
  warn('stored settings were invalid; the invalid fields were reset to their defaults', whole.error.issues);
  return Settings.parse(repaired);
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const settings = parseStored(stored[SETTINGS_KEY]);
  if (settings.token !== null) {
    // Stored by a version that kept the token in storage.local: move it out.
    await writeToken(settings.token);
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, token: null, tokenRevision: crypto.randomUUID() } });
  }
  knownToken = settings.token ?? (await readToken());
  return { ...settings, token: knownToken };
}

/**
 * Merges `patch` into the stored settings. Throws a ZodError (and stores nothing) when the
 * result is invalid, so the options page can show what is wrong.
 */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const current = await getSettings();
  const next = Settings.parse({ ...current, ...patch });
  const tokenChanged = next.token !== current.token;
  if (tokenChanged) await writeToken(next.token);
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const revision = tokenChanged ? crypto.randomUUID() : revisionOf(stored[SETTINGS_KEY]);
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...next, token: null, ...(revision === undefined ? {} : { tokenRevision: revision }) } });
  knownToken = next.token;
  return next;
}

/** Calls `callback` with the new settings whenever any extension context changes them. Returns an unsubscribe. */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || change === undefined) return;
    const previous = { ...parseStored(change.oldValue), token: knownToken };
    void readToken().then(
      (token) => {
        knownToken = token;
        callback({ ...parseStored(change.newValue), token }, previous);
      },
      (error: unknown) => warn('reading the API token failed', error),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
