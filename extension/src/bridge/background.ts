import { browser } from 'wxt/browser';
import { clientFor } from '../background/index.ts';
import { observeConnection } from '../local/connection.ts';
import type { BatonDb } from '../local/db.ts';
import { getSettings } from '../settings/index.ts';
import type { BridgePort } from './port.ts';
import { startBridgeServer, type BridgeServer } from './server.ts';

/**
 * The bridge in the service worker: pages connect with `runtime.connect`, the worker answers from
 * its database with the current settings. Call synchronously in `main` (a woken worker must find
 * the listener registered), before the database opens.
 */
export function startBackgroundBridge(db: BatonDb, syncNow: () => Promise<void>): BridgeServer {
  const observed = observeConnection(db);
  return startBridgeServer({
    db,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    onConnect(listener) {
      const onConnect = (port: BridgePort) => listener(port);
      browser.runtime.onConnect.addListener(onConnect);
      return () => browser.runtime.onConnect.removeListener(onConnect);
    },
    userId: async () => (await getSettings()).user?.id ?? null,
    client: async () => clientFor(await getSettings(), observed),
    onQueued: () => {
      syncNow().catch((error: unknown) => console.warn('[baton] sync after a write failed; the alarm retries', error));
    },
    syncNow,
  });
}
