import '../zod-jitless.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startGmailSidebar } from '../content/gmail-sidebar.ts';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startGmailSidebar(window, ctx.signal);
  },
});
