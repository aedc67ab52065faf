import { describe, expect, it } from 'vitest';
import { dueDate, parseTimescale } from './timescale.ts';

describe('parseTimescale', () => {
  it('reads date ranges, keeping the printed text', () => {
    expect(parseTimescale('1 Aug 2011- 30 Aug 2011')).toMatchObject({
      kind: 'range',
      start: '2011-08-01',
      end: '2011-08-30',
      printed: '1 Aug 2011- 30 Aug 2011',
    });
    expect(parseTimescale('1 March 2011 – 1 Sept 2011 (review)')).toMatchObject({ kind: 'range', start: '2011-03-01', end: '2011-09-01', review: true });
  });

  it('gives a start printed without its year the year of the end', () => {
    expect(parseTimescale('1 March – 31 May 2011')).toMatchObject({ start: '2011-03-01', end: '2011-05-31' });
    expect(parseTimescale('1- 31 Dec 2011')).toMatchObject({ start: '2011-12-01', end: '2011-12-31' });
  });

  it('reads impossible days as the end of the month and bare months as whole months', () => {
    expect(parseTimescale('1 July 2011 - 31 Sept 2011').end).toBe('2011-09-30');
    expect(parseTimescale('Jan 2011 – Sept 2011 (review)')).toMatchObject({ start: '2011-01-01', end: '2011-09-30' });
  });

  it('reads single dates, "from" dates and "Completed"', () => {
    expect(parseTimescale('31 March 2011')).toMatchObject({ kind: 'date', end: '2011-03-31' });
    expect(parseTimescale('From 1 April 2011')).toMatchObject({ kind: 'from', start: '2011-04-01' });
    expect(parseTimescale('Completed')).toMatchObject({ kind: 'completed' });
    expect(dueDate(parseTimescale('Completed'))).toBeUndefined();
  });

  it('reads recurrences, with their last date when printed', () => {
    expect(parseTimescale('Monthly until 1 March 2012')).toMatchObject({ kind: 'recurring', recurrence: 'monthly', until: '2012-03-01' });
    expect(parseTimescale('Review weekly')).toMatchObject({ kind: 'recurring', recurrence: 'weekly' });
    expect(parseTimescale('Quarterly')).toMatchObject({ kind: 'recurring', recurrence: 'quarterly' });
    expect(dueDate(parseTimescale('Monthly until 1 March 2012'))).toBe('2012-03-01');
    expect(dueDate(parseTimescale('Review weekly'))).toBeUndefined();
  });

  it('leaves text it cannot read as unknown', () => {
    expect(parseTimescale('After each audit')).toMatchObject({ kind: 'unknown', printed: 'After each audit' });
  });
});
