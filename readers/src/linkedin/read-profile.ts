import { canonicalLinkedinUrl, linkedinSlug } from '@baton/shared';
import { firstMatch, resolveUrl, visibleText, type Match } from './dom.ts';
import { EMBEDDED_JSON_SOURCE, readEmbeddedProfile } from './embedded-json.ts';
import { GHOST_PHOTO_CLASS, HIDDEN_TEXT, PROFILE_SELECTORS } from './selectors.ts';
import { PhotoUrlSchema, type LinkedinReadResult } from './types.ts';

export const STALE_PROFILE_REASON = 'page still shows the previous profile';

type TextField = 'name' | 'headline' | 'location';

/** Reads the profile of `urlSlug` (already taken from `pageUrl`) from the top card and main column. */
export function readProfile(doc: Document, pageUrl: string, urlSlug: string): LinkedinReadResult {
  const profileUrl = canonicalLinkedinUrl(pageUrl);
  if (profileUrl === null) return { kind: 'not_recognised', reason: 'profile URL has no valid slug' };
  const matched: Record<string, string> = {};

  const contact = firstMatch(doc, PROFILE_SELECTORS.contactInfo);
  const contactHref = contact?.element.getAttribute('href');
  const domSlug = contactHref ? linkedinSlug(resolveUrl(contactHref, profileUrl)?.href ?? '') : null;
  // A contact link naming someone else means the SPA changed the URL before the DOM: mixing the
  // two would attach one person's name to another's identity.
  if (domSlug !== null && domSlug !== urlSlug) return { kind: 'not_recognised', reason: STALE_PROFILE_REASON };
  matched['slug'] = domSlug !== null && contact ? contact.selector : 'url';

  const embedded = readEmbeddedProfile(doc, urlSlug);
  const topCard = firstMatch(doc, PROFILE_SELECTORS.topCard);
  if (topCard) matched['topCard'] = topCard.selector;

  const text = (field: TextField): string | null => {
    const found = topCard ? firstMatch(topCard.element, PROFILE_SELECTORS[field], hasVisibleText) : null;
    if (found) {
      matched[field] = found.selector;
      return visibleText(found.element);
    }
    const fallback = embedded?.[field] ?? null;
    if (fallback !== null) matched[field] = EMBEDDED_JSON_SOURCE;
    return fallback;
  };

  const name = text('name');
  if (name === null) {
    return {
      kind: 'not_recognised',
      reason: topCard ? 'profile name not found in the top card' : 'profile layout not recognised: no top card',
    };
  }
  // Without a contact link, the payload for this slug is the only witness that the top card is
  // not the previous person's. Any shared name part counts as agreement (nicknames, credentials).
  if (domSlug === null && embedded && !sharesNamePart(name, embedded.nameParts)) {
    return { kind: 'not_recognised', reason: STALE_PROFILE_REASON };
  }
  const company = topCard ? readCompany(topCard.element, matched) : null;
  const title = readTitle(doc, matched);
  const photoUrl = topCard ? readPhoto(topCard.element, profileUrl, matched) : null;
  return {
    kind: 'profile',
    slug: urlSlug,
    profileUrl,
    name,
    headline: text('headline'),
    company,
    title,
    location: text('location'),
    photoUrl,
    matched,
  };
}

function sharesNamePart(name: string, parts: readonly string[]): boolean {
  const shown = name.normalize('NFKC').toLowerCase();
  return parts.length === 0 || parts.some((part) => shown.includes(part.normalize('NFKC').toLowerCase()));
}

function hasVisibleText(element: Element): boolean {
  return !element.matches(HIDDEN_TEXT) && visibleText(element) !== null;
}

// English UI only; other locales fall through to the older selectors or to null.
const COMPANY_LABEL = /^Current company:\s*(.*?)\s*(?:\.\s*Click to skip to experience card\.?)?\s*$/is;

function readCompany(topCard: Element, matched: Record<string, string>): string | null {
  const labelled = firstMatch(topCard, PROFILE_SELECTORS.companyLabel);
  const label = labelled?.element.getAttribute('aria-label') ?? '';
  const fromLabel = COMPANY_LABEL.exec(label)?.[1]?.trim();
  if (labelled && fromLabel) {
    matched['company'] = labelled.selector;
    return fromLabel;
  }
  const shown = firstMatch(topCard, PROFILE_SELECTORS.companyText, hasVisibleText);
  if (!shown) return null;
  matched['company'] = shown.selector;
  return visibleText(shown.element);
}

function readTitle(doc: Document, matched: Record<string, string>): string | null {
  const anchor = firstMatch(doc, PROFILE_SELECTORS.experienceAnchor);
  if (!anchor) return null;
  // The anchor is an empty marker div; the entries are in the section that holds it.
  const section = anchor.element.closest('section') ?? anchor.element.parentElement ?? anchor.element;
  const entry = firstMatch(section, PROFILE_SELECTORS.experienceEntry);
  if (!entry) return null;
  // Several roles at one company: the outer entry's first text is the company, the role is nested.
  const role = firstMatch(entry.element, PROFILE_SELECTORS.experienceEntry) ?? entry;
  const label = firstMatch(role.element, PROFILE_SELECTORS.experienceText, hasVisibleText);
  if (!label) return null;
  matched['title'] = [anchor, entry, label].map((match: Match) => match.selector).join(' ');
  return visibleText(label.element);
}

function readPhoto(topCard: Element, base: string, matched: Record<string, string>): string | null {
  const photo = firstMatch(topCard, PROFILE_SELECTORS.photo);
  if (!photo) return null;
  matched['photo'] = photo.selector;
  const ghost = photo.element.closest(`[class*="${GHOST_PHOTO_CLASS}"]`);
  if (ghost !== null && topCard.contains(ghost)) return null;
  const src = photo.element.getAttribute('src')?.trim() ?? '';
  if (src === '') return null;
  // The 1x1 GIF placeholder (and any other inline image) is a data URI, not a photo.
  if (src.toLowerCase().startsWith('data:')) return null;
  const url = resolveUrl(src, base)?.href ?? null;
  return url !== null && PhotoUrlSchema.safeParse(url).success ? url : null;
}
