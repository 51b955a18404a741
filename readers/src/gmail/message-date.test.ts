import { describe, expect, it } from 'vitest';
import { parseGmailDate } from './message-date.ts';

// Fixed "now" so the future-date rule does not depend on the day the suite runs.
const NOW = Date.UTC(2026, 0, 15, 12);

describe('parseGmailDate', () => {
  it.each([
    // English variants, 12- and 24-hour clocks
    ['Tue, Mar 4, 2025, 10:15 AM', 'en', '2025-03-04T10:15:00'],
    ['Tue, Mar 4, 2025, 12:05 AM', 'en-US', '2025-03-04T00:05:00'],
    ['Tue, Mar 4, 2025, 12:05\u202fPM', 'en', '2025-03-04T12:05:00'],
    ['Wed, Apr 2, 2025 at 1:00 PM', 'en', '2025-04-02T13:00:00'],
    ['September 30, 2024, 9:01:07 AM', 'en', '2024-09-30T09:01:07'],
    ['4 Mar 2025, 14:05', 'en-GB', '2025-03-04T14:05:00'],
    ['Tue 4 Mar 2025, 14:05', 'en-GB', '2025-03-04T14:05:00'],
    ['Tue, 4 Mar 2025, 2:05 pm', 'en-AU', '2025-03-04T14:05:00'],
    ['Feb 29, 2024, 8:00 AM', 'en', '2024-02-29T08:00:00'],
    // The ten most used Gmail languages besides English
    ['mar, 4 mar 2025, 14:05', 'es', '2025-03-04T14:05:00'],
    ['4 de marzo de 2025, 2:05 p. m.', 'es', '2025-03-04T14:05:00'],
    ['ter., 4 de mar. de 2025, 14:05', 'pt-BR', '2025-03-04T14:05:00'],
    ['mar. 4 mars 2025, 14:05', 'fr', '2025-03-04T14:05:00'],
    ['4 mai 2025 à 09:30', 'fr', '2025-05-04T09:30:00'],
    ['Di., 4. März 2025, 14:05', 'de', '2025-03-04T14:05:00'],
    ['Mo., 22. Dez. 2025, 08:00', 'de-AT', '2025-12-22T08:00:00'],
    ['mar 4 mar 2025, 14:05', 'it', '2025-03-04T14:05:00'],
    ['di 4 mrt 2025 14:05', 'nl', '2025-03-04T14:05:00'],
    ['dinsdag 4 maart 2025 om 14:05', 'nl', '2025-03-04T14:05:00'],
    ['2025年3月4日(火) 14:05', 'ja', '2025-03-04T14:05:00'],
    ['2025年3月4日 午後2:05', 'ja', '2025-03-04T14:05:00'],
    ['вт, 4 мар. 2025 г., 14:05', 'ru', '2025-03-04T14:05:00'],
    ['4 марта 2025 г., 9:07', 'ru', '2025-03-04T09:07:00'],
    ['wt., 4 mar 2025, 14:05', 'pl', '2025-03-04T14:05:00'],
    ['wtorek, 4 marca 2025 14:05', 'pl', '2025-03-04T14:05:00'],
    // An English date on a page in another language, and a lang that is not a language tag
    ['Tue, Mar 4, 2025, 10:15 AM', 'de', '2025-03-04T10:15:00'],
    ['Dec 31, 2024, 11:59 PM', 'not a tag!!', '2024-12-31T23:59:00'],
    // Unreadable or impossible: missing, never guessed
    ['Feb 29, 2025, 8:00 AM', 'en', null],
    ['Mar 4, 2025, 13:15 PM', 'en', null],
    ['Mar 4, 2025, 0:00 PM', 'en', null],
    ['Tue, Mar 4, 9999, 10:15 AM', 'en', null],
    ['Tue, Mar 4, 1970, 10:15 AM', 'en', null],
    ['Tue, Mar 4, 2027, 10:15 AM', 'en', null],
    ['4. März 2025', 'de', null],
    ['yesterday', 'en', null],
    ['', 'en', null],
  ])('%j (%s) -> %j', (title, lang, iso) => {
    expect(parseGmailDate(title, lang, NOW)).toBe(iso);
  });

  it('accepts a time up to a day ahead of now (time zones), not beyond', () => {
    expect(parseGmailDate('Jan 16, 2026, 11:00 PM', 'en', NOW)).toBe('2026-01-16T23:00:00');
    expect(parseGmailDate('Jan 18, 2026, 11:00 PM', 'en', NOW)).toBeNull();
  });
});
