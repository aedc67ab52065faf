/** Form fields the registers' inputs share: an optional choice and an optional date, where "" means none. */
import { z } from 'zod';

export const optionalId = z
  .string()
  .trim()
  .transform((value) => value || null)
  .nullable()
  .optional();

export const optionalDate = (message: string) =>
  z
    .union([z.literal(''), z.iso.date({ error: message })])
    .transform((value) => value || null)
    .nullable()
    .optional();
