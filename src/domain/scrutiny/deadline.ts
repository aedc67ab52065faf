/**
 * Response deadlines. The executive must respond to scrutiny recommendations within a statutory period (two months
 * by default, configurable): the deadline runs from the meeting that made them. Dates are ISO 'YYYY-MM-DD' strings
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

export function responseDeadline(meetingDate: string, months = DEFAULT_RESPONSE_MONTHS): string {
  return addMonths(meetingDate, months);
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
