import type { z } from 'zod';

/**
 * The registers' errors, free of HTTP: the web and API layers turn them into a GOV.UK error summary, a JSON error or
 * a 403/404; the command line into a message naming the option.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

/** Bad input: one message per field, so the person can see what to fix and where. */
export class FieldProblems extends Error {
  override name = 'FieldProblems';
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '));
  }
}

export function fieldProblem(field: string, message: string): FieldProblems {
  return new FieldProblems([{ field, message }]);
}

/** The record does not exist (or is not this person's to see). */
export class RecordMissing extends Error {
  override name = 'RecordMissing';
}

/** The person may not do this to this record, whatever their role. */
export class NotPermitted extends Error {
  override name = 'NotPermitted';
}

/** Validates input with a zod schema, or throws its problems field by field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FieldProblems(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message })));
  return parsed.data;
}
