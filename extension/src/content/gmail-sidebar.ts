import { browser, type Browser } from 'wxt/browser';
import { acceptContentMessage } from '../messages/to-content.ts';
import { createNonce } from '../messages/nonce.ts';
import type { PageContext, PageContextMessage } from '../messages/to-sidebar.ts';
import { watchGmail } from '../sites/gmail/watch.ts';
import { loadCollapsed, saveCollapsed } from './collapsed-state.ts';
import { openIntroDraft } from './compose/intro-draft.ts';
import { mountPanel } from './panel.ts';

/**
 * The Gmail content script: mounts the sidebar frame and streams what the page reader sees to it.
 * It only reads the page; it never receives CRM data back (the frame is extension-origin, so
 * Gmail's scripts cannot read what the sidebar shows) — except the introduction email the rep
 * asked for after a handoff, which belongs in the page because the rep is about to send it.
 */
export async function startGmailSidebar(win: Window, signal: AbortSignal): Promise<void> {
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
    if (verdict.message.type === 'sidebar-ready') {
      respond(latest);
      return undefined;
    }
    if (verdict.message.type === 'open-intro-draft') {
      openIntroDraft(win.document, verdict.message.draft).then(respond, (error: unknown) =>
        respond({ opened: 'none', reason: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    }
    panel.setCollapsed(verdict.message.collapsed);
    void saveCollapsed(verdict.message.collapsed);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });

  watchGmail(
    win,
    (read) => {
      const context: PageContext = { site: 'gmail', read };
      latest = { type: 'page-context', nonce, context };
      browser.runtime.sendMessage(latest).catch((error: unknown) => {
        // Before the frame has loaded nobody may be listening; it asks with `sidebar-ready` then.
        if (signal.aborted) return;
        console.debug('[baton] page context not delivered yet:', error);
      });
    },
    // Gmail swaps a thread in within one burst of mutations; 50 ms of quiet is enough to read it
    // whole, and the watcher's 200 ms default alone put a thread switch over the 150 ms budget
    // for showing the cached brief (docs/benchmarks.md, Sidebar).
    { signal, debounceMs: 50 },
  );
}
