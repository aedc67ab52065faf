/**
 * Dates and times as UK council papers print them, turned into ISO strings. Pure functions, shared by all extractors.
 * Every parser returns undefined rather than guessing: "31 February 2011" is not a date, and "at 3" is not a time.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';

/** "Thursday, 12 May 2011", "12th May, 2011", "May 12, 2011" (the last is rare but printed by some minute takers). */
const LONG_DATE = `${WEEKDAY}(?:(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})|${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4}))`;

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)));
}

/** Builds an ISO date, rejecting impossible days that Date would silently roll into the next month. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateMatch {
  /** "2011-05-12" */
  iso: string;
  /** Where the date starts in the searched text (including a weekday if printed). */
  index: number;
  /** The date as printed. */
  text: string;
}

function fromLongMatch(match: RegExpExecArray | RegExpMatchArray): string | undefined {
  const day = Number(match[1] ?? match[5]);
  const monthName = match[2] ?? match[4] ?? '';
  const year = Number(match[3] ?? match[6]);
  return isoDate(year, monthIndex(monthName) + 1, day);
}

/** Parses a text that is exactly one long date ("Thursday, 12 May 2011", "6 April 2011"); surrounding punctuation is allowed. */
export function parseLongDate(text: string): string | undefined {
  const match = new RegExp(`^[\\s*(,]*${LONG_DATE}[\\s*).,]*$`, 'i').exec(text);
  return match ? fromLongMatch(match) : undefined;
}

/** Every long date in a text, in order. */
export function findLongDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const match of text.matchAll(new RegExp(LONG_DATE, 'gi'))) {
    const iso = fromLongMatch(match);
    if (iso) found.push({ iso, index: match.index ?? 0, text: match[0] });
  }
  return found;
}

/** The first long date in a line, with where it was printed. */
export function matchLongDate(text: string): DateMatch | undefined {
  return findLongDates(text)[0];
}

/** The first long date in a line, as ISO. */
export function findLongDate(text: string): string | undefined {
  return matchLongDate(text)?.iso;
}

/**
 * "10/12/08" -> "2008-12-10" (UK order: day first). Two-digit years are 20yy: these papers are all from this century,
 * and a tracking sheet's "10/12/08" means 2008. Also accepts "10.12.2008" and "10-12-2008".
 */
export function parseShortDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return isoDate(year, Number(match[2]), Number(match[1]));
}

/** "March 2011" -> "2011-03" (improvement plans and dashboards are dated by month). */
export function parseMonthYear(text: string): string | undefined {
  const match = new RegExp(`^\\s*${MONTH},?\\s+(\\d{4})\\s*$`, 'i').exec(text);
  if (!match) return undefined;
  const month = monthIndex(match[1]!) + 1;
  return `${match[2]}-${String(month).padStart(2, '0')}`;
}

/** A time as printed, for use inside larger patterns: "10.00 am", "4.30pm", "10am", "14:00", "12 noon". */
export const CLOCK_TIME_SOURCE = '(?:\\d{1,2}(?:[.:]\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)|\\d{1,2}[.:]\\d{2}|(?:12(?:[.:]00)?\\s*)?noon|midday)';

/** "10.00 am" -> "10:00", "4.30 pm" -> "16:30", "12 noon" -> "12:00", "14:00" -> "14:00". */
export function parseClockTime(text: string): string | undefined {
  const trimmed = text.replace(/\*/g, '').trim();
  if (/^(?:12(?:[.:]00)?\s*)?noon$|^midday$/i.test(trimmed)) return '12:00';
  const match = /^(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/i.exec(trimmed);
  if (!match) return undefined;
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  // "at 3" is a count, not a time: a time has minutes or am/pm.
  if (match[2] === undefined && !meridiem) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
  } else if (hour > 23) {
    return undefined;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The first time in a text, as "HH:MM". */
export function findClockTime(text: string): string | undefined {
  for (const match of text.matchAll(new RegExp(`(?<![\\d.:])${CLOCK_TIME_SOURCE}(?![\\d])`, 'gi'))) {
    const time = parseClockTime(match[0]);
    if (time) return time;
  }
  return undefined;
}
