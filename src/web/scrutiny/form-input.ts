/**
 * Reading GOV.UK form posts: plain values (the first of any repeat), lists, and the day, month and year boxes of a
 * date input made into an ISO date with a message a person can act on. Errors on a date link to its day box.
 */
import { formErrors, type FormErrors, type Problem } from '../shared/forms.ts';

export type FormValues = Record<string, string>;

export function formValues(body: unknown): FormValues {
  const raw = (body ?? {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '_csrf') continue;
    values[key] = String((Array.isArray(value) ? value[0] : value) ?? '');
  }
  return values;
}

export function formList(body: unknown, name: string): string[] {
  const value = ((body ?? {}) as Record<string, unknown>)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(String).filter((entry) => entry.trim() !== '');
}

/**
 * The date in the boxes name-day, name-month, name-year, or a problem. All boxes empty is absent (undefined), which
 * the caller turns into "Enter ..." when the date is required.
 */
export function dateFromParts(values: FormValues, name: string, label: string): { value?: string; problem?: Problem } {
  const day = values[`${name}-day`]?.trim() ?? '';
  const month = values[`${name}-month`]?.trim() ?? '';
  const year = values[`${name}-year`]?.trim() ?? '';
  if (!day && !month && !year) return {};
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length) return { problem: { field: name, message: `${capitalise(label)} must include a ${missing.join(' and ')}` } };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { problem: { field: name, message: `${capitalise(label)} must be a real date, like 27 3 2012` } };
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    return { problem: { field: name, message: `${capitalise(label)} must be a real date, like 27 3 2012` } };
  }
  return { value: date.toISOString().slice(0, 10) };
}

/** The three boxes of a date input, filled from an ISO date (to show a stored date in a form). */
export function datePartsOf(name: string, iso: string | null | undefined): FormValues {
  if (!iso) return {};
  return { [`${name}-day`]: String(Number(iso.slice(8, 10))), [`${name}-month`]: String(Number(iso.slice(5, 7))), [`${name}-year`]: iso.slice(0, 4) };
}

/** The GOV.UK error summary and field messages; a date's summary link goes to its day box. */
export function scrutinyFormErrors(problems: Problem[], dateFields: string[] = []): FormErrors {
  const errors = formErrors(problems);
  errors.summary = errors.summary.map((entry) => {
    const field = entry.href.slice(1);
    return dateFields.includes(field) ? { ...entry, href: `#${field}-day` } : entry;
  });
  return errors;
}

/** Service problems name the service's fields; a form may call them something else. */
export function renameFields(problems: Problem[], names: Record<string, string>): Problem[] {
  return problems.map((problem) => ({ ...problem, field: names[problem.field] ?? problem.field }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
