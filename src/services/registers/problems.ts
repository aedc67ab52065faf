import type { z } from 'zod';
import { Forbidden, NotFound, type Problem, type QuorumError, ValidationError } from '../../domain/errors.ts';

/**
 * The registers' refusals, as the one set of errors (domain/errors.ts): the web and API layers turn them into a
 * GOV.UK error summary (400), a JSON error, a 403 or a 404; the command line into a message naming the option.
 */

export type FieldProblem = Problem;

/** Bad input: one message per field, so the person can see what to fix and where. */
export function FieldProblems(problems: FieldProblem[]): QuorumError {
  return ValidationError(problems);
}

export function fieldProblem(field: string, message: string): QuorumError {
  return FieldProblems([{ field, message }]);
}

/** The record does not exist (or is not this person's to see). */
export const RecordMissing = NotFound;

/** The person may not do this to this record, whatever their role. */
export const NotPermitted = Forbidden;

/** Validates input with a zod schema, or throws its problems field by field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw FieldProblems(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message })));
  return parsed.data;
}
