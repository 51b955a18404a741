// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseGmailDate } from './message-date.ts';

describe('parseGmailDate', () => {
  it.each([
    ['Tue, Mar 4, 2025, 10:15 AM', '2025-03-04T10:15:00'],
    ['Tue, Mar 4, 2025, 12:05 AM', '2025-03-04T00:05:00'],
    ['Tue, Mar 4, 2025, 12:05\u202fPM', '2025-03-04T12:05:00'],
    ['Wed, Apr 2, 2025 at 1:00 PM', '2025-04-02T13:00:00'],
    ['September 30, 2024, 9:01:07 AM', '2024-09-30T09:01:07'],
    ['4 Mar 2025, 14:05', '2025-03-04T14:05:00'],
    ['Tue 4 Mar 2025, 14:05', '2025-03-04T14:05:00'],
    ['Feb 29, 2024, 8:00 AM', '2024-02-29T08:00:00'],
    ['Feb 29, 2025, 8:00 AM', null],
    ['Mar 4, 2025, 13:15 PM', null],
    ['4. März 2025, 14:05', null],
    ['yesterday', null],
    ['', null],
  ])('%j -> %j', (title, iso) => {
    expect(parseGmailDate(title)).toBe(iso);
  });
});
