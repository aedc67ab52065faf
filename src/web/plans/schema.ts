/** Query and path parameters of the plan pages, each schema beside its inferred type. */
import { z } from 'zod';
import { optionalDateEntry, requiredDateEntry } from '../../domain/date-entry.ts';

/** "as at" is optional: without it a page shows today. */
export const AsAtQuerySchema = z.object({ asAt: optionalDateEntry('The date') });
export type AsAtQuery = z.infer<typeof AsAtQuerySchema>;

export const PlanParamsSchema = z.object({ plan: z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/) });
export const PriorityParamsSchema = PlanParamsSchema.extend({ number: z.coerce.number().int().min(1).max(99) });
/** An action's ref as printed: "2.1.3" in an action table; "19.01", "7", "b" or "iv" for an action read from prose. */
export const ActionParamsSchema = PlanParamsSchema.extend({ ref: z.string().regex(/^(?:\d{1,3}(?:\.\d{1,3}){0,2}|[A-Za-z]|[ivx]{1,4})$/) });
export const IndicatorParamsSchema = z.object({ indicator: z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/) });

export const ReportQuerySchema = z.object({
  committee: z.string().trim().min(1, 'Choose the committee the report goes to'),
  date: requiredDateEntry('The date of the meeting', 'Enter the date of the meeting'),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
