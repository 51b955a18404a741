/**
 * Gmail's `span.g3[title]` holds the full date in the reader's language and time zone:
 * "Tue, Mar 4, 2025, 10:15 AM" (en-US), "Di., 4. März 2025, 14:05" (de), "2025年3月4日(火) 14:05"
 * (ja). Gmail writes these from the Unicode CLDR tables, and so does the browser's
 * `Intl.DateTimeFormat`: the month, weekday and day-period names of the page's `<html lang>` are
 * read from there, so every language the browser knows is covered with no table of our own and no
 * bytes added to the content script. `Date.parse` is never used: engines disagree on such strings.
 */

interface LocaleTables {
  /** Every spelling of each month (long, short, stand-alone, in-a-date, with and without a dot). */
  months: Map<string, number>;
  weekdays: Set<string>;
  /** Day periods the locale writes, compacted (no spaces or dots): 'am', 'pm', '午後'… */
  pm: Set<string>;
  am: Set<string>;
  /** The order of year, month and day in an all-numbers date. */
  numericOrder: ('year' | 'month' | 'day')[];
}

const tablesCache = new Map<string, LocaleTables | null>();
const MAX_TITLE = 200;
/** Gmail launched in 2004; a mailbox can hold older imported mail, but not from before this. */
const EARLIEST_YEAR = 1990;
/** Local wall-clock times run up to 14 h ahead of UTC; a day on top for clocks that are a little off. */
const FUTURE_SLACK_MS = (14 + 24) * 3600_000;

const compact = (text: string): string => text.replace(/[\s.]/g, '');
const lower = (text: string, locale: string): string => text.toLocaleLowerCase(locale);

function supported(locale: string): string | null {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? null;
  } catch (error) {
    // An `<html lang>` that is not a BCP 47 tag: that language is not one we can read.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function partOf(format: Intl.DateTimeFormat, date: Date, type: Intl.DateTimeFormatPartTypes): string | null {
  return format.formatToParts(date).find((part) => part.type === type)?.value ?? null;
}

function buildTables(locale: string): LocaleTables {
  const months = new Map<string, number>();
  const addMonth = (name: string | null, index: number): void => {
    if (name === null) return;
    const spelled = lower(name, locale).trim();
    for (const form of [spelled, spelled.replace(/\.$/, '')]) if (form !== '' && !/^\d+$/.test(form)) months.set(form, index);
  };
  const monthFormats = [
    new Intl.DateTimeFormat(locale, { month: 'long' }),
    new Intl.DateTimeFormat(locale, { month: 'short' }),
    new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric' }),
    new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }),
  ];
  for (let index = 0; index < 12; index += 1) {
    const date = new Date(2025, index, 15, 12);
    for (const format of monthFormats) addMonth(partOf(format, date, 'month'), index);
  }
  const weekdays = new Set<string>();
  for (const style of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { weekday: style });
    for (let day = 0; day < 7; day += 1) {
      const name = lower(format.format(new Date(2025, 2, 2 + day, 12)), locale);
      weekdays.add(name).add(name.replace(/\.$/, ''));
    }
  }
  const hour12 = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true });
  const period = (hour: number): string | null => {
    const value = partOf(hour12, new Date(2025, 2, 4, hour), 'dayPeriod');
    return value === null ? null : compact(lower(value, locale));
  };
  const am = new Set(['am']);
  const pm = new Set(['pm']);
  const localAm = period(1);
  const localPm = period(13);
  if (localAm) am.add(localAm);
  if (localPm) pm.add(localPm);
  const numericOrder = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(2025, 2, 4, 12))
    .map((part) => part.type)
    .filter((type): type is 'year' | 'month' | 'day' => type === 'year' || type === 'month' || type === 'day');
  return { months, weekdays, am, pm, numericOrder };
}

function tablesFor(locale: string): LocaleTables | null {
  if (!tablesCache.has(locale)) {
    const known = supported(locale);
    tablesCache.set(locale, known === null ? null : buildTables(known));
  }
  return tablesCache.get(locale) ?? null;
}

/** The month a word names: an exact spelling, else the one month whose long name starts with it. */
function monthOf(word: string, tables: LocaleTables): number | null {
  const bare = word.replace(/\.$/, '');
  const exact = tables.months.get(word) ?? tables.months.get(bare);
  if (exact !== undefined) return exact;
  if (bare.length < 3) return null;
  const matches = new Set([...tables.months].filter(([name]) => name.startsWith(bare)).map(([, index]) => index));
  return matches.size === 1 ? ([...matches][0] ?? null) : null;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?|(\d{1,2})\s?h\s?(\d{2})/g;
const LATIN_PERIOD = /(?:^|[\s,])([ap])\.?\s?m\.?(?=$|[\s,)])/;

function readTime(text: string, tables: LocaleTables): { rest: string; hour: number; minute: number; second: number } | null {
  const matches = [...text.matchAll(TIME)];
  const time = matches[matches.length - 1];
  if (time === undefined || time.index === undefined) return null;
  const rest = `${text.slice(0, time.index)} ${text.slice(time.index + time[0].length)}`;
  let hour = Number(time[1] ?? time[4]);
  const minute = Number(time[2] ?? time[5]);
  const second = time[3] === undefined ? 0 : Number(time[3]);
  const latin = LATIN_PERIOD.exec(rest)?.[1];
  const squeezed = compact(rest);
  const isPm = latin === 'p' || [...tables.pm].some((form) => !/[a-z]/.test(form) && squeezed.includes(form));
  const isAm = latin === 'a' || [...tables.am].some((form) => !/[a-z]/.test(form) && squeezed.includes(form));
  if (isPm || isAm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { rest, hour, minute, second };
}

function readDay(rest: string, tables: LocaleTables): Pick<WallClock, 'year' | 'month' | 'day'> | null {
  const numbers = [...rest.matchAll(/\d+/g)].map((match) => match[0]);
  const words = [...rest.matchAll(/\p{L}[\p{L}\p{M}.]*/gu)].map((match) => match[0]);
  const named = words.map((word) => ({ word, month: monthOf(word, tables) })).filter((item) => item.month !== null);
  // Weekdays come first and can share a spelling with a month ("mar" is both in Spanish).
  const notWeekday = named.filter((item) => !tables.weekdays.has(item.word) && !tables.weekdays.has(item.word.replace(/\.$/, '')));
  const month = (notWeekday.length > 0 ? notWeekday : named).at(-1)?.month ?? null;
  if (month !== null) {
    const year = numbers.find((n) => n.length === 4);
    const day = numbers.find((n) => n.length <= 2);
    if (numbers.length !== 2 || year === undefined || day === undefined) return null;
    return { year: Number(year), month: month + 1, day: Number(day) };
  }
  if (numbers.length !== 3 || tables.numericOrder.length !== 3) return null;
  const value: Partial<Record<'year' | 'month' | 'day', string>> = {};
  tables.numericOrder.forEach((type, index) => (value[type] = numbers[index]));
  if (value.year?.length !== 4) return null;
  return { year: Number(value.year), month: Number(value.month), day: Number(value.day) };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function isSane({ year, month, day, hour, minute, second }: WallClock, now: number): boolean {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  return Date.UTC(year, month - 1, day, hour, minute, second) <= now + FUTURE_SLACK_MS;
}

/** The languages to try for a page: its own, its base language, then English (Gmail's default). */
function candidates(lang: string | null): string[] {
  const own = (lang ?? '').trim();
  const base = own.split(/[-_]/)[0] ?? '';
  return [...new Set([own, base, 'en'].filter((tag) => tag !== ''))];
}

/**
 * A local ISO 8601 date-time ("2025-03-04T10:15:00") for Gmail's title text in the page's language,
 * or null when it cannot be read, names no time, or is impossible (before 1990, or in the future).
 */
export function parseGmailDate(title: string, lang: string | null = null, now: number = Date.now()): string | null {
  const text = title.slice(0, MAX_TITLE).replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  for (const locale of candidates(lang)) {
    const tables = tablesFor(locale);
    if (tables === null) continue;
    const lowered = lower(text, locale);
    const time = readTime(lowered, tables);
    const day = time === null ? null : readDay(time.rest, tables);
    if (time === null || day === null) continue;
    const clock: WallClock = { ...day, hour: time.hour, minute: time.minute, second: time.second };
    if (!isSane(clock, now)) return null;
    return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  }
  return null;
}
