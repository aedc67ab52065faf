import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implausibleDateWarning, isRealDate } from './date-plausibility.ts';

describe('officers’ dates', () => {
  it('knows which days exist', () => {
    expect(isRealDate('2026-02-31')).toBe(false);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-04-00')).toBe(false);
    expect(isRealDate('2026-4-1')).toBe(false);
  });

  it('agrees with the calendar for every day it names', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }), (date) => {
        expect(isRealDate(date.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  it('warns of a date before 2000 or more than five years ahead', () => {
    expect(implausibleDateWarning('1999-12-31', '2026-12-07')).toMatch(/before 2000/);
    expect(implausibleDateWarning('2000-01-01', '2026-12-07')).toBeUndefined();
    expect(implausibleDateWarning('2031-12-07', '2026-12-07')).toBeUndefined();
    expect(implausibleDateWarning('2031-12-08', '2026-12-07')).toMatch(/5 years ahead/);
  });
});
