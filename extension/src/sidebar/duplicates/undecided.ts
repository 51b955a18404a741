import type { Contact } from '@baton/shared';

/** Duplicates still to decide on: not declined by the rep, each once. */
export function undecided<T extends Pick<Contact, 'id'>>(candidates: readonly T[], declined: ReadonlySet<string>): T[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (declined.has(candidate.id) || seen.has(candidate.id)) return false;
    seen.add(candidate.id);
    return true;
  });
}
