import { defineBackground } from 'wxt/utils/define-background';
import { startSync, syncNow } from '../background/index.ts';
import { routeBackgroundMessages } from '../messages/background-router.ts';
import { startNotifications } from '../notify/index.ts';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners first and synchronously: a woken service worker must find them registered.
    routeBackgroundMessages({ syncNow });
    startSync();
    startNotifications();
  },
});
