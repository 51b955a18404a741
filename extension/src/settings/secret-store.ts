import Dexie, { type EntityTable } from 'dexie';

/*
 * Where the API token lives: IndexedDB of the extension's own origin. Only the extension's pages
 * (options, popup, the sidebar frame) and its worker share that origin; content scripts run in
 * the page's origin and see the page's IndexedDB, never this one. `storage.local`, by contrast,
 * is readable by every content script (`setAccessLevel` restricts only `storage.session`, and
 * session storage would forget the token on every browser restart).
 */

interface SecretRow {
  key: string;
  value: string;
}

type SecretDb = Dexie & { secrets: EntityTable<SecretRow, 'key'> };

const TOKEN = 'apiToken';
let opened: SecretDb | null = null;

function secrets(): SecretDb {
  if (opened) return opened;
  const db = new Dexie('baton-secrets') as SecretDb;
  db.version(1).stores({ secrets: 'key' });
  opened = db;
  return db;
}

export async function readToken(): Promise<string | null> {
  return (await secrets().secrets.get(TOKEN))?.value ?? null;
}

export async function writeToken(token: string | null): Promise<void> {
  if (token === null) await secrets().secrets.delete(TOKEN);
  else await secrets().secrets.put({ key: TOKEN, value: token });
}

/** For tests: forget everything stored. */
export async function clearSecrets(): Promise<void> {
  await secrets().secrets.clear();
}
