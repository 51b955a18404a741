import { browser, type Browser } from 'wxt/browser';
import { z } from 'zod';
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

const NonceMessage = z.object({ type: z.literal('baton-nonce'), nonce: Nonce });
/** How long a frame waits for its content script before saying it was not opened by Baton. */
export const NONCE_WAIT_MS = 10_000;
const NOT_OURS = 'This page must be opened by Baton inside Gmail or LinkedIn.';

/**
 * The nonce the content script posts to its own iframe element's window once it has loaded. It
 * is never in the frame's URL, which the host page can read: a copy of the sidebar the page frames
 * itself never receives it. Listening starts at once (before React renders), because the post
 * follows the frame's load event.
 */
export function nonceFromParent(win: Window): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (win.parent === win || event.source !== win.parent) return;
      const parsed = NonceMessage.safeParse(event.data);
      if (!parsed.success) return;
      stop();
      resolve(parsed.data.nonce);
    };
    const timer = win.setTimeout(() => {
      stop();
      reject(new Error(NOT_OURS));
    }, NONCE_WAIT_MS);
    const stop = () => {
      win.clearTimeout(timer);
      win.removeEventListener('message', onMessage);
    };
    win.addEventListener('message', onMessage);
  });
}

/** The content script's answer to `sidebar-ready`: the latest page context, or that none was read yet. */
const ReadyReply = z.union([PageContextMessage, z.object({ type: z.literal('page-context-pending'), nonce: Nonce })]);

/**
 * Connects the sidebar frame to the content script of its own tab: learns the tab id from the
 * background, subscribes to `page-context` broadcasts (filtered by `acceptPageContext`), then asks
 * for the context read before the frame had loaded.
 */
export async function openPageChannel(
  nonceSource: Promise<string>,
  onContext: (context: PageContext) => void,
  signal: AbortSignal,
): Promise<PageChannel> {
  const nonce = await nonceSource;
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
  // Only the content script that made this frame knows the nonce and answers to it: a nonce the
  // host page posted to a frame of its own gets no answer, and that frame shows nothing.
  const current: unknown = await toContent({ type: 'sidebar-ready', nonce }).catch(() => undefined);
  const ready = ReadyReply.safeParse(current);
  if (!ready.success || ready.data.nonce !== nonce) throw new Error(NOT_OURS);
  if (ready.data.type === 'page-context') onContext(ready.data.context);
  return {
    tabId,
    nonce,
    collapse: async () => {
      await toContent({ type: 'set-collapsed', nonce, collapsed: true });
    },
    openIntroDraft: async (draft) => IntroDraftReply.parse(await toContent({ type: 'open-intro-draft', nonce, draft })),
  };
}
