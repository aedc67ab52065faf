import { type QuorumError, ValidationError } from '../../domain/errors.ts';

/** Bad input to a plans write operation: every problem, each saying what and where (a field, or a CSV line). */
export interface InputProblem {
  /** Form field name, or "line 4" for an upload. */
  field: string;
  message: string;
  line?: number;
}

/** The plans' bad input as the one validation error (domain/errors.ts), keeping each problem's CSV line. */
export function PlanInputError(problems: InputProblem[]): QuorumError & { problems: InputProblem[] } {
  return ValidationError(problems) as QuorumError & { problems: InputProblem[] };
}

/** One message per field (the first), as the GOV.UK error pattern shows them. */
export function problemsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): InputProblem[] {
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.message });
  }
  return problems;
}
