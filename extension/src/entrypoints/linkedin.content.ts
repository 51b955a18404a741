import '../zod-jitless.ts';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLinkedinSidebar } from '../content/linkedin/linkedin-sidebar.ts';

export default defineContentScript({
  // Every LinkedIn page, because the site moves from the feed to a profile without a page load;
  // the panel itself only shows on profiles (see startLinkedinSidebar).
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void startLinkedinSidebar(window, ctx.signal);
  },
});
