import { describe, expect, it } from 'vitest';
import { badgeText } from './badge.ts';

describe('badge text', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
  ])('%i unread shows "%s"', (unread, text) => {
    expect(badgeText(unread)).toBe(text);
  });
});
