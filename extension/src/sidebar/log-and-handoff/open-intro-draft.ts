import { browser } from 'wxt/browser';
import { composeUrl } from '../../content/compose/compose-url.ts';
import type { IntroDraft } from '../../messages/to-content.ts';
import type { SidebarEnv } from '../shell/sidebar-env.tsx';

/**
 * Puts the introduction in front of the rep: a reply on the open thread when the page can make one,
 * else Gmail's compose page in a new tab. Baton never sends it. Answers what the rep should read.
 */
export async function openIntroDraft(env: Pick<SidebarEnv, 'openIntroDraft'>, draft: IntroDraft): Promise<string> {
  if (env.openIntroDraft) {
    try {
      const reply = await env.openIntroDraft(draft);
      if (reply.opened === 'reply') {
        return reply.cc ? 'Intro email drafted in the reply below — review it and send.' : `Intro email drafted below — add ${draft.cc} in Cc, then send.`;
      }
      console.info(`[baton] no reply box on this page (${reply.reason}); opening Gmail's compose page`);
    } catch (error) {
      console.warn("[baton] the page could not draft the intro; opening Gmail's compose page", error);
    }
  }
  await browser.tabs.create({ url: composeUrl(draft) });
  return 'Intro email opened in a new tab — review it and send.';
}
