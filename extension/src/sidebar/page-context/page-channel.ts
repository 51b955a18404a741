import { browser, type Browser } from 'wxt/browser';
import { pageBridge } from '../../bridge/page.ts';
import { acceptPageContext, PageContextMessage, type PageContext } from '../../messages/to-sidebar.ts';
import { Nonce } from '../../messages/nonce.ts';
import { IntroDraftReply, type ContentMessage, type IntroDraft } from '../../messages/to-content.ts';

export interface PageChannel {
  tabId: number;
  nonce: string;
  /** Tell the content script to fold the panel away. */
  collapse(): Promise<void>;
  /** Ask the content script to open a reply on this thread with the introduction (never sent). */
  openIntroDraft(draft: IntroDraft): Promise<IntroDraftReply>;
}

/** The nonce the content script put in our URL hash, or null when opened any other way. */
export function nonceFromHash(hash: string): string | null {
  const parsed = Nonce.safeParse(hash.replace(/^#/, ''));
  return parsed.success ? parsed.data : null;
}

/**
 * Connects the sidebar frame to the content script of its own tab: learns the tab id from the
 * background, subscribes to `page-context` broadcasts (filtered by `acceptPageContext`), then asks
 * for the context read before the frame had loaded.
 */
export async function openPageChannel(
  hash: string,
  onContext: (context: PageContext) => void,
  signal: AbortSignal,
): Promise<PageChannel> {
  const nonce = nonceFromHash(hash);
  if (nonce === null) throw new Error('This page must be opened by Baton inside Gmail.');
  const reply = await pageBridge().whichTab({});
  if (reply.tabId === null) throw new Error('Baton could not tell which tab this panel belongs to.');
  const tabId = reply.tabId;
  const own = { extensionId: browser.runtime.id, tabId, nonce };

  const listener = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    const verdict = acceptPageContext(raw, sender, own);
    if (verdict.ok) onContext(verdict.message.context);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });

  const toContent = (message: ContentMessage) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  const current: unknown = await toContent({ type: 'sidebar-ready', nonce });
  // The answer comes from our tab's content script, but it is still checked like any message.
  if (current !== null && current !== undefined) {
    const parsed = PageContextMessage.safeParse(current);
    if (parsed.success && parsed.data.nonce === nonce) onContext(parsed.data.context);
  }
  return {
    tabId,
    nonce,
    collapse: async () => {
      await toContent({ type: 'set-collapsed', nonce, collapsed: true });
    },
    openIntroDraft: async (draft) => IntroDraftReply.parse(await toContent({ type: 'open-intro-draft', nonce, draft })),
  };
}
