import { describe, expect, it } from 'vitest';
import { minutesReferenceOf } from '../../src/services/documents/minutes-reference.ts';
import { formatFormalDate } from '../../src/domain/dates.ts';
import { councilTime, textPieces } from '../../src/services/documents/wording.ts';
import { formatRange } from '../../src/services/documents/model.ts';

describe('which minutes an agenda item carries', () => {
  it('reads the same body\u2019s earlier meeting from the title', () => {
    expect(
      minutesReferenceOf({ title: 'Minutes of the meeting held on 6 April 2011, if in order, to be approved as a correct record', description: null }),
    ).toEqual({
      bodyName: null,
      date: '2011-04-06',
    });
  });

  it('reads another body and date from the description, with or without "Minutes of the"', () => {
    expect(
      minutesReferenceOf({
        title: 'Minutes for Approval - Governance and Audit Committee',
        description: 'Minutes of the Governance and Audit Committee – 16 March 2011',
      }),
    ).toEqual({
      bodyName: 'Governance and Audit Committee',
      date: '2011-03-16',
    });
    expect(minutesReferenceOf({ title: 'Minutes for Information', description: 'Planning Applications Committee – 12 April 2011' })).toEqual({
      bodyName: 'Planning Applications Committee',
      date: '2011-04-12',
    });
  });

  it('is no reference when the item is not minutes or names no date', () => {
    expect(minutesReferenceOf({ title: 'Questions', description: null })).toBeUndefined();
    expect(minutesReferenceOf({ title: 'Minutes for Information', description: 'Planning Applications Committee' })).toBeUndefined();
    expect(minutesReferenceOf({ title: 'Minutes for Information', description: null })).toBeUndefined();
  });
});

describe('council wording', () => {
  it('prints dates and times as a summons does', () => {
    expect(formatFormalDate('2011-05-12')).toBe('Thursday, 12 May 2011');
    expect(councilTime('10:00:00')).toBe('10.00 am');
    expect(councilTime('16:30:00')).toBe('4.30 pm');
    expect(councilTime('12:15')).toBe('12.15 pm');
  });

  it('turns imported text into paragraphs and bullets without markup', () => {
    expect(textPieces('Subject: **Bold** text\nwrapped here\n\n- (i) first item\n\n<p>Cell one</p><p>Cell two</p>')).toEqual([
      { kind: 'paragraph', text: 'Subject: Bold text wrapped here' },
      { kind: 'bullet', text: '(i) first item' },
      { kind: 'paragraph', text: 'Cell one' },
      { kind: 'paragraph', text: 'Cell two' },
    ]);
  });

  it('prints a one-page range as one number', () => {
    expect(formatRange({ from: 17, to: 17 })).toBe('17');
    expect(formatRange({ from: 1, to: 6 })).toBe('1 - 6');
    expect(formatRange(undefined)).toBe('');
  });
});
