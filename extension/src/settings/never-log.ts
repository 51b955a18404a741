import { emailDomain } from '@baton/shared';

/*
 * Mailboxes anyone can sign up for: their domain says nothing about the user's company, so
 * never-logging it would hide every prospect who uses the same provider.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'qq.com',
  '163.com',
]);

export function isPublicMailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return PUBLIC_MAIL_DOMAINS.has(lower) || /^(?:yahoo|hotmail|outlook|live)\.[a-z.]+$/.test(lower);
}

/** The user's own company domain, pre-filled into the never-log list (internal mail is not CRM data). */
export function defaultNeverLogDomains(userEmail: string | null | undefined): string[] {
  const domain = userEmail ? emailDomain(userEmail) : null;
  return domain === null || isPublicMailDomain(domain) ? [] : [domain];
}

/** Whether an address belongs to a never-log domain (subdomains included). */
export function isNeverLogged(email: string, neverLogDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (domain === null) return false;
  return neverLogDomains.some((blocked) => domain === blocked || domain.endsWith(`.${blocked}`));
}
