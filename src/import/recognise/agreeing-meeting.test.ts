import { describe, expect, it } from 'vitest';
import { agreeingMeeting } from './agreeing-meeting.ts';

describe('the meeting a page says agreed it', () => {
  it('reads the body, the date and the item printed after it', () => {
    expect(
      agreeingMeeting([
        'Members’ Allowances',
        'The scheme was last agreed by the Council at its meeting of 3 March 2031 (see item 9 - Report of the Panel). Rates:',
      ]),
    ).toEqual({
      bodyName: 'Council',
      date: '2031-03-03',
      item: { number: '9', title: 'Report of the Panel' },
      index: 1,
    });
  });

  it('reads other verbs and bodies, without an item', () => {
    expect(agreeingMeeting(['This policy was adopted by the Harbour Board at its meeting held on 4 May 2027.'])).toEqual({
      bodyName: 'Harbour Board',
      date: '2027-05-04',
      index: 0,
    });
    expect(agreeingMeeting(['Approved by Moor Town Council on its meeting of Monday 7 June 2027 (see agenda item 12a: Allowances)'])).toMatchObject({
      bodyName: 'Moor Town Council',
      date: '2027-06-07',
      item: { number: '12a', title: 'Allowances' },
    });
  });

  it('takes no meeting without a date right after it, or without a body', () => {
    expect(agreeingMeeting(['The scheme was agreed by the Council at its meeting last spring, on 3 March 2031.'])).toBeUndefined();
    expect(agreeingMeeting(['It was agreed by all at its meeting of 3 March 2031.'])).toBeUndefined();
    expect(agreeingMeeting(['The Council agreed the scheme on 3 March 2031.'])).toBeUndefined();
  });
});
