/** Query and path parameters of the plan pages, each schema beside its inferred type. */
import { z } from 'zod';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD, for example 2011-06-21')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'Enter a real date');

/** "as at" is optional: without it a page shows today. */
export const AsAtQuerySchema = z.object({ asAt: z.union([isoDate, z.literal('')]).optional() });
export type AsAtQuery = z.infer<typeof AsAtQuerySchema>;

export const PlanParamsSchema = z.object({ plan: z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/) });
export const PriorityParamsSchema = PlanParamsSchema.extend({ number: z.coerce.number().int().min(1).max(99) });
export const ActionParamsSchema = PlanParamsSchema.extend({ ref: z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/) });
export const IndicatorParamsSchema = z.object({ indicator: z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/) });

export const ReportQuerySchema = z.object({
  committee: z.string().trim().min(1, 'Choose the committee the report goes to'),
  date: isoDate,
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
