/**
 * Response deadlines. Local Government Act 2000 s.9FE: the executive must respond to an overview and scrutiny
 * committee's report or recommendations "before the end of the period of two months beginning with the date on which"
 * it received them (the months are configurable: QUORUM_SCRUTINY_RESPONSE_MONTHS). The period runs from the date of
 * receipt recorded per recommendation, which defaults to the meeting that made it. Dates are ISO 'YYYY-MM-DD' strings
 * and "as at" dates are passed in, never read from the clock, so the tracker can be viewed as it stood on any day.
 */
import type { ScrutinyStatus } from './status.ts';

export const DEFAULT_RESPONSE_MONTHS = 2;

function parts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: "${iso}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Calendar months later; a day the later month lacks becomes its last day (31 December + 2 months = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = parts(iso);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))));
}

export function addDays(iso: string, days: number): string {
  const [year, month, day] = parts(iso);
  return format(new Date(Date.UTC(year, month - 1, day + days)));
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/**
 * The last day of the period of `months` months beginning with the day of receipt. A period "beginning with" a day
 * includes it, so it ends the day before the corresponding date `months` later (31 January: 30 March); where the
 * later month has no corresponding date (31 December: no 31 February) it ends on that month's last day.
 */
export function responseDeadline(receivedOn: string, months = DEFAULT_RESPONSE_MONTHS): string {
  const [year, month, day] = parts(receivedOn);
  const daysInTarget = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  if (day > daysInTarget) return format(new Date(Date.UTC(year, month - 1 + months, daysInTarget)));
  return addDays(format(new Date(Date.UTC(year, month - 1 + months, day))), -1);
}

/**
 * The automatic rule: a PENDING recommendation whose deadline has passed (the day after it, as at the given date)
 * without a response is OUTSTANDING. Returns the new status, or undefined when nothing changes.
 */
export function overdueStatus(recommendation: { status: ScrutinyStatus; dueDate: string; responses: number }, asAt: string): ScrutinyStatus | undefined {
  if (recommendation.status !== 'PENDING' || recommendation.responses > 0) return undefined;
  return asAt > recommendation.dueDate ? 'OUTSTANDING' : undefined;
}

/** The Monday of the week of a date: weekly digests are keyed by it, so one goes per owner per week. */
export function weekStarting(iso: string): string {
  const [year, month, day] = parts(iso);
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}
