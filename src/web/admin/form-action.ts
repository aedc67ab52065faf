/**
 * The shape of every back-office form post: validate with zod, call the service, then redirect (post/redirect/get);
 * or re-render the same page with the officer's values, a GOV.UK error summary and status 400 (bad input) or 409
 * (someone saved first, or the minutes are locked). Anything else is a real error and propagates.
 */
import type { z } from 'zod';
import { isQuorumError } from '../../http/errors.ts';
import { serviceProblems, zodProblems, type Problem } from '../shared/forms.ts';

export interface FormActionOptions<S extends z.ZodType> {
  schema: S;
  body: unknown;
  /** Does the work; returns where to go next. */
  run: (data: z.infer<S>) => Promise<string>;
  /** Re-renders the form with these problems and status. */
  fail: (problems: Problem[], status: number) => unknown;
  redirect: (url: string) => unknown;
}

export async function formAction<S extends z.ZodType>(options: FormActionOptions<S>): Promise<unknown> {
  const parsed = options.schema.safeParse(options.body ?? {});
  if (!parsed.success) return options.fail(zodProblems(parsed.error), 400);
  try {
    return options.redirect(await options.run(parsed.data));
  } catch (error) {
    const problems = serviceProblems(error);
    if (problems) return options.fail(problems, 400);
    if (isQuorumError(error) && error.kind === 'conflict') return options.fail([{ field: 'form', message: error.message }], 409);
    throw error;
  }
}
