import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, responseDeadline } from './deadline.ts';

describe('the executive response deadline (Local Government Act 2000 s.9FE)', () => {
  it('ends the day before the corresponding date: the period is "two months beginning with" the day of receipt', () => {
    expect(responseDeadline('2011-01-31', 2)).toBe('2011-03-30');
    expect(responseDeadline('2011-03-01', 2)).toBe('2011-04-30');
    expect(responseDeadline('2011-04-06', 2)).toBe('2011-06-05');
    // No 31 February: the period runs to the end of February.
    expect(responseDeadline('2010-12-31', 2)).toBe('2011-02-28');
    expect(responseDeadline('2011-12-30', 2)).toBe('2012-02-29');
    expect(responseDeadline('2011-12-29', 2)).toBe('2012-02-28');
    // The months are the council's to configure.
    expect(responseDeadline('2011-01-31', 1)).toBe('2011-02-28');
    expect(responseDeadline('2011-01-15', 3)).toBe('2011-04-14');
  });

  it('for any day and months: the period holds the day of receipt and ends within the month it should', () => {
    const day = fc
      .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 24 }), (received, months) => {
        const deadline = responseDeadline(received, months);
        expect(deadline >= received).toBe(true);
        const target = new Date(Date.UTC(Number(received.slice(0, 4)), Number(received.slice(5, 7)) - 1 + months, 1));
        const monthOf = (iso: string) => iso.slice(0, 7);
        const dayOfMonth = Number(received.slice(8, 10));
        const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        if (dayOfMonth === 1) expect(monthOf(deadline)).toBe(monthOf(addDays(target.toISOString().slice(0, 10), -1)));
        else expect(monthOf(deadline)).toBe(target.toISOString().slice(0, 7));
        // A day later would be the corresponding date itself, outside the period.
        if (dayOfMonth <= daysInTarget) expect(Number(addDays(deadline, 1).slice(8, 10))).toBe(dayOfMonth);
        else expect(Number(deadline.slice(8, 10))).toBe(daysInTarget);
        // One more day of receipt never gives an earlier deadline.
        expect(responseDeadline(addDays(received, 1), months) >= deadline).toBe(true);
      }),
      { numRuns: 500, seed: 2000 },
    );
  });
});
