import { browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundReplies } from './to-background.ts';

/** Typed `runtime.sendMessage` to the background: the reply type follows the message type. */
export async function sendToBackground<M extends BackgroundMessage>(message: M): Promise<BackgroundReplies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as BackgroundReplies[M['type']];
}
