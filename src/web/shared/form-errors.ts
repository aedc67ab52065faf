/** zod issues as the GOV.UK error summary and per-field messages: each message links to its field. */
import type { z } from 'zod';

export interface FormErrors {
  summary: Array<{ text: string; href: string }>;
  fields: Record<string, { text: string }>;
}

export function formErrors(error: z.ZodError, fieldIds: Record<string, string> = {}): FormErrors {
  const summary: FormErrors['summary'] = [];
  const fields: FormErrors['fields'] = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (fields[field]) continue;
    fields[field] = { text: issue.message };
    summary.push({ text: issue.message, href: `#${fieldIds[field] ?? field}` });
  }
  return { summary, fields };
}

/** A query-string value as one string (the first, when a parameter is repeated). */
export function firstValue(value: unknown): string {
  if (Array.isArray(value)) return firstValue(value[0]);
  return typeof value === 'string' ? value : '';
}

export function allValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
