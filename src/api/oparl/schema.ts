import { z } from 'zod';

/** Ids in URLs are stable ids ("meeting-1a2b..."); anything else names nothing. */
export const IdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id') });
export type IdParams = z.infer<typeof IdParamsSchema>;

export const MAX_LIMIT = 100;

const Since = z.iso
  .datetime({ offset: true, error: 'must be a date and time with a zone, like 2011-04-06T10:00:00+01:00' })
  .transform((text) => new Date(text))
  .optional();

/** OParl's list parameters: the change filters (section "Filter" of the specification), a page and its size. */
export const ListQuerySchema = z.object({
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
  // OParl clients may ask to leave out embedded objects; Quorum always embeds them, which OParl allows.
  omit_internal: z.string().optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;
