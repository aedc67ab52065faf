/**
 * One at a time: a member belongs to one political group on any day, and holds one role on a committee on any day.
 * Joining a new group (or taking a new role) from a day ends the old one on the day before, so the record never shows
 * a member in two groups at once — which would count them twice in the political balance (Local Government and
 * Housing Act 1989 s.15 allocates seats by each group's share of the members).
 *
 * Pure: it takes a person's recorded spans and an assignment, and says what to change.
 */
import { addDays } from '../allowances/dates.ts';

/** A recorded membership: `value` is the group (or the role on one committee); null dates are open. */
export interface Span<V> {
  id: string;
  value: V;
  start: string | null;
  end: string | null;
}

export type SpanChange<V> =
  | { kind: 'end'; id: string; end: string }
  /** A span that began on the assignment's day itself was a mistake the new assignment corrects. */
  | { kind: 'delete'; id: string }
  | { kind: 'insert'; value: V; start: string };

export type Assignment<V> = { changes: Array<SpanChange<V>> } | { laterSpan: Span<V> };

export function covers(span: { start: string | null; end: string | null }, day: string): boolean {
  return (span.start === null || span.start <= day) && (span.end === null || span.end >= day);
}

/**
 * What to change so that from `from` on the member holds `value` (or nothing, for null) and nothing else. A span that
 * begins after `from` is history the assignment cannot rewrite: it is returned as `laterSpan` for the caller to refuse.
 */
export function assignFrom<V>(spans: ReadonlyArray<Span<V>>, value: V | null, from: string, same: (a: V, b: V) => boolean = Object.is): Assignment<V> {
  const laterSpan = spans.find((span) => span.start !== null && span.start > from);
  if (laterSpan) return { laterSpan };
  const covering = spans.filter((span) => covers(span, from));
  const kept = value === null ? undefined : covering.find((span) => same(span.value, value) && span.end === null);
  const changes: Array<SpanChange<V>> = [];
  const dayBefore = addDays(from, -1);
  for (const span of covering) {
    if (span === kept) continue;
    if (span.start === from) changes.push({ kind: 'delete', id: span.id });
    else changes.push({ kind: 'end', id: span.id, end: dayBefore });
  }
  if (value !== null && !kept) changes.push({ kind: 'insert', value, start: from });
  return { changes };
}

/** The spans after the changes (inserted ones get the id `new:<start>:<n>`): for tests and previews. */
export function applyChanges<V>(spans: ReadonlyArray<Span<V>>, changes: ReadonlyArray<SpanChange<V>>): Array<Span<V>> {
  let result = spans.map((span) => ({ ...span }));
  changes.forEach((change, index) => {
    if (change.kind === 'delete') result = result.filter((span) => span.id !== change.id);
    else if (change.kind === 'end') result = result.map((span) => (span.id === change.id ? { ...span, end: change.end } : span));
    else result.push({ id: `new:${change.start}:${index}`, value: change.value, start: change.start, end: null });
  });
  return result;
}
