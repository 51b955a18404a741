import { canonicalLinkedinUrl, type Contact } from '@baton/shared';

/** One line that tells two contacts apart: name, role, and an email or profile. */
export function describeContact(contact: Pick<Contact, 'name' | 'title' | 'company' | 'emails' | 'linkedinUrl'>): string {
  const name = contact.name ?? contact.emails[0] ?? 'Unnamed contact';
  const role = [contact.title, contact.company].filter(Boolean).join(' at ');
  const identity = contact.emails[0] ?? (contact.linkedinUrl ? contact.linkedinUrl.replace(/^https:\/\/www\./, '') : null);
  return [name, role, identity !== name ? identity : null].filter(Boolean).join(' · ');
}

export type PastedProfile = { ok: true; url: string } | { ok: false; message: string };

/** A pasted profile address as the one canonical URL Baton stores, or why it is not one. */
export function parsePastedProfile(input: string): PastedProfile {
  if (input.trim() === '') return { ok: false, message: 'Paste the address of their LinkedIn profile.' };
  const url = canonicalLinkedinUrl(input);
  return url === null ? { ok: false, message: 'That is not a LinkedIn profile address (linkedin.com/in/…).' } : { ok: true, url };
}
