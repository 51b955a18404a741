import { watchLinkedin } from '@baton/readers/linkedin';
import { pageSupport } from '../page-support.ts';
import { openSidebarFrame } from '../sidebar-frame.ts';

/**
 * The LinkedIn content script: the same panel and frame as in Gmail, fed by the LinkedIn reader.
 * It reads only the profile on screen, only when the page shows it (no fetching, no navigating);
 * capturing happens in the sidebar, when the rep asks.
 */
export async function startLinkedinSidebar(win: Window, signal: AbortSignal): Promise<void> {
  // Gmail's compose requests have no meaning here, so no site messages of its own.
  const sidebar = await openSidebarFrame(win, { signal });
  if (sidebar === null) return;
  const { panel } = sidebar;

  // The panel has nothing to offer on the feed, search or messaging: it shows on profiles only.
  const showOnProfiles = () => panel.setVisible(isProfilePath(win.location.pathname));
  showOnProfiles();
  win.addEventListener('popstate', showOnProfiles, { signal });

  watchLinkedin(
    // A content script's window has the DOM's constructors on it, as the watcher expects.
    win as Window & typeof globalThis,
    (read) => {
      showOnProfiles();
      sidebar.publish({ site: 'linkedin', read, ...(read.kind === 'not_recognised' ? { support: pageSupport(win, 'linkedin') } : {}) });
    },
    { signal },
  );
}

export function isProfilePath(pathname: string): boolean {
  return /^\/in\/[^/]+/i.test(pathname);
}
