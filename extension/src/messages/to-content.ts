import { z } from 'zod/mini';
import { Nonce } from './nonce.ts';
import { fromThisExtension, reject, type Sender, type Verdict } from './sender.ts';

/*
 * Messages the Gmail/LinkedIn content script accepts (sent with `tabs.sendMessage` from the
 * sidebar frame). zod/mini keeps the content script small. Nothing here carries CRM data: the
 * page only ever learns tiny UI state.
 */

/** The sidebar frame has loaded and wants the current page context (answered with `PageContextMessage | null`). */
export const SidebarReady = z.object({ type: z.literal('sidebar-ready'), nonce: Nonce });
export type SidebarReady = z.infer<typeof SidebarReady>;

/** The sidebar's own "Collapse" button. */
export const SetCollapsed = z.object({ type: z.literal('set-collapsed'), nonce: Nonce, collapsed: z.boolean() });
export type SetCollapsed = z.infer<typeof SetCollapsed>;

export const ContentMessage = z.discriminatedUnion('type', [SidebarReady, SetCollapsed]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/**
 * Validates a message arriving at the content script: it must come from this extension (the
 * sidebar frame) and carry this instance's nonce, so a stale frame from before an extension reload
 * or a second instance cannot steer it.
 */
export function acceptContentMessage(
  raw: unknown,
  sender: Sender,
  own: { extensionId: string; nonce: string },
): Verdict<ContentMessage> {
  if (!fromThisExtension(sender, own.extensionId)) return reject('foreign sender');
  const parsed = ContentMessage.safeParse(raw);
  if (!parsed.success) return reject('malformed message');
  if (parsed.data.nonce !== own.nonce) return reject('wrong nonce');
  return { ok: true, message: parsed.data };
}
