import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatFormalDate, formatMonth, formatShortDate, formatTime, formatTimeRange, monthName } from './dates.ts';

const anyDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const INTL_CY = new Intl.DateTimeFormat('cy', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('dates in Welsh', () => {
  it('writes the GOV.UK forms with Welsh day and month names', () => {
    expect(formatDate('2011-04-06', 'cy')).toBe('Dydd Mercher 6 Ebrill 2011');
    expect(formatFormalDate('2011-04-06', 'cy')).toBe('Dydd Mercher, 6 Ebrill 2011');
    expect(formatShortDate('2026-04-01', 'cy')).toBe('1 Ebrill 2026');
    expect(formatMonth('2011-12', 'cy')).toBe('Rhagfyr 2011');
    expect(formatDate('2026-02-02', 'cy')).toBe('Dydd Llun 2 Chwefror 2026');
    expect(monthName(7, 'cy')).toBe('Gorffennaf');
    expect(() => monthName(13, 'cy')).toThrow('Not a month: 13');
  });

  it('agrees with the platform’s Welsh (CLDR) names for every date, without its comma', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        expect(formatDate(date, 'cy')).toBe(INTL_CY.format(new Date(Date.UTC(year, month - 1, day))).replace(',', ''));
      }),
    );
  });

  it('leaves English as it was, the default', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(formatDate(date, 'en')).toBe(formatDate(date));
        expect(formatFormalDate(date)).toBe(formatDate(date).replace(' ', ', '));
      }),
    );
    expect(formatDate('2011-04-06')).toBe('Wednesday 6 April 2011');
  });

  it('writes times of day as GOV.UK’s Welsh pages do', () => {
    expect(formatTime('10:00', 'cy')).toBe('10yb');
    expect(formatTime('14:30', 'cy')).toBe('2:30yp');
    expect(formatTime('12:00', 'cy')).toBe('canol dydd');
    expect(formatTime('00:00', 'cy')).toBe('hanner nos');
    expect(formatTimeRange('10:00', '13:15', 'cy')).toBe('10yb i 1:15yp');
    expect(formatTimeRange('10:00', '13:15')).toBe('10am to 1:15pm');
  });
});
