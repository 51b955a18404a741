import { findAll, type Found } from './dom.ts';
import { dedupePeople, personFromElement } from './person.ts';
import type { Person } from './types.ts';

/** Everyone shown as a sender in the visible list rows, the signed-in user left out. */
export function readListSenders(rows: Found<Element[]>, user: Person | null): Person[] {
  const senders = rows.value
    .flatMap((row) => findAll(row, 'listSender')?.value ?? [])
    .map(personFromElement)
    .filter((person): person is Person => person !== null);
  return dedupePeople(senders, user?.email ?? null);
}
