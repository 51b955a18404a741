import { browser, type Browser } from 'wxt/browser';
import { acceptContentMessage } from '../../messages/to-content.ts';
import { createNonce } from '../../messages/nonce.ts';
import type { PageContextMessage } from '../../messages/to-sidebar.ts';
import { watchLinkedin } from '../../sites/linkedin/watch.ts';
import { loadCollapsed, saveCollapsed } from '../collapsed-state.ts';
import { mountPanel } from '../panel.ts';

/**
 * The LinkedIn content script: the same panel and frame as in Gmail, fed by the LinkedIn reader.
 * It reads only the profile on screen, only when the page shows it (no fetching, no navigating);
 * capturing happens in the sidebar, when the rep asks.
 */
export async function startLinkedinSidebar(win: Window, signal: AbortSignal): Promise<void> {
  const nonce = createNonce();
  const collapsed = await loadCollapsed();
  if (signal.aborted) return;
  const panel = mountPanel(win.document, {
    frameUrl: `${browser.runtime.getURL('/sidebar.html')}#${nonce}`,
    collapsed,
    onToggle: (next) => void saveCollapsed(next),
    signal,
  });

  let latest: PageContextMessage | null = null;
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, respond: (reply: unknown) => void) => {
    const verdict = acceptContentMessage(raw, sender, { extensionId: browser.runtime.id, nonce });
    if (!verdict.ok) return undefined;
    const message = verdict.message;
    if (message.type === 'sidebar-ready') {
      respond(latest);
    } else if (message.type === 'set-collapsed') {
      panel.setCollapsed(message.collapsed);
      void saveCollapsed(message.collapsed);
    }
    // Anything else (Gmail's compose requests) has no meaning on LinkedIn.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });

  // The panel has nothing to offer on the feed, search or messaging: it shows on profiles only.
  const showOnProfiles = () => panel.setVisible(isProfilePath(win.location.pathname));
  showOnProfiles();
  win.addEventListener('popstate', showOnProfiles, { signal });

  watchLinkedin(
    // A content script's window has the DOM's constructors on it, as the watcher expects.
    win as Window & typeof globalThis,
    (read) => {
      showOnProfiles();
      latest = { type: 'page-context', nonce, context: { site: 'linkedin', read } };
      browser.runtime.sendMessage(latest).catch((error: unknown) => {
        // Before the frame has loaded nobody may be listening; it asks with `sidebar-ready` then.
        if (signal.aborted) return;
        console.debug('[baton] page context not delivered yet:', error);
      });
    },
    { signal },
  );
}

export function isProfilePath(pathname: string): boolean {
  return /^\/in\/[^/]+/i.test(pathname);
}
