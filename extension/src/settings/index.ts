/**
 * Extension settings: one typed object in `browser.storage.local`, validated on every read.
 *
 * - `getSettings()` never throws on corrupt storage: invalid fields fall back to defaults (warned).
 * - `updateSettings(patch)` merges, validates (ZodError on bad input) and stores.
 * - `watchSettings(cb)` fires in every extension context when the settings change.
 * - `defaultNeverLogDomains(email)` pre-fills the never-log list with the user's company domain.
 */
export { defaultSettings, Settings, SignedInUser, type SettingsPatch } from './schema.ts';
export { getSettings, updateSettings, watchSettings, SETTINGS_KEY, setSettingsWarning } from './storage.ts';
export { defaultNeverLogDomains, isNeverLogged, isPublicMailDomain } from './never-log.ts';
