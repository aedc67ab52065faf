import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDate, formatShortDate } from './dates.ts';
import { optionalDateEntry, parseDateEntry, requiredDateEntry } from './date-entry.ts';

const isoDay = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dates as people type them', () => {
  it('reads every common UK form of the same day', () => {
    for (const typed of [
      '2011-04-01',
      '1 April 2011',
      '1 Apr 2011',
      '1st April 2011',
      'Friday 1 April 2011',
      'Friday, 1 April 2011',
      '1/4/2011',
      '01/04/2011',
      '1.4.2011',
      '1-4-2011',
      '1 4 2011',
      '  1  April   2011 ',
    ]) {
      expect(parseDateEntry(typed), typed).toBe('2011-04-01');
    }
  });

  it('refuses impossible and unclear dates rather than rolling them over', () => {
    for (const typed of ['31 February 2011', '2011-02-30', '31/2/2011', '0/1/2011', '1/13/2011', 'yesterday', '', '1 April', '1/4/11', '2011', 'April 2011']) {
      expect(parseDateEntry(typed), typed).toBeUndefined();
    }
  });

  it('reads back every day it shows, in every style it shows it (property)', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        expect(parseDateEntry(iso)).toBe(iso);
        expect(parseDateEntry(formatShortDate(iso))).toBe(iso);
        expect(parseDateEntry(formatDate(iso))).toBe(iso);
        const [y, m, d] = iso.split('-');
        expect(parseDateEntry(`${Number(d)}/${Number(m)}/${y}`)).toBe(iso);
      }),
    );
  });

  it('as zod fields: empty is absent, a bad date names its field', () => {
    const schema = z.object({ from: optionalDateEntry('The start date'), on: requiredDateEntry('The meeting date', 'Enter the meeting date') });
    expect(schema.parse({ from: '', on: '6 April 2011' })).toEqual({ from: undefined, on: '2011-04-06' });
    expect(schema.parse({ on: '6/4/2011' })).toEqual({ on: '2011-04-06' });
    const failed = schema.safeParse({ from: '30 Feb 2011', on: '' });
    expect(failed.success).toBe(false);
    expect(failed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['from', 'The start date must be a real date, for example 1 April 2011'],
      ['on', 'Enter the meeting date'],
    ]);
  });
});
