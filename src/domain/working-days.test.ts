import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidays, clearWorkingDaysBetween, isWorkingDay, JURISDICTIONS, latestPublicationDate } from './working-days.ts';

describe('bank holidays by jurisdiction', () => {
  it('knows the one-off and moved bank holidays', () => {
    const england = (year: number) => bankHolidays(year, 'england-and-wales');
    for (const day of [
      '2011-04-29',
      '2012-06-04',
      '2012-06-05',
      '2020-05-08',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
      '1999-12-31',
      '2002-06-03',
      '2002-06-04',
      '1995-05-08',
      '1977-06-07',
    ]) {
      expect(england(Number(day.slice(0, 4))), day).toContain(day);
    }
    // The usual days those years did not have.
    for (const day of ['2020-05-04', '2012-05-28', '2022-05-30', '2002-05-27', '1995-05-01']) expect(england(Number(day.slice(0, 4))), day).not.toContain(day);
    // The royal wedding was a bank holiday in Scotland and Northern Ireland too.
    expect(bankHolidays(2011, 'scotland')).toContain('2011-04-29');
    expect(bankHolidays(2011, 'northern-ireland')).toContain('2011-04-29');
  });

  it('has eight bank holidays in an ordinary English year, sorted, in any year', () => {
    for (const year of [2010, 2014, 2019, 2024, 2025, 2030, 2031, 2045, 2100]) {
      const days = bankHolidays(year, 'england-and-wales').filter((day) => !['0', '6'].includes(String(new Date(`${day}T00:00:00Z`).getUTCDay())));
      expect(days, String(year)).toHaveLength(8);
      expect([...days].sort()).toEqual(days);
    }
  });

  it('follows each jurisdiction’s own days', () => {
    // Scotland: 2 January and St Andrew's Day, the summer holiday early in August, no Easter Monday.
    expect(isWorkingDay('2031-01-02', 'scotland')).toBe(false);
    expect(isWorkingDay('2031-01-02', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2031-12-01', 'scotland')).toBe(false); // St Andrew's Day falls on a Sunday: the Monday after
    expect(isWorkingDay('2031-08-04', 'scotland')).toBe(false);
    expect(isWorkingDay('2031-08-25', 'scotland')).toBe(true);
    expect(isWorkingDay('2031-04-14', 'scotland')).toBe(true);
    expect(isWorkingDay('2031-04-14', 'england-and-wales')).toBe(false);
    // Northern Ireland: St Patrick's Day and the Battle of the Boyne (12 July 2031 is a Saturday: Monday 14 July).
    expect(isWorkingDay('2031-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2031-07-14', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2031-07-14', 'england-and-wales')).toBe(true);
  });
});

describe('clear working days (Local Government Act 1972 s.100B)', () => {
  it('moves Christmas and New Year off weekends', () => {
    expect(isWorkingDay('2021-12-27')).toBe(false);
    expect(isWorkingDay('2021-12-28')).toBe(false);
    expect(isWorkingDay('2022-01-03')).toBe(false);
    expect(isWorkingDay('2020-12-28')).toBe(false);
    expect(isWorkingDay('2020-12-29')).toBe(true);
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

  it('finds the last working day to publish with five clear working days', () => {
    expect(latestPublicationDate('2011-04-06')).toBe('2011-03-29');
    // Over Christmas 2020: meeting Wednesday 6 January 2021; clear days 29, 30, 31 December, 4 and 5 January. The day
    // before them, Monday 28 December, is the Boxing Day bank holiday, and 25-27 are Christmas and a weekend: the
    // agenda must be out on Thursday 24 December.
    expect(latestPublicationDate('2021-01-06')).toBe('2020-12-24');
    // A Monday meeting: the five clear days are Monday to Friday of the week before; the Sunday is no day to publish.
    expect(latestPublicationDate('2031-03-10')).toBe('2031-02-28');
    expect(latestPublicationDate('2045-06-14', 5, 'scotland')).toBe('2045-06-06');
  });

  it('is a working day, gives the notice, and is the latest that does, for any date, notice and jurisdiction', () => {
    const day = fc
      .integer({ min: Date.UTC(1980, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.constantFrom(...JURISDICTIONS), (meeting, clearDays, jurisdiction) => {
        const latest = latestPublicationDate(meeting, clearDays, jurisdiction);
        expect(isWorkingDay(latest, jurisdiction)).toBe(true);
        expect(latest < meeting).toBe(true);
        expect(clearWorkingDaysBetween(latest, meeting, jurisdiction)).toBeGreaterThanOrEqual(clearDays);
        // Every later working day before the meeting gives too little notice.
        for (
          let next = new Date(Date.parse(latest) + 86_400_000).toISOString().slice(0, 10);
          next < meeting;
          next = new Date(Date.parse(next) + 86_400_000).toISOString().slice(0, 10)
        ) {
          if (isWorkingDay(next, jurisdiction)) expect(clearWorkingDaysBetween(next, meeting, jurisdiction)).toBeLessThan(clearDays);
        }
      }),
      { numRuns: 300, seed: 1972 },
    );
  });

  it('refuses non-dates', () => {
    expect(() => clearWorkingDaysBetween('2011-02-30', '2011-03-10')).toThrow(/not a date/);
    expect(() => isWorkingDay('6 April 2011')).toThrow(/not a date/);
  });
});
