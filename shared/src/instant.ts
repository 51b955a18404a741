/*
 * The instants every part of Baton can store and show: years 1 to 9999 in UTC. PostgreSQL,
 * `Date#toISOString` and ISO 8601 without an expanded year all agree inside that range, so a
 * time outside it (year 0000, or 0001-01-01 moved before year 1 by its offset) is refused where
 * it enters — at the schema, or by a page reader — rather than failing as a 500 when stored.
 */

const FIRST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LAST = new Date('9999-12-31T23:59:59.999Z').getTime();

/** True for a valid instant (a Date, epoch milliseconds or a parseable string) within years 1–9999 UTC. */
export function isSaneInstant(value: Date | number | string): boolean {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) && ms >= FIRST && ms <= LAST;
}

export const SANE_INSTANT_MESSAGE = 'must be a time between the years 1 and 9999 (UTC)';
