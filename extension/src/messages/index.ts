/**
 * The messages between a content script and its sidebar frame. Extension pages (the sidebar
 * frame, the popup) talk to the background only through the bridge (../bridge), one port each.
 *
 * | message          | from → to                                   | answer                       |
 * |------------------|---------------------------------------------|------------------------------|
 * | `page-context`   | content script → sidebar (runtime.sendMessage) | —                          |
 * | `sidebar-ready`  | sidebar → content script (tabs.sendMessage) | `PageContextMessage \| null` |
 * | `set-collapsed`  | sidebar → content script (tabs.sendMessage) | —                            |
 * | `open-intro-draft` | sidebar → content script (tabs.sendMessage) | `IntroDraftReply`          |
 *
 * Every receiver validates with zod and checks `sender.id`; page-bound ones also check the nonce.
 */
export { createNonce, Nonce } from './nonce.ts';
export { fromThisExtension, fromTopFrameOf, type Sender, type Verdict } from './sender.ts';
export { ContentMessage, IntroDraftReply, OpenIntroDraft, SetCollapsed, SidebarReady, type IntroDraft } from './to-content.ts';
export { acceptContentMessage } from './content-guard.ts';
export { acceptPageContext, PageContext, PageContextMessage } from './to-sidebar.ts';
