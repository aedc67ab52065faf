/** The allowances services' refusals as the web speaks them: broken rules are form problems; the rest are 403/404 pages. */
import type { Problem } from '../admin/forms.ts';
import { HttpError, NotFound } from '../../http/errors.ts';
import { AllowanceForbidden, AllowanceNotFound, AllowanceRuleError } from '../../services/allowances/errors.ts';

/** The rules broken, as form problems; rethrows anything that is not a broken rule. */
export function ruleProblems(error: unknown): Problem[] {
  if (error instanceof AllowanceRuleError) return error.breaches.map((breach) => ({ field: breach.field, message: breach.rule }));
  if (error instanceof AllowanceForbidden) throw new HttpError(403, 'forbidden', error.message);
  if (error instanceof AllowanceNotFound) throw NotFound(error.message);
  throw error;
}
