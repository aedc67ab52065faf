/**
 * What a search request may ask for, validated at the boundary: the words, the kinds of record, a body, a date
 * range and a page. Problems come back per field, so the form can say what to fix and where.
 */
import { z } from 'zod';
import type { SearchDocumentKind } from '../../db/schema/portal.ts';

export const SEARCH_KINDS: Array<{ value: SearchDocumentKind; label: string }> = [
  { value: 'meeting', label: 'Meetings' },
  { value: 'agenda-item', label: 'Agenda items' },
  { value: 'report', label: 'Reports' },
  { value: 'minute', label: 'Minutes' },
  { value: 'decision', label: 'Decisions' },
  { value: 'person', label: 'People' },
  { value: 'body', label: 'Committees' },
  { value: 'recommendation', label: 'Scrutiny recommendations' },
  { value: 'response', label: 'Responses to recommendations' },
  { value: 'plan-action', label: 'Improvement plan actions' },
  { value: 'indicator', label: 'Indicators' },
];

export const SEARCH_PAGE_SIZE = 20;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, for example 2011-04-06')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Enter a real date, for example 2011-04-06');

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' || value === undefined ? undefined : value), schema.optional());

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().max(200, 'Search words must be 200 characters or fewer').default(''),
    kind: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.enum(SEARCH_KINDS.map((kind) => kind.value) as [SearchDocumentKind, ...SearchDocumentKind[]], { message: 'Choose a kind of record from the list' })),
    ),
    body: optional(z.string().regex(/^[a-z0-9-]{1,200}$/, 'Choose a committee from the list')),
    from: optional(isoDate),
    to: optional(isoDate),
    // Results are counted up to 1,000 (src/db/queries/portal/search.ts), so 50 pages of 20 show all that are counted.
    page: optional(z.coerce.number({ message: 'Page must be a number' }).int('Page must be a whole number').min(1, 'Page must be 1 or more').max(50, 'Page must be 50 or less')),
  })
  .superRefine((value, context) => {
    if (value.from && value.to && value.from > value.to) context.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be the same as or after the start date' });
  });
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
