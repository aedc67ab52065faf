/**
 * Dates as people type them into a form: "1 April 2011", "1 Apr 2011", "1/4/2011", "01.04.2011", "1 4 2011" or
 * "2011-04-01". UK order (day first) always; impossible dates (31 February) are refused, never rolled over.
 * GOV.UK asks services to accept dates in the forms people write them, and to show them as "1 April 2011".
 */
import { format, isValid, parse } from 'date-fns';
import { z } from 'zod';

const FORMATS = ['yyyy-MM-dd', 'd MMMM yyyy', 'd MMM yyyy', 'EEEE d MMMM yyyy', 'd/M/yyyy', 'd-M-yyyy', 'd.M.yyyy', 'd M yyyy'];
const REFERENCE = new Date(2000, 0, 1);

/** The ISO date ("2011-04-01") a typed date means, or undefined when it is not one real day. */
export function parseDateEntry(text: string): string | undefined {
  const cleaned = text
    .trim()
    .replace(/,/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/\s+/g, ' ');
  if (cleaned === '' || cleaned.length > 40) return undefined;
  for (const pattern of FORMATS) {
    const parsed = parse(cleaned, pattern, REFERENCE);
    // date-fns parses "2011" in yyyy as given, but also accepts 2-digit years in yyyy as year 11: refuse those.
    if (isValid(parsed) && parsed.getFullYear() >= 1000) return format(parsed, 'yyyy-MM-dd');
  }
  return undefined;
}

/**
 * An optional date field of a form or filter: empty is undefined; anything else must be a real day, and becomes
 * its ISO date. The message names the field, as GOV.UK error messages do.
 */
export function optionalDateEntry(label: string) {
  return z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z
        .string()
        .optional()
        .transform((value, context) => {
          if (value === undefined) return undefined;
          const iso = parseDateEntry(value);
          if (iso === undefined) context.addIssue({ code: 'custom', message: `${label} must be a real date, for example 1 April 2011` });
          return iso;
        }),
    )
    .optional();
}

/** A date field that must be filled in: `missing` says so when it is empty. */
export function requiredDateEntry(label: string, missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .transform((value, context) => {
      const iso = parseDateEntry(value);
      if (iso === undefined) {
        context.addIssue({ code: 'custom', message: `${label} must be a real date, for example 1 April 2011` });
        return z.NEVER;
      }
      return iso;
    });
}
