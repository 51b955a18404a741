import { describe, expect, it } from 'vitest';
import { isSaneInstant } from './instant.ts';
import { Timestamp } from './schemas/common.ts';

describe('isSaneInstant and Timestamp', () => {
  it.each([
    ['0001-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59.999Z', true],
    ['2024-05-01T10:00:00+02:00', true],
    ['0000-06-01T00:00:00Z', false],
    // Inside the range as written, outside it once the offset is applied.
    ['0001-01-01T00:30:00+01:00', false],
    ['9999-12-31T23:30:00-01:00', false],
  ])('%s → %s', (value, sane) => {
    expect(isSaneInstant(value)).toBe(sane);
    expect(Timestamp.safeParse(value).success).toBe(sane);
  });

  it('refuses what is no instant at all', () => {
    expect(isSaneInstant('not a date')).toBe(false);
    expect(isSaneInstant(Number.NaN)).toBe(false);
    expect(isSaneInstant(new Date(8.64e15))).toBe(false);
  });
});
