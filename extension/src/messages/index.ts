/**
 * The one message map between the content script, the sidebar frame and the background.
 *
 * | message          | from → to                                   | answer                       |
 * |------------------|---------------------------------------------|------------------------------|
 * | `page-context`   | content script → sidebar (runtime.sendMessage) | —                          |
 * | `sidebar-ready`  | sidebar → content script (tabs.sendMessage) | `PageContextMessage \| null` |
 * | `set-collapsed`  | sidebar → content script (tabs.sendMessage) | —                            |
 * | `open-intro-draft` | sidebar → content script (tabs.sendMessage) | `IntroDraftReply`          |
 * | `sync-now`, `open-options`, `which-tab` | extension pages → background | `BackgroundReplies[type]` |
 *
 * Every receiver validates with zod and checks `sender.id`; page-bound ones also check the nonce.
 */
export { createNonce, Nonce } from './nonce.ts';
export { fromThisExtension, fromTopFrameOf, type Sender, type Verdict } from './sender.ts';
export { acceptContentMessage, ContentMessage, IntroDraftReply, OpenIntroDraft, SetCollapsed, SidebarReady, type IntroDraft } from './to-content.ts';
export { acceptPageContext, PageContext, PageContextMessage } from './to-sidebar.ts';
export {
  acceptBackgroundMessage,
  BackgroundMessage,
  type BackgroundReplies,
  WhichTabReply,
} from './to-background.ts';
export { sendToBackground } from './send.ts';
export { routeBackgroundMessages, type BackgroundHandlers } from './background-router.ts';
