import { browser, type Browser } from 'wxt/browser';
import { acceptContentMessage } from '../messages/content-guard.ts';
import { createNonce } from '../messages/nonce.ts';
import type { PageContext, PageContextMessage } from '../messages/to-sidebar.ts';
import { resultIdentity } from '../sites/gmail/identity.ts';
import type { GmailReadResult } from '../sites/gmail/types.ts';
import { watchGmail } from '../sites/gmail/watch.ts';
import { loadCollapsed, saveCollapsed } from './collapsed-state.ts';
import { openIntroDraft } from './compose/intro-draft.ts';
import { mountPanel } from './panel.ts';
import { watchThreadArrival } from './thread-arrival.ts';

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
    // The frame is a process of its own; creating it waits for the page's first idle moment
    // (Gmail is still starting at document_idle) rather than competing with it.
    attachFrame: 'idle',
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

  let lastIdentity: string | null = null;
  const send = (read: GmailReadResult): void => {
    // Both readers below may see the same page; the sidebar hears each page once.
    const identity = resultIdentity(read);
    if (identity === lastIdentity) return;
    lastIdentity = identity;
    const context: PageContext = { site: 'gmail', read };
    latest = { type: 'page-context', nonce, context };
    browser.runtime.sendMessage(latest).catch((error: unknown) => {
      // Before the frame has loaded nobody may be listening; it asks with `sidebar-ready` then.
      if (signal.aborted) return;
      console.debug('[baton] page context not delivered yet:', error);
    });
  };
  // A thread switch is sent as soon as the new thread is in the DOM (docs/benchmarks.md, Sidebar)…
  watchThreadArrival(win, send, signal);
  // …and everything else after 50 ms of quiet: Gmail swaps a view within one burst of mutations.
  watchGmail(win, send, { signal, debounceMs: 50 });
}
