import { defineConfig } from 'wxt';

const SITES = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

export default defineConfig({
  srcDir: 'src',
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  // Explicit imports everywhere: a reader sees where `browser` and `defineContentScript` come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Baton',
    description: 'Sales handoffs that carry their context, inside Gmail and LinkedIn.',
    // Only what is used: settings and the local cache (storage), the sync heartbeat after the
    // worker stops (alarms), and "you were handed a deal" (notifications).
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: SITES,
    // The API origin is whatever the user configures, asked for on Save; loopback for self-hosting.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: SITES,
        // A per-session URL, so a page cannot fingerprint the extension by probing a fixed one.
        use_dynamic_url: true,
      },
    ],
    action: { default_title: 'Baton' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'baton@baton.invalid', strict_min_version: '128.0' } } }
      : {}),
  }),
});
