import { linkedinSlug } from '@baton/shared';
import { readCompany } from './read-company.ts';
import { readProfile } from './read-profile.ts';
import { LinkedinReadResultSchema, type LinkedinReadResult } from './types.ts';

// Sub-pages of a profile list one section (experience, posts) without the top card.
const PROFILE_SUBPAGES = ['details', 'detail', 'recent-activity'];

const OTHER_PAGES: ReadonlyArray<readonly [prefix: string, reason: string]> = [
  ['feed', 'the LinkedIn feed is not a profile'],
  ['search', 'LinkedIn search results are not a profile'],
  ['messaging', 'LinkedIn messaging is not a profile'],
];

/**
 * What the page the user is looking at shows: a profile, a company, or a typed reason why not.
 * Reads only `doc` and `url` (no globals, no fetching) and never throws.
 */
export function readLinkedinPage(doc: Document, url: string): LinkedinReadResult {
  let result: LinkedinReadResult;
  try {
    result = readByUrl(doc, url);
  } catch (error) {
    // The page is foreign, changing markup: a reader bug must degrade to manual entry, not crash.
    const message = error instanceof Error ? error.message : String(error);
    return notRecognised(`reader failed on this page: ${message}`);
  }
  const checked = LinkedinReadResultSchema.safeParse(result);
  if (checked.success) return checked.data;
  const issues = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return notRecognised(`reader produced an invalid result (${issues.join('; ')})`);
}

function readByUrl(doc: Document, url: string): LinkedinReadResult {
  const page = parsePageUrl(url);
  if (page === null) return notRecognised('not a LinkedIn page');
  const [section = '', id = '', sub = ''] = page.pathname.split('/').filter((part) => part !== '');
  switch (section.toLowerCase()) {
    case 'in': {
      if (PROFILE_SUBPAGES.includes(sub.toLowerCase())) {
        return notRecognised('profile sub-page without the top card: open the main profile');
      }
      const slug = linkedinSlug(page.href);
      return slug === null ? notRecognised('profile URL has no valid slug') : readProfile(doc, page.href, slug);
    }
    case 'company':
      return id === '' ? notRecognised('company URL has no id') : readCompany(doc, page, id);
    default: {
      const other = OTHER_PAGES.find(([prefix]) => prefix === section.toLowerCase());
      return notRecognised(other?.[1] ?? 'not a LinkedIn profile or company page');
    }
  }
}

/** The URL when it is on linkedin.com (scheme optional, as users paste it), else null. */
function parsePageUrl(input: string): URL | null {
  let raw = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `https://${raw.replace(/^\/+/, '')}`;
  if (!URL.canParse(raw)) return null;
  const page = new URL(raw);
  const host = page.hostname.toLowerCase();
  const onLinkedin = host === 'linkedin.com' || host.endsWith('.linkedin.com');
  return onLinkedin && (page.protocol === 'https:' || page.protocol === 'http:') ? page : null;
}

function notRecognised(reason: string): LinkedinReadResult {
  return { kind: 'not_recognised', reason };
}
