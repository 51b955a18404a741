import { normalizeEmail } from '@baton/shared';
import type { Person } from './types.ts';

/** A person from Gmail's `<span email="..." name="...">`; null when the email is not an email. */
export function personFromElement(element: Element): Person | null {
  const email = normalizeEmail(element.getAttribute('email') ?? '');
  if (email === null) return null;
  return { name: cleanName(element.getAttribute('name') ?? element.textContent, email), email };
}

export function cleanName(raw: string | null | undefined, email: string): string | null {
  const name = (raw ?? '').replace(/\s+/g, ' ').trim();
  return name === '' || name.toLowerCase() === email ? null : name;
}

/** First appearance wins the position; a later one can still supply a missing name. */
export function dedupePeople(people: Iterable<Person>, exclude: string | null = null): Person[] {
  const byEmail = new Map<string, Person>();
  for (const person of people) {
    if (person.email === exclude) continue;
    const seen = byEmail.get(person.email);
    if (seen === undefined) byEmail.set(person.email, { ...person });
    else if (seen.name === null && person.name !== null) seen.name = person.name;
  }
  return [...byEmail.values()];
}
