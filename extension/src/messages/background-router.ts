import { browser, type Browser } from 'wxt/browser';
import { acceptBackgroundMessage, type BackgroundMessage, type BackgroundReplies } from './to-background.ts';

export interface BackgroundHandlers {
  /** Drain the outbox now (the sidebar's "Retry" and the popup's "Sync now"). */
  syncNow(): Promise<void>;
}

async function handle(message: BackgroundMessage, sender: Browser.runtime.MessageSender, handlers: BackgroundHandlers) {
  switch (message.type) {
    case 'sync-now':
      await handlers.syncNow();
      return { ok: true } satisfies BackgroundReplies['sync-now'];
    case 'open-options':
      await browser.runtime.openOptionsPage();
      return { ok: true } satisfies BackgroundReplies['open-options'];
    case 'which-tab':
      return { tabId: sender.tab?.id ?? null } satisfies BackgroundReplies['which-tab'];
  }
}

/**
 * Routes the typed background messages. Answers through `sendResponse` (returning true keeps the
 * channel open), which both Chrome and Firefox honour; anything not addressed to the background —
 * notably content scripts' `page-context` broadcasts — gets no answer.
 */
export function routeBackgroundMessages(handlers: BackgroundHandlers): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender, respond: (reply: unknown) => void) => {
    const verdict = acceptBackgroundMessage(raw, sender, browser.runtime.id);
    if (!verdict.ok) return undefined;
    handle(verdict.message, sender, handlers).then(respond, (error: unknown) => {
      console.error(`[baton] ${verdict.message.type} failed`, error);
      respond({ error: error instanceof Error ? error.message : String(error) });
    });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
