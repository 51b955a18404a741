import { resultIdentity, watchGmail, type GmailReadResult } from '@baton/readers/gmail';
import { pageSupport } from './page-support.ts';
import { openIntroDraft } from './compose/intro-draft.ts';
import { openSidebarFrame } from './sidebar-frame.ts';
import { watchThreadArrival } from './thread-arrival.ts';

/**
 * The Gmail content script: mounts the sidebar frame and streams what the page reader sees to it.
 * It only reads the page; it never receives CRM data back (the frame is extension-origin, so
 * Gmail's scripts cannot read what the sidebar shows) — except the introduction email the rep
 * asked for after a handoff, which belongs in the page because the rep is about to send it.
 */
export async function startGmailSidebar(win: Window, signal: AbortSignal): Promise<void> {
  const sidebar = await openSidebarFrame(win, {
    signal,
    // The frame is a process of its own; creating it waits for the page's first idle moment
    // (Gmail is still starting at document_idle) rather than competing with it.
    attachFrame: 'idle',
    onMessage(message, respond) {
      if (message.type !== 'open-intro-draft') return undefined;
      openIntroDraft(win.document, message.draft).then(respond, (error: unknown) =>
        respond({ opened: 'none', reason: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    },
  });
  if (sidebar === null) return;

  let lastIdentity: string | null = null;
  const send = (read: GmailReadResult): void => {
    // Both readers below may see the same page; the sidebar hears each page once.
    const identity = resultIdentity(read);
    if (identity === lastIdentity) return;
    lastIdentity = identity;
    const partial = read.kind === 'not_recognised' || (read.kind === 'thread' && read.missing.length > 0);
    sidebar.publish({ site: 'gmail', read, ...(partial ? { support: pageSupport(win, 'gmail') } : {}) });
  };
  // A thread switch is sent as soon as the new thread is in the DOM (docs/benchmarks.md, Sidebar)…
  watchThreadArrival(win, send, signal);
  // …and everything else after 50 ms of quiet: Gmail swaps a view within one burst of mutations.
  watchGmail(win, send, { signal, debounceMs: 50 });
}
