/**
 * What an allowances service refuses, and why, as the one set of errors (domain/errors.ts): a broken rule is a
 * validation error naming its field (400 with a GOV.UK error summary); the rest are 403 and 404.
 */
import type { RuleBreach } from '../../domain/allowances/claims.ts';
import { Forbidden, NotFound, type QuorumError, ValidationError } from '../../domain/errors.ts';

/** The request breaks one or more of the scheme's rules; each breach names the field and the rule. */
export function AllowanceRuleError(breaches: RuleBreach[]): QuorumError {
  return ValidationError(breaches.map((breach) => ({ field: breach.field, message: breach.rule })));
}

export const AllowanceForbidden = Forbidden;
export const AllowanceNotFound = NotFound;
