/**
 * Reading the allowances forms: posted strings into the values a service takes, and problems (from zod, from
 * parsing, or a rule of the scheme a service says is broken) into the GOV.UK error pattern, each summary link
 * pointing at the input to fix (a date's day box, a radio group's first radio).
 */
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { parsePounds, type Pence } from '../../domain/allowances/money.ts';
import type { Problem } from '../shared/forms.ts';

export type FormValues = Record<string, string>;

/** A form body as flat strings (the first of a repeated field), so it can be re-rendered as typed. */
export function formValues(body: unknown): FormValues {
  const raw = (body ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_csrf') continue;
    const first = Array.isArray(value) ? value[0] : value;
    // Uploaded files are read by the route from the body itself; only text is re-rendered into the form.
    if (first !== null && typeof first === 'object') continue;
    values[key] = String(first ?? '');
  }
  return values;
}

/** The ISO date typed into a GOV.UK date input named `name` (boxes name-day, name-month, name-year). */
export function dateFromParts(values: FormValues, name: string, label: string): { value?: string; problem?: Problem } {
  const day = values[`${name}-day`]?.trim() ?? '';
  const month = values[`${name}-month`]?.trim() ?? '';
  const year = values[`${name}-year`]?.trim() ?? '';
  if (!day && !month && !year) return { problem: { field: name, message: `Enter ${label}` } };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(Boolean);
  if (missing.length) return { problem: { field: name, message: `${capitalise(label)} must include ${missing.join(' and ')}` } };
  const iso = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  if (!isIsoDate(iso)) return { problem: { field: name, message: `${capitalise(label)} must be a real date, like 27 3 2011` } };
  return { value: iso };
}

/** The boxes of a date input filled from an ISO date. */
export function datePartsOf(name: string, iso: string): FormValues {
  return { [`${name}-day`]: String(Number(iso.slice(8, 10))), [`${name}-month`]: String(Number(iso.slice(5, 7))), [`${name}-year`]: iso.slice(0, 4) };
}

/** Pounds as typed ("12.50", "£1,000") into pence; undefined when blank. */
export function poundsFrom(values: FormValues, name: string, problems: Problem[], message: string): Pence | undefined {
  const text = values[name]?.trim() ?? '';
  if (!text) return undefined;
  try {
    return parsePounds(text);
  } catch {
    problems.push({ field: name, message });
    return undefined;
  }
}

/** A whole number as typed; undefined when blank. */
export function wholeNumberFrom(values: FormValues, name: string, problems: Problem[], message: string): number | undefined {
  const text = values[name]?.trim() ?? '';
  if (!text) return undefined;
  if (!/^\d{1,6}$/.test(text)) {
    problems.push({ field: name, message });
    return undefined;
  }
  return Number(text);
}

export interface AllowancesFormErrors {
  summary: Array<{ text: string; href: string }>;
  fields: Record<string, { text: string }>;
}

/** `targets` names the element to jump to when it is not the field's own id (date inputs, radios). */
export function allowancesFormErrors(problems: Problem[], targets: Record<string, string> = {}): AllowancesFormErrors {
  const fields: Record<string, { text: string }> = {};
  for (const problem of problems) fields[problem.field] ??= { text: problem.message };
  return {
    summary: problems.map((problem) => ({
      text: problem.message,
      href: problem.field === 'form' ? '#main-content' : `#${targets[problem.field] ?? problem.field}`,
    })),
    fields,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
