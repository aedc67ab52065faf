import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonth,
  formatNumericDate,
  formatShortDate,
  londonDateOf,
  londonDateTime,
  londonTimestamp,
  londonWallTimeToInstant,
  todayInLondon,
} from './dates.ts';

describe('the London clock', () => {
  it('is a day ahead of UTC between midnight and 1 am in summer, and level with it in winter', () => {
    expect(todayInLondon(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    expect(todayInLondon(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    // The nights of the clock changes (29 March and 25 October 2026).
    expect(todayInLondon(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(todayInLondon(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
    expect(todayInLondon(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
    expect(todayInLondon(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-25');
  });

  it('publishes wall-clock times with the offset of their day', () => {
    expect(londonDateTime('2011-04-06', '10:00:00')).toBe('2011-04-06T10:00:00+01:00');
    expect(londonDateTime('2011-01-06', '10:00')).toBe('2011-01-06T10:00:00+00:00');
    expect(londonWallTimeToInstant('2011-04-06', '10:00').toISOString()).toBe('2011-04-06T09:00:00.000Z');
  });

  it('agrees with itself for any day and any committee hour: the instant of a wall time falls on that London day', () => {
    const day = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    // 2 am is the clock-change hour, which no committee meets in; every other hour is fair.
    const clock = fc
      .tuple(fc.integer({ min: 3, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, clock, (date, time) => {
        const instant = londonWallTimeToInstant(date, time);
        expect(londonDateOf(instant)).toBe(date);
        expect(new Date(londonDateTime(date, time)).getTime()).toBe(instant.getTime());
      }),
    );
  });
});

describe('dates as the council writes them', () => {
  it('writes the other forms of a council date', () => {
    expect(formatShortDate('2011-04-06')).toBe('6 April 2011');
    expect(formatMonth('2011-04')).toBe('April 2011');
    expect(formatNumericDate('2011-04-06')).toBe('06/04/11');
  });

  it('gives the weekday Intl gives in UTC, for any date', () => {
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(formatDate(iso).split(' ')[0]).toBe(weekday.format(new Date(`${iso}T00:00:00Z`)));
      }),
    );
  });
});

describe('londonTimestamp (OParl created and modified)', () => {
  it('writes the London wall clock with its offset, in winter and in summer, milliseconds only when there are any', () => {
    expect(londonTimestamp(new Date('2011-01-12T09:30:15.789Z'))).toBe('2011-01-12T09:30:15.789+00:00');
    expect(londonTimestamp(new Date('2011-04-06T09:00:00.001Z'))).toBe('2011-04-06T10:00:00.001+01:00');
    expect(londonTimestamp(new Date('2011-04-06T09:00:00.000Z'))).toBe('2011-04-06T10:00:00+01:00');
    // Late on a summer evening in UTC is already the next day in London.
    expect(londonTimestamp('2011-06-30T23:30:00Z')).toBe('2011-07-01T00:30:00+01:00');
  });

  it('names the same instant as its input, to the millisecond', () => {
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.5Z']) {
      expect(new Date(londonTimestamp(iso)).toISOString()).toBe(new Date(iso).toISOString());
    }
  });
});
