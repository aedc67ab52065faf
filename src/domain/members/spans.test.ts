import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../allowances/dates.ts';
import { applyChanges, assignFrom, covers, type Span } from './spans.ts';

const BASE = '2020-01-01';
const day = (n: number) => addDays(BASE, n);

/** A history of consecutive, non-overlapping group memberships, as the rule keeps them. */
const history = fc
  .array(fc.record({ group: fc.constantFrom('A', 'B', 'C'), length: fc.integer({ min: 1, max: 40 }), gap: fc.integer({ min: 0, max: 5 }) }), { maxLength: 6 })
  .chain((parts) =>
    fc.boolean().map((lastOpen) => {
      let at = 0;
      return parts.map((part, index): Span<string> => {
        const start = at + part.gap;
        at = start + part.length;
        return { id: `s${index}`, value: part.group, start: day(start), end: lastOpen && index === parts.length - 1 ? null : day(at - 1) };
      });
    }),
  );

/** Any spans at all, overlapping or not: what earlier data entry may have left. */
const anySpans = fc
  .array(
    fc.record({
      value: fc.constantFrom('A', 'B', 'C'),
      start: fc.option(fc.integer({ min: 0, max: 100 })),
      length: fc.option(fc.integer({ min: 0, max: 60 })),
    }),
    { maxLength: 6 },
  )
  .map((rows) =>
    rows.map(
      (row, index): Span<string> => ({
        id: `x${index}`,
        value: row.value,
        start: row.start === null ? null : day(row.start),
        end: row.start === null || row.length === null ? null : day(row.start + row.length),
      }),
    ),
  );

const valueOn = (spans: Array<Span<string>>, at: string) =>
  spans
    .filter((span) => covers(span, at))
    .map((span) => span.value)
    .sort();

describe('one political group at a time', () => {
  it('moving group ends the old membership on the day before', () => {
    const spans: Array<Span<string>> = [{ id: 'g1', value: 'Labour', start: '2019-05-02', end: null }];
    expect(assignFrom(spans, 'Green', '2024-03-01')).toEqual({
      changes: [
        { kind: 'end', id: 'g1', end: '2024-02-29' },
        { kind: 'insert', value: 'Green', start: '2024-03-01' },
      ],
    });
  });

  it('the same group again changes nothing', () => {
    expect(assignFrom([{ id: 'g1', value: 'Labour', start: '2019-05-02', end: null }], 'Labour', '2024-03-01')).toEqual({ changes: [] });
  });

  it('a membership beginning after the day is history the assignment refuses to rewrite', () => {
    const later: Span<string> = { id: 'g2', value: 'Labour', start: '2025-01-01', end: null };
    expect(assignFrom([later], 'Green', '2024-03-01')).toEqual({ laterSpan: later });
  });

  it('for every history and every move: one group on any day from the move on, the past untouched', () => {
    fc.assert(
      fc.property(anySpans, fc.option(fc.constantFrom('A', 'B', 'C')), fc.integer({ min: 0, max: 200 }), (spans, value, offset) => {
        const from = day(offset);
        const outcome = assignFrom(spans, value, from);
        if ('laterSpan' in outcome) {
          expect(outcome.laterSpan.start! > from).toBe(true);
          return;
        }
        const after = applyChanges(spans, outcome.changes);
        for (let n = offset; n < offset + 120; n += 1) expect(valueOn(after, day(n))).toEqual(value === null ? [] : [value]);
        for (let n = offset - 60; n < offset; n += 1) expect(valueOn(after, day(n))).toEqual(valueOn(spans, day(n)));
        for (const span of after) if (span.start && span.end) expect(span.end >= span.start).toBe(true);
      }),
    );
  });

  it('a history kept by the rule never has two groups on one day, whatever moves follow', () => {
    fc.assert(
      fc.property(
        history,
        fc.array(fc.record({ value: fc.option(fc.constantFrom('A', 'B', 'C')), step: fc.integer({ min: 0, max: 30 }) }), { maxLength: 6 }),
        (start, moves) => {
          let spans = start;
          let at = Math.max(0, ...spans.map((span) => (span.start ? Math.round((Date.parse(span.start) - Date.parse(BASE)) / 86_400_000) : 0)));
          for (const move of moves) {
            at += move.step;
            const outcome = assignFrom(spans, move.value, day(at));
            if ('laterSpan' in outcome) return;
            spans = applyChanges(spans, outcome.changes);
          }
          for (let n = 0; n < at + 60; n += 1) expect(valueOn(spans, day(n)).length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
