/** What an allowances service refuses, and why: the web turns these into a GOV.UK error summary (400) or 403/404. */
import type { RuleBreach } from '../../domain/allowances/claims.ts';

/** The request breaks one or more of the scheme's rules; each breach names the field and the rule. */
export class AllowanceRuleError extends Error {
  constructor(readonly breaches: RuleBreach[]) {
    super(breaches.map((breach) => `${breach.field}: ${breach.rule}`).join('; '));
    this.name = 'AllowanceRuleError';
  }
}

export class AllowanceForbidden extends Error {
  override name = 'AllowanceForbidden';
}

export class AllowanceNotFound extends Error {
  override name = 'AllowanceNotFound';
}
