import { browser, type Browser } from 'wxt/browser';
import { acceptContentMessage } from '../messages/content-guard.ts';
import { createNonce } from '../messages/nonce.ts';
import type { ContentMessage } from '../messages/to-content.ts';
import type { PageContext, PageContextMessage } from '../messages/to-sidebar.ts';
import { loadCollapsed, saveCollapsed, watchCollapsed } from './collapsed-state.ts';
import { mountPanel, type Panel, type PanelOptions } from './panel.ts';

export interface SidebarFrame {
  panel: Panel;
  /** Sends what the page reader sees to the sidebar frame (and keeps it for a frame that asks later). */
  publish(context: PageContext): void;
}

export interface SidebarFrameOptions {
  signal: AbortSignal;
  attachFrame?: PanelOptions['attachFrame'];
  /**
   * A site's own messages beyond "sidebar-ready" and "set-collapsed" (already checked for sender
   * and nonce). Return true to answer through `respond` later.
   */
  onMessage?(message: ContentMessage, respond: (reply: unknown) => void): boolean | undefined;
}

/**
 * What every site's content script shares: the panel with the extension-origin sidebar frame, a
 * nonce that only that frame knows, and the typed, sender-checked messages between them.
 * Null when the script was stopped while the collapsed state loaded.
 */
export async function openSidebarFrame(win: Window, options: SidebarFrameOptions): Promise<SidebarFrame | null> {
  const { signal } = options;
  const nonce = createNonce();
  const collapsed = await loadCollapsed();
  if (signal.aborted) return null;
  const frameUrl = browser.runtime.getURL('/sidebar.html');
  // The origin the frame's document will have. Chrome hands out a per-session URL
  // (use_dynamic_url) but the document's origin stays chrome-extension://<id>; Firefox's
  // moz-extension://<uuid> is the same in both. (`URL#origin` is "null" for these schemes.)
  const { protocol, host } = new URL(frameUrl);
  const frameOrigin = protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : `${protocol}//${host}`;
  const panel = mountPanel(win.document, {
    frameUrl,
    // To this iframe element's window only, and only while it shows our page: a copy the host
    // page frames itself never learns the nonce.
    onFrameLoad: (frameWindow) => frameWindow.postMessage({ type: 'baton-nonce', nonce }, frameOrigin),
    collapsed,
    onToggle: (next) => void saveCollapsed(next),
    signal,
    ...(options.attachFrame ? { attachFrame: options.attachFrame } : {}),
  });

  watchCollapsed((next) => {
    if (panel.collapsed !== next) panel.setCollapsed(next);
  }, signal);

  let latest: PageContextMessage | null = null;
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, respond: (reply: unknown) => void) => {
    const verdict = acceptContentMessage(raw, sender, { extensionId: browser.runtime.id, nonce });
    if (!verdict.ok) return undefined;
    const message = verdict.message;
    if (message.type === 'sidebar-ready') {
      respond(latest ?? { type: 'page-context-pending', nonce });
      return undefined;
    }
    if (message.type === 'set-collapsed') {
      panel.setCollapsed(message.collapsed);
      void saveCollapsed(message.collapsed);
      return undefined;
    }
    return options.onMessage?.(message, respond);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });

  return {
    panel,
    publish(context) {
      latest = { type: 'page-context', nonce, context };
      browser.runtime.sendMessage(latest).catch((error: unknown) => {
        // Before the frame has loaded nobody may be listening; it asks with `sidebar-ready` then.
        if (signal.aborted) return;
        console.debug('[baton] page context not delivered yet:', error);
      });
    },
  };
}
