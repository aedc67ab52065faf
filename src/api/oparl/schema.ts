import { z } from 'zod';

/** Ids in URLs are stable ids ("meeting-1a2b..."); anything else names nothing. */
export const IdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id') });
export type IdParams = z.infer<typeof IdParamsSchema>;

export const MAX_LIMIT = 100;

/**
 * How many objects a `page` link may skip. A page further on is reached by the next links, whose cursor (`after`)
 * starts it through an index, at the cost of the first page; skipping by number reads every object before it.
 */
export const MAX_PAGE_OFFSET = 1000;

const CURSOR_PART = /^(\d{4}-\d{2}-\d{2}|[A-Za-z0-9][A-Za-z0-9_-]{0,127})$/;

/**
 * A next link's cursor: the list's part ("p" its public objects, "w" the withdrawn ones listed after them when
 * changes are asked for) and the order key of the last object of the page before, joined by dots.
 */
const Cursor = z
  .string()
  .transform((text) => text.split('.'))
  .refine(
    (parts) => (parts[0] === 'p' || parts[0] === 'w') && parts.length >= 2 && parts.length <= 3 && parts.slice(1).every((part) => CURSOR_PART.test(part)),
    'must be the cursor of a next link of this list',
  )
  .transform((parts) => ({ phase: parts[0] as 'p' | 'w', key: parts.slice(1) }));
export type ListCursor = z.output<typeof Cursor>;

const Since = z.iso
  .datetime({ offset: true, error: 'must be a date and time with a zone, like 2011-04-06T10:00:00+01:00' })
  .transform((text) => new Date(text))
  .optional();

/** OParl's list parameters: the change filters (section "Filter" of the specification), a page and its size. */
export const ListQuerySchema = z
  .object({
    created_since: Since,
    created_until: Since,
    modified_since: Since,
    modified_until: Since,
    page: z.coerce.number({ error: 'must be a whole number from 1' }).int('must be a whole number from 1').min(1, 'must be a whole number from 1').default(1),
    // OParl lets a server cap the page size it is asked for: more than 100 gives pages of 100 (the links say so).
    limit: z.coerce
      .number({ error: 'must be a whole number from 1' })
      .int('must be a whole number from 1')
      .min(1, 'must be a whole number from 1')
      .default(20)
      .transform((limit) => Math.min(limit, MAX_LIMIT)),
    after: Cursor.optional(),
    // OParl clients may ask to leave out embedded objects; Quorum always embeds them, which OParl allows.
    omit_internal: z.string().optional(),
  })
  .superRefine((query, context) => {
    if (!query.after && (query.page - 1) * query.limit > MAX_PAGE_OFFSET)
      context.addIssue({
        code: 'custom',
        path: ['page'],
        message: `goes past the first ${MAX_PAGE_OFFSET.toLocaleString('en-GB')} objects: follow the next links, whose cursor (after) reaches any page`,
      });
  });
export type ListQuery = z.infer<typeof ListQuerySchema>;
