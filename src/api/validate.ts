import type { z } from 'zod';
import { NotFound, ValidationError } from '../http/errors.ts';

/** Parses request input with its zod schema; a bad value is a 400 naming each field and what is wrong with it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'request', message: issue.message })));
}

/** Path ids that cannot be ids name nothing: not found rather than a validation error, as for the HTML pages. */
export function parseId<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw NotFound(`${what} not found`);
  return parsed.data;
}
