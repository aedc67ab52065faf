/**
 * Clear working days, as councils count notice of meetings (Local Government Act 1972 s.100B: an agenda is open to
 * inspection at least five clear days before the meeting). "Clear" leaves out the day the agenda is published and
 * the day of the meeting; "working" leaves out Saturdays, Sundays and bank holidays.
 * Dates are 'YYYY-MM-DD' strings: a council date has no time zone. The bank holidays are those of the council's
 * jurisdiction (configuration: QUORUM_HOLIDAYS), for any year.
 */
import { bankHolidays, type Jurisdiction } from './bank-holidays.ts';

export { JURISDICTIONS, bankHolidays, type Jurisdiction } from './bank-holidays.ts';

export const DEFAULT_JURISDICTION: Jurisdiction = 'england-and-wales';

/** Five clear working days' notice is the statutory minimum for publishing an agenda. */
export const AGENDA_NOTICE_CLEAR_WORKING_DAYS = 5;

function parse(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return parsed;
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, jurisdiction: Jurisdiction = DEFAULT_JURISDICTION): boolean {
  const day = parse(date).getUTCDay();
  return day !== 0 && day !== 6 && !bankHolidays(Number(date.slice(0, 4)), jurisdiction).includes(date);
}

/** Working days strictly between two dates (0 when the second is not at least two days after the first). */
export function clearWorkingDaysBetween(from: string, to: string, jurisdiction: Jurisdiction = DEFAULT_JURISDICTION): number {
  const start = parse(from);
  const end = parse(to);
  let count = 0;
  for (let day = new Date(start.getTime() + 86_400_000); day < end; day = new Date(day.getTime() + 86_400_000)) {
    if (isWorkingDay(format(day), jurisdiction)) count += 1;
  }
  return count;
}

/**
 * The last day an agenda can be published with the given clear working days' notice before a meeting. It is a
 * working day: the papers must be open to inspection at the council's offices from then, so a weekend or bank
 * holiday before the clear days sends it back to the working day before.
 */
export function latestPublicationDate(
  meetingDate: string,
  clearDays = AGENDA_NOTICE_CLEAR_WORKING_DAYS,
  jurisdiction: Jurisdiction = DEFAULT_JURISDICTION,
): string {
  let day = new Date(parse(meetingDate).getTime() - 86_400_000);
  let counted = 0;
  while (counted < clearDays) {
    if (isWorkingDay(format(day), jurisdiction)) counted += 1;
    day = new Date(day.getTime() - 86_400_000);
  }
  while (!isWorkingDay(format(day), jurisdiction)) day = new Date(day.getTime() - 86_400_000);
  return format(day);
}
