import { describe, expect, it } from 'vitest';
import { findClockTime, findLongDate, matchLongDate, parseClockTime, parseLongDate, parseMonthYear, parseShortDate } from './dates.ts';

describe('parseLongDate', () => {
  it('reads dates with and without a weekday', () => {
    expect(parseLongDate('Thursday, 12 May 2011')).toBe('2011-05-12');
    expect(parseLongDate('Thursday 12 May 2011')).toBe('2011-05-12');
    expect(parseLongDate('6 April 2011')).toBe('2011-04-06');
    expect(parseLongDate('17th March, 2011')).toBe('2011-03-17');
    expect(parseLongDate('1 Sept 2011')).toBe('2011-09-01');
    expect(parseLongDate('May 12, 2011')).toBe('2011-05-12');
  });
  it('rejects impossible dates and text that is more than a date', () => {
    expect(parseLongDate('31 February 2011')).toBeUndefined();
    expect(parseLongDate('12 May')).toBeUndefined();
    expect(parseLongDate('Cabinet 12 May 2011')).toBeUndefined();
  });
});

describe('findLongDate', () => {
  it('finds the first date in a line and where it was printed', () => {
    const line = 'MINUTES of a meeting of the Kent County Council held in the Council Chamber on Wednesday, 6 April 2011.';
    expect(findLongDate(line)).toBe('2011-04-06');
    const match = matchLongDate('To: Cabinet – 9 January 2012 and 16 February 2012');
    expect(match?.iso).toBe('2012-01-09');
    expect(match?.text).toBe('9 January 2012');
    expect(findLongDate('no date in here, only 2011')).toBeUndefined();
  });
});

describe('parseShortDate', () => {
  it('reads day first and puts two-digit years in this century', () => {
    expect(parseShortDate('10/12/08')).toBe('2008-12-10');
    expect(parseShortDate('01/06/11')).toBe('2011-06-01');
    expect(parseShortDate('13.03.2011')).toBe('2011-03-13');
    expect(parseShortDate('31/02/11')).toBeUndefined();
    expect(parseShortDate('12/13/11')).toBeUndefined();
  });
});

describe('parseMonthYear', () => {
  it('reads a month and year', () => {
    expect(parseMonthYear('March 2011')).toBe('2011-03');
    expect(parseMonthYear('March')).toBeUndefined();
  });
});

describe('parseClockTime', () => {
  it('turns printed times into 24-hour times', () => {
    expect(parseClockTime('10.00 am')).toBe('10:00');
    expect(parseClockTime('4.30 pm')).toBe('16:30');
    expect(parseClockTime('**10.00 am**')).toBe('10:00');
    expect(parseClockTime('2pm')).toBe('14:00');
    expect(parseClockTime('12.30 pm')).toBe('12:30');
    expect(parseClockTime('12 noon')).toBe('12:00');
    expect(parseClockTime('14:15')).toBe('14:15');
  });
  it('refuses numbers that are not times', () => {
    expect(parseClockTime('3')).toBeUndefined();
    expect(parseClockTime('13.00 pm')).toBeUndefined();
    expect(parseClockTime('10.75 am')).toBeUndefined();
  });
  it('finds the first time in a sentence', () => {
    expect(findClockTime('The meeting is scheduled to end by 4.30 pm.')).toBe('16:30');
    expect(findClockTime('Item 3.2 on page 4')).toBeUndefined();
  });
});
