import { defineBackground } from 'wxt/utils/define-background';
import { startSync, syncNow } from '../background/index.ts';
import { startBackgroundBridge } from '../bridge/background.ts';
import { openBatonDb } from '../local/db.ts';
import { routeBackgroundMessages } from '../messages/background-router.ts';
import { startNotifications } from '../notify/index.ts';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners first and synchronously: a woken service worker must find them registered.
    routeBackgroundMessages({ syncNow });
    // The worker alone opens the database (pages in third-party frames may be denied IndexedDB),
    // one connection for every service, so the bridge's change watcher (installed before the
    // database first opens) sees every write and tells the pages.
    const db = openBatonDb();
    startBackgroundBridge(db, syncNow);
    startSync({ db });
    startNotifications({ db });
  },
});
