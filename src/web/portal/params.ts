import { z } from 'zod';

/** A slug or stable id in a URL; anything else cannot name a record, so it is simply not found. */
export const RecordParamSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/) });
export const SlugParamSchema = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/) });
