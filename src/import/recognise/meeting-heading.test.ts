import { describe, expect, it } from 'vitest';
import { findMeetingHeading } from './meeting-heading.ts';

describe('findMeetingHeading', () => {
  it('reads a web page header "Body - Weekday, date time"', () => {
    expect(findMeetingHeading(['Agenda and minutes', '', 'Licensing Panel - Tuesday, 3rd March, 2020 10.00 am'])).toEqual({
      bodyName: 'Licensing Panel',
      date: '2020-03-03',
      startTime: '10:00',
      lineFrom: 3,
      lineTo: 3,
    });
  });

  it('reads "Body, Weekday, date time" and the kind of meeting printed first', () => {
    expect(findMeetingHeading(['Ferry Board, Friday, 1st May, 2015 2.15 pm'])).toMatchObject({
      bodyName: 'Ferry Board',
      date: '2015-05-01',
      startTime: '14:15',
    });
    expect(findMeetingHeading(['Extraordinary Meeting, Town Council - Monday, 4th June, 2012 7.00 pm'])).toMatchObject({
      bodyName: 'Town Council',
      kind: 'extraordinary',
      date: '2012-06-04',
      startTime: '19:00',
    });
  });

  it('reads the body on one line and the date and time on the next', () => {
    expect(findMeetingHeading(['Agenda', '', 'Harbour Committee', 'Wednesday, 9th October, 2019 6pm'])).toMatchObject({
      bodyName: 'Harbour Committee',
      date: '2019-10-09',
      startTime: '18:00',
      lineFrom: 3,
      lineTo: 4,
    });
  });

  it('reads an issue page "Meeting: dd/mm/yyyy - Body (Item n)"', () => {
    expect(findMeetingHeading(['Issue - meetings', 'Bus shelters', 'Meeting: 05/02/2021 - Transport Panel (Item 4)'])).toMatchObject({
      bodyName: 'Transport Panel',
      date: '2021-02-05',
      itemNumber: '4',
    });
  });

  it('is not fooled by a sentence with a date in it', () => {
    expect(findMeetingHeading(['The minutes of the meeting held on 5 July 2018 were agreed as a correct record.'])).toBeUndefined();
    expect(findMeetingHeading(['Minutes of the meeting held on 5 July 2018'])).toBeUndefined();
  });
});
