/**
 * The meeting calendar's query string. A month picks the month view; a year alone, the list of that year; neither,
 * the month of the nearest meeting. Each field is checked on its own so the form can say which one to fix.
 */
import { z } from 'zod';

const blankToUndefined = (value: unknown) => (value === '' || value === undefined ? undefined : value);

export const CalendarQuerySchema = z.object({
  body: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,199}$/, 'Choose a committee from the list')
      .optional(),
  ),
  year: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim()) : value),
    z
      .string()
      .regex(/^\d{4}$/, 'Enter a year as 4 digits, for example 2011')
      .transform(Number)
      .refine((year) => year >= 1900 && year <= 2200, 'Enter a year between 1900 and 2200')
      .optional(),
  ),
  month: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(?:[1-9]|1[0-2])$/, 'Choose a month from the list')
      .transform(Number)
      .optional(),
  ),
});
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;
