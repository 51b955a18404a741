import '../zod-jitless.ts';
import { defineBackground } from 'wxt/utils/define-background';
import { startSync, syncNow } from '../background/index.ts';
import { startBackgroundBridge } from '../bridge/background.ts';
import { openBatonDb } from '../local/db.ts';
import { startNotifications } from '../notify/index.ts';
import { watchFirstRun, watchShortcut } from '../first-run/on-install.ts';

export default defineBackground({
  type: 'module',
  main() {
    // The worker alone opens the database (pages in third-party frames may be denied IndexedDB),
    // one connection for every service, so the bridge's change watcher (installed before the
    // database first opens) sees every write and tells the pages. Listeners are registered
    // synchronously here: a woken service worker must find them.
    const db = openBatonDb();
    startBackgroundBridge(db, syncNow);
    startSync({ db });
    startNotifications({ db });
    watchFirstRun();
    watchShortcut();
  },
});
