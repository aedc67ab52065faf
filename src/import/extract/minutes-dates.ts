/**
 * The few date and time shapes printed in minutes. Kept local to the minutes extractor so it does not depend on
 * the shared date helpers being finished; these are deliberately narrow (English long-form dates, UK 12-hour times).
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const MONTH_PATTERN =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

/** "17 February 2011", "17th February, 2011", "Wednesday, 6 April 2011"; also "February 17, 2011". */
export const LONG_DATE_SOURCE =
  `(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?` +
  `(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_PATTERN},?\\s+(\\d{4})|${MONTH_PATTERN}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}))`;

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)));
}

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month, day));
  // Rejects "31 February": Date would silently roll it over into March.
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** Every long-form date in the text, in order, with where it was found. Numeric dates (17/02/2011) too. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const long = new RegExp(LONG_DATE_SOURCE, 'gi');
  for (const match of text.matchAll(long)) {
    const day = Number(match[1] ?? match[5]);
    const monthName = match[2] ?? match[4] ?? '';
    const year = Number(match[3] ?? match[6]);
    const value = iso(year, monthIndex(monthName), day);
    if (value) found.push({ iso: value, index: match.index, length: match[0].length });
  }
  // UK order only: councils in this corpus print day/month/year.
  for (const match of text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g)) {
    const value = iso(Number(match[3]), Number(match[2]) - 1, Number(match[1]));
    if (value) found.push({ iso: value, index: match.index, length: match[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in the text, as an ISO date. */
export function parseFirstDate(text: string): string | undefined {
  return findDates(text)[0]?.iso;
}

/** "10.00 am", "2.30pm", "10:00", "10am", "noon" -> "HH:MM" (24-hour). */
export function parseTime(text: string): string | undefined {
  if (/^\s*(?:12\s*)?noon\b/i.test(text)) return '12:00';
  const match = /^\s*(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const meridiem = match[3]?.toLowerCase().replace(/\./g, '');
  // A bare number without minutes or am/pm is not a time ("at 3 locations").
  if (!match[2] && !meridiem) return undefined;
  if (hour > 23 || minute > 59) return undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The pattern for a time as printed, for embedding in larger patterns. */
export const TIME_SOURCE = '(?:\\d{1,2}(?:[.:]\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)|\\d{1,2}[.:]\\d{2}|(?:12\\s*)?noon)';
