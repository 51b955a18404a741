/**
 * Gmail's `span.g3[title]` holds the full date in the reader's locale and time zone, e.g.
 * "Tue, Mar 4, 2025, 10:15 AM" (en-US) or "4 Mar 2025, 14:05" (en-GB). Date.parse is not used:
 * engines disagree on these strings. Other locales give null and the caller keeps the text.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '([A-Za-z]{3,9})\\.?';
const TIME = '(?:,|\\s+at)?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?';
const US_DATE = new RegExp(`^(?:[A-Za-z]+,?\\s+)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${TIME}`);
const GB_DATE = new RegExp(`^(?:[A-Za-z]+,?\\s+)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})${TIME}`);

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  return lower.length < 3 ? -1 : MONTHS.findIndex((month) => month.startsWith(lower));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** A local ISO 8601 date-time ("2025-03-04T10:15:00") for Gmail's title text, or null. */
export function parseGmailDate(title: string): string | null {
  const text = title.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
  const us = US_DATE.exec(text);
  const gb = us ? null : GB_DATE.exec(text);
  const parts = us
    ? { month: us[1], day: us[2], year: us[3], rest: us.slice(4) }
    : gb
      ? { month: gb[2], day: gb[1], year: gb[3], rest: gb.slice(4) }
      : null;
  if (parts === null) return null;
  const [hourText, minuteText, secondText, meridiem] = parts.rest;
  const month = monthIndex(parts.month ?? '');
  const year = Number(parts.year);
  const day = Number(parts.day);
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (month < 0 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
