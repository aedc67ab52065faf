/**
 * The one door from the forward plan to Quorum's calendar rules (src/domain/working-days.ts), so a change to how
 * Quorum counts days and holidays reaches the forward plan through here alone.
 *
 * The 2012 Regulations give notice in "clear days": the day the notice is published and the day of the decision
 * (or meeting) are left out and every day between counts, weekends and bank holidays included (the Regulations do
 * not say working days, as they do not for the 28 days of regulation 9 or the 5 of regulations 5 and 10).
 * Call-in periods, which councils set in their constitutions, are counted in working days.
 */
import { isWorkingDay } from '../working-days.ts';

const DAY_MS = 86_400_000;

function parse(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a date: ${date}`);
  return time;
}

const format = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Whole days strictly between two dates; 0 when the second is not at least two days after the first (or is before it). */
export function clearDaysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((parse(to) - parse(from)) / DAY_MS) - 1);
}

/** The date a number of days after another (negative: before). */
export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY_MS);
}

/** The latest date a notice can be published to give this many clear days before a date. */
export function latestNoticeDate(date: string, clearDays: number): string {
  return addDays(date, -(clearDays + 1));
}

/**
 * The day on which the given number of working days after a date is complete (the date itself not counted).
 * Throws RangeError for years whose bank holidays Quorum does not know.
 */
export function workingDaysAfter(date: string, days: number): string {
  let time = parse(date);
  let counted = 0;
  while (counted < days) {
    time += DAY_MS;
    if (isWorkingDay(format(time))) counted += 1;
  }
  return format(time);
}

/** The first working day after a date. */
export function nextWorkingDay(date: string): string {
  return workingDaysAfter(date, 1);
}
