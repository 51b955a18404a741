import { censorPage } from '@baton/readers/censor';
import type { PageSupport } from '../messages/to-sidebar.ts';

/**
 * What the sidebar needs for "Copy a report for support", read when a page is not (fully)
 * recognised: the structure is censored here, in the page, so no page text ever reaches the report.
 */
export function pageSupport(win: Window, site: 'gmail' | 'linkedin'): PageSupport | undefined {
  const structure = censorPage(win.document, site);
  if (structure === null) return undefined;
  return { url: win.location.href, lang: win.document.documentElement.getAttribute('lang'), structure };
}
