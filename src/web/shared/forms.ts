/**
 * The GOV.UK form error pattern, shared by the back-office pages: problems become an error summary whose links
 * jump to the fields, and a message per field (the templates wire aria-describedby through the govuk macros).
 */
import type { z } from 'zod';
import { isQuorumError } from '../../http/errors.ts';

export interface Problem {
  field: string;
  message: string;
}

export interface FormErrors {
  /** For govukErrorSummary's errorList. */
  summary: Array<{ text: string; href: string }>;
  /** For each macro's errorMessage. */
  fields: Record<string, { text: string }>;
}

/** idPrefix: when a page holds several forms, their fields' ids are prefixed ("attendance-personId") to stay unique. */
export function formErrors(problems: Problem[], idPrefix = ''): FormErrors {
  const fields: Record<string, { text: string }> = {};
  for (const problem of problems) fields[problem.field] ??= { text: problem.message };
  // A conflict or a lock is about the whole form, not one field: its link goes to the page's main content.
  const href = (field: string) => (field === 'form' ? '#main-content' : `#${idPrefix}${field}`);
  return { summary: problems.map((problem) => ({ text: problem.message, href: href(problem.field) })), fields };
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));
}

/** The field problems of a service's ValidationError, or undefined for any other error (which should propagate). */
export function serviceProblems(error: unknown): Problem[] | undefined {
  return isQuorumError(error) ? error.problems : undefined;
}

/** Form posts arrive as strings or arrays of strings (repeated checkboxes); this makes a list either way. */
export function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
