// Reads the date and time that begin a timeline entry, in the many ways people write them:
// "13:06", "Aug 14 2019 13:06", "2021-06-07 9:00", "8:20 - 8:24", "[13:26]", "**21:48:**",
// "Feb 04, 2021, 21:45 (UTC)", "11:21a", "4:19 PM", "1915 UTC", "11.50", "10h47", "[???]",
// "2024-03-05T14:10:00+01:00", "02-26-2024", "26/02/2024" (day first when the document says so),
// "Monday, October 21st", "2022-07-19 HH:mm" (a date whose time was not recorded).
import { ZONE_PATTERN } from './zones';

export interface CalendarDate {
  year?: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

export interface ReadOptions {
  /** Numeric dates are day first ("26/02/2024"): the document's other dates settle it. */
  dayFirst?: boolean;
}

export interface TimeExpression {
  date?: CalendarDate;
  time?: ClockTime;
  endTime?: ClockTime;
  zone?: string;
  /** "25:61": written as a time but impossible. */
  invalid?: string;
  /** "[???]", "??:??", "TBD": the writer marked the time as unknown. */
  unknown?: boolean;
  /** Characters of the input that the expression covers, wrappers included, and the separator after it. */
  length: number;
  /** Where the time itself (without wrappers and separators) starts and ends in the input. */
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;

const PREFIX = /^(?:\s|\*\*|__|[*_[({~`]|\{\{|ca\.\s*|approx(?:\.|imately)?\s+|around\s+|about\s+|at\s+)*/iy;
const ISO_DATE = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/y;
const MONTH_FIRST = new RegExp(String.raw`${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`, 'iy');
const DAY_FIRST = new RegExp(String.raw`${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+(\d{4}))?`, 'iy');
/** "02-26-2024", "2/15/24", "26.02.2024": month first unless the document writes day first. */
const NUMERIC_DATE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d:])/y;
/** "2022-07-19 HH:mm", "2019-12-03 --:--": the date is known, the time was not recorded. */
const TIME_PLACEHOLDER = /(?:hh:mm(?::ss)?|--:--|xx:xx|\?\?:\?\?)(?![a-z])/iy;
const DATE_TIME_GAP = /(?:,?\s+at\s+|\s+[-–—]\s+|,?\s+|\s*[,@]\s*|T)(?:(?:ca\.|approx\.?|around|~)\s*)?/iy;
const CLOCK = /(\d{1,2})(?::|h(?=\d{2}(?!\d)))(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s?([ap])\.?m\.?(?![a-z])|([ap])(?![a-z]))?/iy;
const DOTTED = /(\d{1,2})\.(\d{2})(?![\d.])(?:\s?([ap])\.?(?:m\.?)?(?![a-z]))?/iy;
const MILITARY = new RegExp(String.raw`([01]\d|2[0-3])([0-5]\d)(?=\s*(?:h\b|hrs\b|${ZONE_PATTERN}\b))`, 'iy');
/** "11:20 AM PST Friday Oct 15th", "14:05 on March 3": a date after the time. */
const TIME_DATE_GAP = /(?:,?\s+on\s+|,?\s+)/iy;
/** "2025-01-14 1600": after a date, four digits are a time even without a zone. */
const MILITARY_AFTER_DATE = /([01]\d|2[0-3])([0-5]\d)(?![\d:.])/y;
const HOUR_ONLY = /(\d{1,2})\s?([ap])\.?m\.?(?![a-z])/iy;
const RANGE = /\s*(?:-|–|—|to)\s*/iy;
const ZONE = new RegExp(String.raw`\s*\(?(${ZONE_PATTERN})\)?(?![A-Za-z])`, 'y');
const UNKNOWN = /(?:\?{2,}(?::\?{2,})?|xx:xx|tbd|unknown)/iy;
const SUFFIX = /(?:\s*(?:\*\*|__|[*_\])}`]|\}\}|[:\-–—|,.]+(?=[\s*_\])}]|$)))*\s*/y;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function readDate(s: string, i: number, options: ReadOptions): { date: CalendarDate; end: number } | undefined {
  let m = at(ISO_DATE, s, i);
  if (m) return { date: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, end: i + m[0].length };
  m = at(NUMERIC_DATE, s, i);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // A first number over 12 can only be a day, a second over 12 only a day; otherwise the document decides.
    const dayFirst = a > 12 || (b <= 12 && options.dayFirst === true);
    const date = { year: fullYear(m[4]), month: dayFirst ? b : a, day: dayFirst ? a : b };
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31) return { date, end: i + m[0].length };
    return undefined;
  }
  m = at(MONTH_FIRST, s, i);
  if (m) return { date: { year: m[3] ? Number(m[3]) : undefined, month: monthIndex(m[1]), day: Number(m[2]) }, end: i + m[0].length };
  m = at(DAY_FIRST, s, i);
  if (m) return { date: { year: m[3] ? Number(m[3]) : undefined, month: monthIndex(m[2]), day: Number(m[1]) }, end: i + m[0].length };
  return undefined;
}

function to24(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === 'p';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

interface ClockRead {
  time: ClockTime;
  /** "a" or "p" when written with AM/PM. */
  meridiem?: string;
  invalid?: string;
  end: number;
}

function readClock(s: string, i: number, allowDotted: boolean): ClockRead | undefined {
  let m = at(CLOCK, s, i);
  if (m) {
    const raw = { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0) };
    const bad = raw.hour > 23 || raw.minute > 59 || raw.second > 59;
    // "13:00 PM" is common enough to read as 13:00 rather than reject.
    const meridiem = raw.hour <= 12 ? (m[4] ?? m[5]) : undefined;
    return { time: { ...raw, hour: bad ? raw.hour : to24(raw.hour, meridiem) }, meridiem, invalid: bad ? m[0] : undefined, end: i + m[0].length };
  }
  m = at(MILITARY, s, i);
  if (m) return { time: { hour: Number(m[1]), minute: Number(m[2]), second: 0 }, end: i + m[0].length };
  m = at(HOUR_ONLY, s, i);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { time: { hour: to24(Number(m[1]), m[2]), minute: 0, second: 0 }, end: i + m[0].length };
  if (allowDotted) {
    m = at(DOTTED, s, i);
    if (m && Number(m[1]) <= 23 && Number(m[2]) <= 59) {
      return { time: { hour: to24(Number(m[1]), m[3]), minute: Number(m[2]), second: 0 }, end: i + m[0].length };
    }
  }
  return undefined;
}

/** Reads the date and/or time that starts `s`; undefined when `s` does not start with one. */
export function readLeadingTime(s: string, options: ReadOptions = {}): TimeExpression | undefined {
  let startMeridiem: string | undefined;
  const prefix = at(PREFIX, s, 0);
  const start = prefix ? prefix[0].length : 0;
  let i = start;
  const unknown = at(UNKNOWN, s, i);
  if (unknown) {
    const suffix = at(SUFFIX, s, i + unknown[0].length);
    const end = i + unknown[0].length;
    return { unknown: true, length: end + (suffix?.[0].length ?? 0), start, end };
  }
  const result: Partial<TimeExpression> = {};
  const date = readDate(s, i, options);
  if (date) {
    result.date = date.date;
    i = date.end;
    const gap = at(DATE_TIME_GAP, s, i);
    const placeholder = gap && at(TIME_PLACEHOLDER, s, i + gap[0].length);
    if (placeholder) i += gap[0].length + placeholder[0].length;
    else if (gap) {
      const at4 = i + gap[0].length;
      const four = at(MILITARY_AFTER_DATE, s, at4);
      const clock = readClock(s, at4, true) ?? (four ? { time: { hour: Number(four[1]), minute: Number(four[2]), second: 0 }, end: at4 + four[0].length } : undefined);
      if (clock) {
        i = applyClock(result, clock);
        startMeridiem = clock.meridiem;
      }
    }
  } else {
    // A bare "11.50" is a time only when it starts the entry and a space follows.
    const clock = readClock(s, i, /^\d{1,2}\.\d{2}\s/.test(s.slice(i)));
    if (!clock) return undefined;
    i = applyClock(result, clock);
    startMeridiem = clock.meridiem;
  }
  if (result.time) {
    const range = at(RANGE, s, i);
    if (range) {
      const endClock = readClock(s, i + range[0].length, false);
      if (endClock) {
        result.endTime = endClock.time;
        i = endClock.end;
        // "8:20 - 8:24 PM": the start shares the end's AM/PM.
        if (endClock.meridiem && !startMeridiem && result.time.hour <= 12) result.time = { ...result.time, hour: to24(result.time.hour, endClock.meridiem) };
      }
    }
    const zone = at(ZONE, s, i);
    if (zone) {
      result.zone = zone[1];
      i += zone[0].length;
    }
    const gap = !result.date ? at(TIME_DATE_GAP, s, i) : null;
    const after = gap ? readDate(s, i + gap[0].length, options) : undefined;
    if (after) {
      result.date = after.date;
      i = after.end;
    }
  }
  const end = i;
  const suffix = at(SUFFIX, s, i);
  return { ...result, length: end + (suffix?.[0].length ?? 0), start, end };
}

function applyClock(result: Partial<TimeExpression>, clock: ClockRead): number {
  result.time = clock.time;
  if (clock.invalid) result.invalid = clock.invalid;
  return clock.end;
}

/** A line that is only a date ("Aug 14 2019", "**2021-02-04**", "Monday, March 3"). */
export function readDateLine(s: string, options: ReadOptions = {}): CalendarDate | undefined {
  const expr = readLeadingTime(s, options);
  if (!expr?.date || expr.time) return undefined;
  return s.slice(expr.length).trim().replace(/[*_:#]/g, '') === '' ? expr.date : undefined;
}

export function isoDate(date: CalendarDate & { year: number }): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const FREE_DATE = new RegExp(String.raw`(\d{4})-(\d{1,2})-(\d{1,2})|${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})`, 'i');

/** The first full calendar date (with a year) anywhere in `s`, as YYYY-MM-DD, and where it is. */
export function findDate(s: string): { iso: string; index: number; length: number } | undefined {
  const m = FREE_DATE.exec(s);
  if (!m) return undefined;
  let date: CalendarDate & { year: number };
  if (m[1]) date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  else if (m[4]) date = { year: Number(m[6]), month: monthIndex(m[4]), day: Number(m[5]) };
  else date = { year: Number(m[9]), month: monthIndex(m[8]), day: Number(m[7]) };
  if (!isValidDate(date)) return undefined;
  return { iso: isoDate(date), index: m.index, length: m[0].length };
}

export function isValidDate(date: CalendarDate & { year: number }): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

const NUMERIC_DATES = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/.-])/g;

/**
 * Whether a document writes numeric dates day first: true when one of its dates can only be read
 * that way (31/01/2024), false when one can only be read month first (01/31/2024) or none settles it.
 */
export function writesDayFirst(text: string): boolean {
  let dayFirst = false;
  for (const m of text.matchAll(NUMERIC_DATES)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (b > 12 && a <= 12) return false;
    if (a > 12 && b <= 12) dayFirst = true;
  }
  return dayFirst;
}
