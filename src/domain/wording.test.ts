import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatTime, formatTimeRange } from './dates.ts';
import { exemptGround, joinList, paragraphs } from './wording.ts';

describe('dates, times and wording as pages print them', () => {
  it('writes dates the GOV.UK way, whatever the server time zone', () => {
    expect(formatDate('2011-04-06')).toBe('Wednesday 6 April 2011');
    expect(formatDate('2011-03-16')).toBe('Wednesday 16 March 2011');
    expect(formatMonth('2011-04-06')).toBe('April 2011');
  });

  it('writes times the GOV.UK way', () => {
    expect(formatTime('10:00:00')).toBe('10am');
    expect(formatTime('10:30:00')).toBe('10:30am');
    expect(formatTime('14:05')).toBe('2:05pm');
    expect(formatTime('12:00')).toBe('midday');
    expect(formatTime('00:00')).toBe('midnight');
    expect(formatTime('12:30')).toBe('12:30pm');
    expect(formatTimeRange('10:00', '13:15')).toBe('10am to 1:15pm');
    expect(formatTimeRange(null, null)).toBeUndefined();
  });

  it('names the Schedule 12A ground of an exempt item', () => {
    expect(exemptGround([7, 2])).toBe('Schedule 12A paragraphs 2 and 7');
    expect(exemptGround([3])).toBe('Schedule 12A paragraph 3');
    expect(exemptGround([])).toBe('Schedule 12A');
    expect(joinList([1, 2, 3])).toBe('1, 2 and 3');
  });

  it('rejoins hard-wrapped lines but keeps list items apart', () => {
    expect(paragraphs('Members asked about\nsalt stocks.\n\nRESOLVED that:\n(a) one;\n(b) two.')).toEqual([
      'Members asked about salt stocks.',
      'RESOLVED that:',
      '(a) one;',
      '(b) two.',
    ]);
    expect(paragraphs(null)).toEqual([]);
  });
});
