import { firstMatch, resolveUrl, visibleText } from './dom.ts';
import { COMPANY_SELECTORS } from './selectors.ts';
import type { LinkedinReadResult } from './types.ts';

const COMPANY_ID = /^[\p{L}\p{N}%_.-]{1,200}$/u;

/** A company page (`/company/<id>/...`): its canonical URL, plus name and website when shown. */
export function readCompany(doc: Document, page: URL, companyId: string): LinkedinReadResult {
  if (!COMPANY_ID.test(companyId)) return { kind: 'not_recognised', reason: 'company URL has no valid id' };
  const url = `https://www.linkedin.com/company/${companyId.toLowerCase()}`;
  const heading = firstMatch(doc, COMPANY_SELECTORS.name, (element) => visibleText(element) !== null);
  const link = firstMatch(doc, COMPANY_SELECTORS.website, (element) => externalSite(element, page) !== null);
  return {
    kind: 'company',
    name: heading ? visibleText(heading.element) : null,
    website: link ? externalSite(link.element, page) : null,
    url,
  };
}

/** The outside website a link points to, unwrapping LinkedIn's redirector; null for LinkedIn itself. */
function externalSite(link: Element, page: URL): string | null {
  let target = resolveUrl(link.getAttribute('href') ?? '', page.href);
  if (target !== null && isLinkedin(target) && target.pathname.startsWith('/redir/redirect')) {
    target = resolveUrl(target.searchParams.get('url') ?? '', page.href);
  }
  if (target === null || isLinkedin(target)) return null;
  return target.protocol === 'https:' || target.protocol === 'http:' ? target.href : null;
}

function isLinkedin(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === 'linkedin.com' || host.endsWith('.linkedin.com');
}
