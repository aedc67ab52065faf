import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_ENGLAND_AND_WALES, clearWorkingDaysBetween, isWorkingDay, latestPublicationDate } from './working-days.ts';

describe('clear working days', () => {
  it('knows the one-off and moved bank holidays', () => {
    for (const day of ['2011-04-29', '2012-06-04', '2012-06-05', '2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) {
      expect(BANK_HOLIDAYS_ENGLAND_AND_WALES, day).toContain(day);
    }
    // The usual days those years did not have.
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES).not.toContain('2020-05-04');
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES).not.toContain('2012-05-28');
    expect(BANK_HOLIDAYS_ENGLAND_AND_WALES).not.toContain('2022-05-30');
  });

  it('moves Christmas and New Year off weekends', () => {
    expect(isWorkingDay('2021-12-27')).toBe(false);
    expect(isWorkingDay('2021-12-28')).toBe(false);
    expect(isWorkingDay('2022-01-03')).toBe(false);
    expect(isWorkingDay('2020-12-28')).toBe(false);
    expect(isWorkingDay('2020-12-29')).toBe(true);
  });

  it('has eight bank holidays in an ordinary year and is sorted', () => {
    for (const year of [2010, 2014, 2019, 2024, 2025, 2030]) {
      expect(BANK_HOLIDAYS_ENGLAND_AND_WALES.filter((day) => day.startsWith(`${year}-`)), String(year)).toHaveLength(8);
    }
    expect([...BANK_HOLIDAYS_ENGLAND_AND_WALES].sort()).toEqual(BANK_HOLIDAYS_ENGLAND_AND_WALES);
  });

  it('counts neither the day of publication nor the meeting, nor weekends and bank holidays', () => {
    // Published Tuesday 29 March 2011 for Wednesday 6 April: Wed 30, Thu 31, Fri 1, Mon 4, Tue 5 are clear.
    expect(clearWorkingDaysBetween('2011-03-29', '2011-04-06')).toBe(5);
    expect(clearWorkingDaysBetween('2011-03-30', '2011-04-06')).toBe(4);
    // Easter 2011 (Good Friday 22, Easter Monday 25) and the royal wedding (Friday 29 April) are not working days.
    expect(clearWorkingDaysBetween('2011-04-20', '2011-05-03')).toBe(4);
    expect(clearWorkingDaysBetween('2011-04-06', '2011-04-06')).toBe(0);
    expect(clearWorkingDaysBetween('2011-04-07', '2011-04-06')).toBe(0);
  });

  it('finds the last day to publish with five clear working days', () => {
    expect(latestPublicationDate('2011-04-06')).toBe('2011-03-29');
    // Over Christmas 2020: meeting Wednesday 6 January 2021; clear days 29, 30, 31 December, 4 and 5 January.
    expect(latestPublicationDate('2021-01-06')).toBe('2020-12-28');
    expect(clearWorkingDaysBetween(latestPublicationDate('2021-01-06'), '2021-01-06')).toBe(5);
  });

  it('refuses dates outside the years it knows, and non-dates', () => {
    expect(() => isWorkingDay('2031-01-02')).toThrow(/2010-2030/);
    expect(() => clearWorkingDaysBetween('2011-02-30', '2011-03-10')).toThrow(/not a date/);
  });
});
