import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

const SITES = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

/**
 * zod keeps `const F = Function` in three places (its JIT, the JIT probe, z.compile). With
 * `jitless` (src/zod-jitless.ts) none of them runs, but the Function constructor would still sit
 * in the content scripts and pages, which store review flags as eval. This swaps it for a
 * function that throws, so even a path that escaped `jitless` fails closed (zod catches it and
 * uses its interpreter).
 */
function zodWithoutEval(): Plugin {
  return {
    name: 'baton:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]/.test(id) || !code.includes('const F = Function;')) return null;
      return code.replaceAll('const F = Function;', "const F = function () { throw new EvalError('zod JIT is disabled in Baton'); };");
    },
  };
}

export default defineConfig({
  srcDir: 'src',
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  // Explicit imports everywhere: a reader sees where `browser` and `defineContentScript` come from.
  imports: false,
  vite: () => ({ plugins: [zodWithoutEval()] }),
  manifest: ({ browser }) => ({
    name: 'Baton',
    description: 'Sales handoffs that carry their context, inside Gmail and LinkedIn.',
    // Only what is used: settings and the local cache (storage), the sync heartbeat after the
    // worker stops (alarms), "you were handed a deal" (notifications), and the sidebar in Gmail
    // and LinkedIn tabs already open at install (scripting; host permissions stay the two sites).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
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
    // The sidebar opens and collapses from the keyboard (Alt+Shift+B by default; chrome://extensions/shortcuts changes it).
    commands: {
      'toggle-sidebar': { suggested_key: { default: 'Alt+Shift+B' }, description: 'Open or collapse the Baton sidebar' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton.invalid',
              // 140 (the current ESR): the first with built-in data collection consent.
              strict_min_version: '140.0',
              // What Baton sends to the team's own API: names and addresses of prospects, the
              // emails a rep logs, and what a LinkedIn profile page shows.
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'personalCommunications', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
