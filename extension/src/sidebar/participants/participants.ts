import { normalizeEmail } from '@baton/shared';
import { isNeverLogged } from '../../settings/never-log.ts';
import type { Person } from '@baton/readers/gmail';

/**
 * The people of a thread worth showing: not the signed-in Gmail account, not the Baton user
 * (they may differ), not never-log domains (colleagues, partners), each address once.
 */
export function threadParticipants(
  people: readonly Person[],
  exclude: { userEmails: readonly (string | null | undefined)[]; neverLogDomains: readonly string[] },
): Person[] {
  const own = new Set(exclude.userEmails.flatMap((email) => (email ? [normalizeEmail(email) ?? email] : [])));
  const seen = new Set<string>();
  const kept: Person[] = [];
  for (const person of people) {
    const email = normalizeEmail(person.email);
    if (email === null || own.has(email) || seen.has(email)) continue;
    if (isNeverLogged(email, exclude.neverLogDomains)) continue;
    seen.add(email);
    kept.push({ ...person, email });
  }
  return kept;
}
