/** The decisions register's filters, validated at the boundary with per-field messages. */
import { z } from 'zod';
import { optionalDateEntry } from '../../domain/date-entry.ts';

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' || value === undefined ? undefined : value), schema.optional());

export const DECISION_PAGE_SIZE = 50;

/**
 * How many entries an old numbered link (`?page=N`) may skip, as OParl's lists (src/api/oparl/schema.ts): skipping by
 * number reads every entry before the page, so further pages are reached by the "Older decisions" links, whose
 * cursor starts the page through an index. Pages 1 to 21 still open as they did.
 */
export const DECISION_MAX_OFFSET = 1000;
export const DECISION_MAX_PAGE = 1 + DECISION_MAX_OFFSET / DECISION_PAGE_SIZE;

export const DecisionQuerySchema = z
  .object({
    body: optional(z.string().regex(/^[a-z0-9-]{1,200}$/, 'Choose a committee from the list')),
    maker: optional(z.string().regex(/^person-[A-Za-z0-9]{1,64}$/, 'Choose a decision maker from the list')),
    from: optionalDateEntry('The start date'),
    to: optionalDateEntry('The end date'),
    key: z.preprocess((value) => value === 'yes' || value === 'true' || value === '1', z.boolean()),
    urgent: z.preprocess((value) => value === 'yes' || value === 'true' || value === '1', z.boolean()),
    page: optional(
      z.coerce
        .number({ message: 'Page must be a number' })
        .int('Page must be a whole number')
        .min(1, 'Page must be 1 or more')
        .max(100_000, 'Page is too large'),
    ),
  })
  .superRefine((value, context) => {
    if (value.from && value.to && value.from > value.to)
      context.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be the same as or after the start date' });
  });
export type DecisionQuery = z.infer<typeof DecisionQuerySchema>;
