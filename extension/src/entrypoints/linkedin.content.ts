import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLinkedinSidebar } from '../content/linkedin/linkedin-sidebar.ts';

export default defineContentScript({
  // Profiles only: the panel has nothing to offer on the feed, search or messaging.
  matches: ['https://www.linkedin.com/in/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startLinkedinSidebar(window, ctx.signal);
  },
});
