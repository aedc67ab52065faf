/**
 * What a search request may ask for, validated at the boundary: the words, the kinds of record, a body, a date
 * range and a page. Problems come back per field, so the form can say what to fix and where.
 */
import { z } from 'zod';
import { optionalDateEntry } from '../../domain/date-entry.ts';
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

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' || value === undefined ? undefined : value), schema.optional());

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().max(200, 'Search words must be 200 characters or fewer').default(''),
    kind: z.preprocess(
      (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
      z.array(
        z.enum(SEARCH_KINDS.map((kind) => kind.value) as [SearchDocumentKind, ...SearchDocumentKind[]], { message: 'Choose a kind of record from the list' }),
      ),
    ),
    body: optional(z.string().regex(/^[a-z0-9-]{1,200}$/, 'Choose a committee from the list')),
    from: optionalDateEntry('The start date'),
    to: optionalDateEntry('The end date'),
    // Results are counted up to 1,000 (src/db/queries/portal/search.ts), so 50 pages of 20 show all that are counted.
    page: optional(
      z.coerce
        .number({ message: 'Page must be a number' })
        .int('Page must be a whole number')
        .min(1, 'Page must be 1 or more')
        .max(50, 'Page must be 50 or less'),
    ),
  })
  .superRefine((value, context) => {
    if (value.from && value.to && value.from > value.to)
      context.addIssue({ code: 'custom', path: ['to'], message: 'The end date must be the same as or after the start date' });
  });
export type SearchQuery = z.infer<typeof SearchQuerySchema>;
