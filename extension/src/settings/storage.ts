import { browser } from 'wxt/browser';
import { defaultSettings, Settings, type SettingsPatch } from './schema.ts';

/*
 * One key in `storage.local` holds the whole settings object, so a reader never sees half of an
 * update, and one schema decides what is valid. `storage.local` (not `sync`): the token must not
 * travel to other machines through the browser account.
 */
export const SETTINGS_KEY = 'baton:settings';

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
  return parseStored(stored[SETTINGS_KEY]);
}

/**
 * Merges `patch` into the stored settings. Throws a ZodError (and stores nothing) when the
 * result is invalid, so the options page can show what is wrong.
 */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const current = await getSettings();
  const next = Settings.parse({ ...current, ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `callback` with the new settings whenever any extension context changes them. Returns an unsubscribe. */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || change === undefined) return;
    callback(parseStored(change.newValue), parseStored(change.oldValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
