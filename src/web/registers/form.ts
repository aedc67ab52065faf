/**
 * The registers' form posts: run the write operation, then redirect (post/redirect/get); or re-render the page with
 * the values, a GOV.UK error summary and status 400. Other refusals (403, 404, 409) go to the error handler.
 */
import { serviceProblems, type Problem } from '../shared/forms.ts';
import { NotFound } from '../../http/errors.ts';

export async function submit(run: () => Promise<string>, fail: (problems: Problem[]) => unknown, redirect: (url: string) => unknown): Promise<unknown> {
  try {
    return redirect(await run());
  } catch (error) {
    const problems = serviceProblems(error);
    if (problems) return fail(problems);
    throw error;
  }
}

/** A form body as strings (repeated fields as arrays), without the CSRF token. */
export function formValues(body: unknown): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.map(String);
  }
  return values;
}

export const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
export const many = (value: string | string[] | undefined): string[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);

/** Options for govukSelect with one chosen. */
export function options(
  items: Array<{ value: string; text: string }>,
  selected: string | undefined,
  empty = 'Choose',
): Array<{ value: string; text: string; selected?: boolean }> {
  return [{ value: '', text: empty }, ...items.map((item) => ({ ...item, selected: item.value === selected }))];
}

/** An id and a route parameter: route params arrive as strings, anything else is a missing page. */
export function idParam(params: unknown, key = 'id'): string {
  const value = (params as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || !value || value.length > 200) throw NotFound();
  return value;
}
