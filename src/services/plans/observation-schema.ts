import { z } from 'zod';

/** One observation of an indicator, from a form or a CSV row. Periods are months; "as at" is the day it was reported. */
export const ObservationInputSchema = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM, like 2011-05'),
  value: z
    .string()
    .trim()
    .min(1, 'enter a value')
    .regex(/^-?\d+(\.\d+)?%?$/, 'must be a number, like 338 or 92.5')
    .transform((text) => Number(text.replace('%', ''))),
  asAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD, like 2011-06-21')
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'must be a real date'),
  commentary: z
    .string()
    .trim()
    .max(2000, 'must be 2000 characters or fewer')
    .optional()
    .transform((text) => (text ? text : undefined)),
});
export type ObservationInput = z.infer<typeof ObservationInputSchema>;
