import type { Browser } from 'wxt/browser';

export type Sender = Browser.runtime.MessageSender;

export type Verdict<T> = { ok: true; message: T } | { ok: false; reason: string };

export const reject = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Only this extension's own contexts may talk to us (no `externally_connectable`, but be sure). */
export function fromThisExtension(sender: Sender, extensionId: string): boolean {
  return sender.id === extensionId;
}

/** The top frame of one tab: where our content script runs, and nowhere else. */
export function fromTopFrameOf(sender: Sender, tabId: number): boolean {
  return sender.tab?.id === tabId && (sender.frameId ?? 0) === 0;
}
