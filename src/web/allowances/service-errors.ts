/** The allowances services' refusals as the web speaks them: broken rules are form problems; the rest are 403/404 pages. */
import { isQuorumError } from '../../domain/errors.ts';
import type { Problem } from '../shared/forms.ts';

/** The rules broken, as form problems; rethrows anything that is not a broken rule (the error handler gives 403/404). */
export function ruleProblems(error: unknown): Problem[] {
  if (isQuorumError(error) && error.kind === 'invalid' && error.problems) return error.problems;
  throw error;
}
