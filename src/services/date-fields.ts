/**
 * The date field every form shares: 'YYYY-MM-DD' that names a real day (31 February is a field error, never a
 * database error and a 500), and the officer's confirmation of a date that is possible but unlikely.
 */
import { z } from 'zod';
import { implausibleDateWarning, isRealDate } from '../domain/meetings/date-plausibility.ts';

/** A real calendar date as YYYY-MM-DD; `message` says what to enter, for this field. */
export function realDate(message = 'Enter a real date, like 2011-07-20') {
  return z
    .string(message)
    .trim()
    .refine((value) => isRealDate(value), message);
}

/** The form's "yes, this date is right" checkbox for an unlikely date. */
export const ConfirmDateSchema = z.preprocess((value) => value === 'yes' || value === true, z.boolean()).optional();

/** The field problem for an unlikely date the officer has not confirmed, or none. */
export function unconfirmedDateProblems(field: string, date: string, today: string, confirmed: boolean): Array<{ field: string; message: string }> {
  const warning = implausibleDateWarning(date, today);
  return warning && !confirmed ? [{ field, message: warning }] : [];
}
