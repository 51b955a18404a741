/**
 * Identity normalisation: the one place that decides when two spellings name the same person.
 * Emails keep their `+tag` (a rep may deliberately use one) but match case-insensitively;
 * LinkedIn profiles are identified by their `/in/<slug>`.
 */

const EMAIL_SHAPE = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * Trims, strips a `mailto:` prefix and angle brackets, and lower-cases. Null when not an email.
 * The one email normalisation: every lookup and write (API schema, brief, search, resolve, the
 * extension) goes through it. Addresses are ASCII only: Unicode case mapping and NFKC fold
 * lookalikes into real letters (U+212A KELVIN SIGN lower-cases to "k"), so a crafted address
 * would reach another person's contact; such an address is refused, never matched.
 */
export function normalizeEmail(input: string): string | null {
  let value = input.trim();
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length);
  value = value.replace(/^<+|>+$/g, '').trim();
  if (!/^[\x21-\x7e]+$/.test(value)) return null;
  value = value.toLowerCase();
  if (value.length > 320 || !EMAIL_SHAPE.test(value)) return null;
  return value;
}

/** The domain part of an (already normalised or raw) email, or null. */
export function emailDomain(input: string): string | null {
  const email = normalizeEmail(input);
  return email ? email.slice(email.lastIndexOf('@') + 1) : null;
}

/** True when both spell the same mailbox (case and surrounding whitespace ignored, `+tag` kept). */
export function sameEmail(a: string, b: string): boolean {
  const left = normalizeEmail(a);
  return left !== null && left === normalizeEmail(b);
}

const SLUG_SHAPE = /^[\p{L}\p{N}_-]{2,100}$/u;
// LinkedIn appends a locale to some public URLs: /in/jordan-lee/fr or /in/jordan-lee/?locale=de_DE.
const LOCALE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

/**
 * The canonical slug of a LinkedIn profile URL (`jordan-lee` for
 * `https://LinkedIn.com/in/Jordan-Lee/?trk=x`), or null when the URL is not a profile.
 */
export function linkedinSlug(input: string): string | null {
  let raw = input.trim();
  if (raw === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `https://${raw.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  const segments = url.pathname.split('/').filter((part) => part !== '');
  if (segments[0]?.toLowerCase() !== 'in' || segments.length < 2) return null;
  const rest = segments.slice(2);
  if (rest.length > 1 || (rest.length === 1 && !LOCALE_SEGMENT.test(rest[0] ?? ''))) {
    // `/in/<slug>/overlay/...` and `/in/<slug>/details/...` still name the same person.
    if (!['overlay', 'details', 'recent-activity', 'detail'].includes(rest[0]?.toLowerCase() ?? '')) {
      return null;
    }
  }
  let slug: string;
  try {
    slug = decodeURIComponent(segments[1] ?? '').toLowerCase();
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
  return SLUG_SHAPE.test(slug) ? slug : null;
}

/** `https://www.linkedin.com/in/<slug>` for any spelling of a profile URL, or null. */
export function canonicalLinkedinUrl(input: string): string | null {
  const slug = linkedinSlug(input);
  return slug === null ? null : `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;
}
