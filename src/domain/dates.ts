/**
 * Council dates and times, in one module: "today", London wall-clock time, and how dates and times are written.
 *
 * A council date ('YYYY-MM-DD') has no time zone: it is a day in England. "Today" therefore comes from one clock,
 * London's (todayInLondon), whatever the server's zone: between midnight and 1 am in summer (BST) the UTC date is
 * still yesterday, so `new Date().toISOString().slice(0, 10)` would act a day late. Formatting is pure arithmetic on
 * the date's digits (no Date in a local zone), so a weekday can never shift with the server's zone.
 *
 * Every written form takes the interface language (English by default; Welsh "Dydd Mercher 6 Ebrill 2011", "10yb").
 * Web code calls them through src/web/i18n/dates.ts, which passes the request's language.
 */
import type { Language } from './language.ts';

const ZONE = 'Europe/London';

// Made once: building an Intl formatter costs far more than formatting, and these run on every page request.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' });
const LONDON_STAMP: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }),
  cy: new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }),
};

/** The date in England ('YYYY-MM-DD') at an instant. */
export function londonDateOf(instant: Date): string {
  return LONDON_DAY.format(instant);
}

/** Today's date in England ('YYYY-MM-DD'). */
export function todayInLondon(now: Date = new Date()): string {
  return londonDateOf(now);
}

/** Minutes east of UTC in London at an instant: 0 (GMT) or 60 (BST), as the platform's time-zone data says. */
function londonOffsetMinutes(instant: Date): number {
  const name = LONDON_OFFSET.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function wallClockAsUtc(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hours, minutes);
}

/** "2011-04-06" + "10:00" -> 2011-04-06T09:00:00Z (BST): the instant a London wall-clock time names. */
export function londonWallTimeToInstant(date: string, time: string): Date {
  const asUtc = wallClockAsUtc(date, time);
  // Twice: the offset at the first guess may be the other side of a clock change.
  let instant = asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - londonOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** '2011-04-06' and '10:00:00' -> '2011-04-06T10:00:00+01:00': a London wall-clock time with that day's offset. */
export function londonDateTime(date: string, time: string): string {
  const clock = time.length === 5 ? `${time}:00` : time.slice(0, 8);
  // The offset at that wall-clock time; the hour of the clock change itself is never a committee start time.
  const offset = londonOffsetMinutes(new Date(wallClockAsUtc(date, clock)));
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${date}T${clock}${sign}${hours}:${minutes}`;
}

// Written out rather than asked of Intl: GOV.UK's forms have no comma, and the tests check these against Intl's.
const WEEKDAYS: Record<Language, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
};
const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

function parseDate(date: string): { year: number; month: number; day: number; weekday: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // UTC so the weekday cannot shift with the server's time zone: a council date has none.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday };
}

/** "2011-04-06" -> "Wednesday 6 April 2011" (GOV.UK style: no comma, no ordinal); Welsh "Dydd Mercher 6 Ebrill 2011". */
export function formatDate(date: string, language: Language = 'en'): string {
  const { year, month, day, weekday } = parseDate(date);
  return `${WEEKDAYS[language][weekday]} ${day} ${MONTHS[language][month - 1]} ${year}`;
}

/** "2011-04-06" -> "Wednesday, 6 April 2011", as a summons and the back office's headings print it. */
export function formatFormalDate(date: string, language: Language = 'en'): string {
  const { year, month, day, weekday } = parseDate(date);
  return `${WEEKDAYS[language][weekday]}, ${day} ${MONTHS[language][month - 1]} ${year}`;
}

/** "2011-04-06" -> "6 April 2011" (Welsh "6 Ebrill 2011"). */
export function formatShortDate(date: string, language: Language = 'en'): string {
  const { year, month, day } = parseDate(date);
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

/**
 * Text stored with ISO dates in it ("County Council – 2011-05-12"), as people read it ("County Council – 12 May
 * 2011"). Strings that only look like dates (2011-13-45) are left as they are.
 */
export function formatDatesInText(text: string, language: Language = 'en'): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (match) => {
    const [year, month, day] = match.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(year, month - 1, day));
    return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? formatShortDate(match, language) : match;
  });
}

/** "2011-04-06" or "2011-04" -> "April 2011" (Welsh "Ebrill 2011"). */
export function formatMonth(date: string, language: Language = 'en'): string {
  const { year, month } = parseDate(/^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date);
  return `${MONTHS[language][month - 1]} ${year}`;
}

/** A month's name alone, 1-12: "April" (Welsh "Ebrill"), as a calendar's month picker lists them. */
export function monthName(month: number, language: Language = 'en'): string {
  const name = MONTHS[language][month - 1];
  if (!name) throw new Error(`Not a month: ${month}`);
  return name;
}

/** "2011-04-06" -> "06/04/11", as a tracking sheet's columns print it. */
export function formatNumericDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(2, 4)}`;
}

/** An instant as London wall-clock time: "6 April 2011 at 10:05" (Welsh "6 Ebrill 2011 am 10:05"). */
export function formatStamp(at: Date, language: Language = 'en'): string {
  return LONDON_STAMP[language].format(at);
}

/** How each language writes a time of day (GOV.UK style; the Welsh as GOV.UK's Welsh pages write it: "10yb", "2yp"). */
const CLOCK_WORDS: Record<Language, { am: string; pm: string; midday: string; midnight: string; to: string }> = {
  en: { am: 'am', pm: 'pm', midday: 'midday', midnight: 'midnight', to: 'to' },
  cy: { am: 'yb', pm: 'yp', midday: 'canol dydd', midnight: 'hanner nos', to: 'i' },
};

/** "10:00:00" -> "10am", "10:30" -> "10:30am", "12:00" -> "midday", "00:00" -> "midnight" (GOV.UK style). */
export function formatTime(time: string, language: Language = 'en'): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return time;
  const words = CLOCK_WORDS[language];
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes === 0 && hours === 12) return words.midday;
  if (minutes === 0 && (hours === 0 || hours === 24)) return words.midnight;
  const suffix = hours < 12 ? words.am : words.pm;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${hour12}${suffix}` : `${hour12}:${String(minutes).padStart(2, '0')}${suffix}`;
}

export function formatTimeRange(start: string | null, end: string | null, language: Language = 'en'): string | undefined {
  if (start && end) return `${formatTime(start, language)} ${CLOCK_WORDS[language].to} ${formatTime(end, language)}`;
  if (start) return formatTime(start, language);
  return undefined;
}

const LONDON_PRECISE_STAMP: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: ZONE }),
  cy: new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: ZONE }),
};

/** An instant to the second, as London wall-clock time: "6 April 2011 at 10:05:33" (the audit history). */
export function formatPreciseStamp(at: Date, language: Language = 'en'): string {
  return LONDON_PRECISE_STAMP[language].format(at);
}

/**
 * An instant as OParl publishes it (created, modified): London's wall-clock time with its offset,
 * "2011-04-06T10:00:00+01:00", the form the OParl 1.1 specification's examples show. Milliseconds are kept when
 * there are any ("...T10:00:00.250+01:00", still RFC 3339): two changes within one second must give two different
 * `modified` values, or a client that skips objects whose `modified` it already holds misses the second change.
 */
export function londonTimestamp(value: Date | string): string {
  const instant = value instanceof Date ? value : new Date(value);
  const offset = londonOffsetMinutes(instant);
  const shifted = new Date(instant.getTime() + offset * 60_000).toISOString();
  const wall = shifted.endsWith('.000Z') ? shifted.slice(0, 19) : shifted.slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wall}${sign}${hours}:${minutes}`;
}

/** An instant as published (exports, the APIs): ISO 8601 in UTC. */
export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
