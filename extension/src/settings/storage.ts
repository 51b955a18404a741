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

const revisionOf = (raw: unknown): string | null => {
  const revision = typeof raw === 'object' && raw !== null ? (raw as { tokenRevision?: unknown }).tokenRevision : undefined;
  return typeof revision === 'string' ? revision : null;
};

/** The token, or null where this context may not open the extension's IndexedDB (a partitioned frame). */
async function tokenHere(): Promise<string | null> {
  try {
    return await readToken();
  } catch (error) {
    // Expected in the sidebar frame when the browser partitions third-party storage: `hasToken`
    // still says a token is saved, and API calls go through the worker, which can read it.
    console.debug('[baton] the API token is not readable in this context:', error);
    return null;
  }
}

/** What storage.local holds: everything but the token, and a revision that changes with it. */
const storedForm = (settings: Settings, revision: string | null) => ({ ...settings, token: null, hasToken: revision !== null, tokenRevision: revision });

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
    await browser.storage.local.set({ [SETTINGS_KEY]: storedForm(settings, crypto.randomUUID()) });
    knownToken = settings.token;
    return { ...settings, hasToken: true };
  }
  const revision = revisionOf(stored[SETTINGS_KEY]);
  knownToken = revision === null ? null : await tokenHere();
  return { ...settings, token: knownToken, hasToken: revision !== null };
}

/**
 * Merges `patch` into the stored settings. Throws a ZodError (and stores nothing) when the
 * result is invalid, so the options page can show what is wrong.
 */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const current = await getSettings();
  const parsed = Settings.parse({ ...current, ...patch });
  // A patch without `token` keeps the saved one, even where it cannot be read.
  const tokenChanged = patch.token !== undefined && parsed.token !== current.token;
  if (tokenChanged) await writeToken(parsed.token);
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const revision = tokenChanged ? (parsed.token === null ? null : crypto.randomUUID()) : revisionOf(stored[SETTINGS_KEY]);
  const next = { ...parsed, hasToken: revision !== null };
  await browser.storage.local.set({ [SETTINGS_KEY]: storedForm(next, revision) });
  knownToken = next.token;
  return next;
}

/** Calls `callback` with the new settings whenever any extension context changes them. Returns an unsubscribe. */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || change === undefined) return;
    const previous = { ...parseStored(change.oldValue), token: knownToken, hasToken: revisionOf(change.oldValue) !== null };
    const revision = revisionOf(change.newValue);
    void (revision === null ? Promise.resolve(null) : tokenHere()).then((token) => {
      knownToken = token;
      callback({ ...parseStored(change.newValue), token, hasToken: revision !== null }, previous);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
