/**
 * Council dates as 'YYYY-MM-DD' strings (no time zone). Tax years start on 6 April (mileage bands reset then);
 * the allowances year that the statutory statement covers runs 1 April to 31 March (Regulation 15 of the 2003
 * Regulations). "As at" dates are always passed in, never read from the clock.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a real date`);
  return ms;
}

export function isIsoDate(date: string): boolean {
  try {
    toUtc(date);
    return true;
  } catch {
    return false;
  }
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both counted: daysInclusive('2011-04-01', '2011-04-01') = 1. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;
}

/** The same day `months` later, or the month's last day when it has no such day (31 October + 4 months = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const match = ISO.exec(date)!;
  toUtc(date);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(Number(match[3]), lastDay)));
}

export interface Period {
  /** "2011/12" */
  label: string;
  start: string;
  end: string;
}

function label(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The tax year containing `date`: 6 April to 5 April. */
export function taxYearOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '04-06' ? year : year - 1;
  return { label: label(startYear), start: `${startYear}-04-06`, end: `${startYear + 1}-04-05` };
}

/** The allowances year containing `date`: 1 April to 31 March. */
export function allowanceYearOf(date: string): Period {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '04-01' ? year : year - 1;
  return allowanceYear(startYear);
}

/** The allowances year starting on 1 April of `startYear`. */
export function allowanceYear(startYear: number): Period {
  return { label: label(startYear), start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}

/** "2011/12" -> the allowances year; undefined for anything else. */
export function parseYearLabel(text: string): Period | undefined {
  const match = /^(\d{4})[/-](\d{2})$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  if ((start + 1) % 100 !== Number(match[2])) return undefined;
  return allowanceYear(start);
}

/** The part of a date range (open end allowed) that falls within a period, or undefined. */
export function clip(range: { start: string; end: string | null }, period: { start: string; end: string }): { start: string; end: string } | undefined {
  const start = range.start > period.start ? range.start : period.start;
  const end = range.end !== null && range.end < period.end ? range.end : period.end;
  return start <= end ? { start, end } : undefined;
}
