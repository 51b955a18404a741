import { z } from 'zod/mini';
import { Nonce } from './nonce.ts';

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

/**
 * After a handoff whose warm-intro plan is "intro email": open a reply on this thread with the AE in
 * Cc and the introduction as editable text (the rep sends it; Baton never does). The only CRM-made
 * text the page ever receives, on purpose: it is the email the rep is writing. Answered with
 * `IntroDraftReply`.
 */
export const OpenIntroDraft = z.object({
  type: z.literal('open-intro-draft'),
  nonce: Nonce,
  draft: z.object({
    to: z.string().check(z.minLength(3), z.maxLength(320)),
    cc: z.string().check(z.minLength(3), z.maxLength(320)),
    subject: z.string().check(z.maxLength(1000)),
    body: z.string().check(z.minLength(1), z.maxLength(5000)),
  }),
});
export type OpenIntroDraft = z.infer<typeof OpenIntroDraft>;
export type IntroDraft = OpenIntroDraft['draft'];

export const IntroDraftReply = z.union([
  z.object({ opened: z.literal('reply'), cc: z.boolean() }),
  z.object({ opened: z.literal('none'), reason: z.string() }),
]);
export type IntroDraftReply = z.infer<typeof IntroDraftReply>;

export const ContentMessage = z.discriminatedUnion('type', [SidebarReady, SetCollapsed, OpenIntroDraft]);
export type ContentMessage = z.infer<typeof ContentMessage>;

// The content script checks these with content-guard.ts instead: hand-written, zod-free, so it
// does not build schemas at every page load (a test holds both to the same verdicts).
