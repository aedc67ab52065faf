/**
 * Dates typed by officers: one that does not exist (31 February) is an error, one that is possible but unlikely
 * (before 2000, or more than five years ahead) a warning the officer confirms. Pure, so every form shares the rule.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a 'YYYY-MM-DD' that names a day of the calendar (so not 2026-02-31, 2026-13-01 or 2026-04-00). */
export function isRealDate(text: string): boolean {
  const match = ISO.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const EARLIEST_LIKELY_YEAR = 2000;
export const LIKELY_YEARS_AHEAD = 5;

/** The warning for a real date that is unlikely in council business, or undefined when it is likely. */
export function implausibleDateWarning(date: string, today: string): string | undefined {
  if (date < `${EARLIEST_LIKELY_YEAR}-01-01`) return `The date is before ${EARLIEST_LIKELY_YEAR}: check it, or confirm it is right`;
  const limit = `${Number(today.slice(0, 4)) + LIKELY_YEARS_AHEAD}${today.slice(4)}`;
  if (date > limit) return `The date is more than ${LIKELY_YEARS_AHEAD} years ahead: check it, or confirm it is right`;
  return undefined;
}
