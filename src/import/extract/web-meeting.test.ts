import { describe, expect, it } from 'vitest';
import { extractWebMeeting } from './web-meeting.ts';

const page = [
  'Agenda, decisions and minutes',
  '',
  'Harbour Board - Tuesday, 4th May, 2021 6.30 pm',
  '',
  'Venue: The Boathouse, Quay Street. View directions',
  '',
  'Contact: Nia Lloyd  Clerk to the Board',
  '',
  'Items',
  'No. Item',
  '',
  '12.',
  '',
  'Apologies for Absence',
  '',
  'Minutes:',
  '',
  'Apologies for absence were received from Councillors Ash and Birch.',
  '',
  '13.',
  '',
  'Moorings Review pdf icon PDF 120 KB',
  '',
  'To consider the report of the Harbour Master.',
  '',
  'Additional documents:',
  '',
  'Minutes:',
  '',
  'RESOLVED that the new mooring charges be approved.',
];

describe('extractWebMeeting', () => {
  it('reads the page header, venue, contact and each numbered item with its minutes', () => {
    const result = extractWebMeeting(page)!;
    expect(result.hasMinutes).toBe(true);
    const { meeting } = result;
    expect(meeting).toMatchObject({ bodyName: 'Harbour Board', date: '2021-05-04', startTime: '18:30', location: 'The Boathouse, Quay Street' });
    expect(meeting.officers?.map((officer) => [officer.name.printed, officer.jobTitle])).toEqual([['Nia Lloyd', 'Clerk to the Board']]);
    expect(meeting.minutes.map((minute) => [minute.number, minute.title])).toEqual([
      ['12', 'Apologies for Absence'],
      ['13', 'Moorings Review'],
    ]);
    expect(meeting.agendaItems.map((item) => item.number)).toEqual(['12', '13']);
    expect(meeting.attendance.map((entry) => `${entry.status}:${entry.name.printed}`)).toEqual(['apologies:Ash', 'apologies:Birch']);
    expect(meeting.minutes[1]!.resolutions.map((resolution) => resolution.text)).toEqual(['the new mooring charges be approved.']);
  });

  it('is an agenda when no item carries a record', () => {
    const agenda = page.filter((line) => !/^Minutes:|^RESOLVED|^Apologies for absence were/.test(line));
    const result = extractWebMeeting(agenda)!;
    expect(result.hasMinutes).toBe(false);
    expect(result.meeting.agendaItems.map((item) => item.title)).toEqual(['Apologies for Absence', 'Moorings Review']);
    expect(result.meeting.minutes).toEqual([]);
  });

  it('gives nothing for a page without a meeting heading', () => {
    expect(extractWebMeeting(['Venue: Town Hall', '1.', 'Minutes'])).toBeUndefined();
  });
});

describe('web meeting pages in other layouts', () => {
  it('numbers the items of a page whose list lost its numbers, and says so', () => {
    const lines = [
      'Annual Meeting, Harbour Board',
      'Wednesday, 5th May, 2027 7.00 pm',
      '',
      'Venue: The Boathouse',
      '',
      'No. Item',
      '',
      '',
      'Election of the Chair',
      '',
      '',
      'Minutes pdf icon PDF 137 KB',
      '',
      'To approve the minutes of the last meeting.',
      '',
      '',
      'Apologies for Absence',
    ];
    const result = extractWebMeeting(lines)!;
    expect(result.meeting.agendaItems.map((item) => [item.number, item.title])).toEqual([
      ['1', 'Election of the Chair'],
      ['2', 'Minutes'],
      ['3', 'Apologies for Absence'],
    ]);
    expect(result.issues.map((issue) => issue.message)).toContain('the 3 items are printed without numbers; they are numbered in the order printed');
  });

  it('reads a header with the page’s kind after the body, and numbers run into the titles', () => {
    const lines = [
      'Harbour Board Agenda - 5 May 2027, 13:30 Help',
      '',
      'Number Item',
      '12Minutes of the last meeting (pages 4 to 7).',
      '2Moorings',
      '(a)Quay Street - add two berths;',
      '3Question by Councillor Ash - Lights on the quay. View Papers',
    ];
    const result = extractWebMeeting(lines)!;
    expect(result.meeting).toMatchObject({ bodyName: 'Harbour Board', date: '2027-05-05', startTime: '13:30' });
    expect(result.meeting.agendaItems.map((item) => [item.number, item.title, item.pageFrom ?? null])).toEqual([
      ['12', 'Minutes of the last meeting (pages 4 to 7).', 4],
      ['2', 'Moorings', null],
      ['3', 'Question by Councillor Ash - Lights on the quay.', null],
    ]);
  });
});

describe('officers presenting an item', () => {
  it('records "Name, Job Title; introduced the report" as an officer', () => {
    const lines = [
      'Meeting: 05/05/2027 - Harbour Board (Item 9)',
      '',
      '9 Moorings pdf icon PDF 20 KB',
      '',
      'Nia Lloyd, Harbour Master & Clerk; introduced the report.',
      '',
      '1. That the report was noted.',
    ];
    const result = extractWebMeeting(lines)!;
    expect(result.meeting.officers?.map((officer) => [officer.name.printed, officer.jobTitle])).toEqual([['Nia Lloyd', 'Harbour Master & Clerk']]);
  });

  it('takes the numbered "That ..." paragraphs closing a minute without RESOLVED as its decision', () => {
    const lines = [
      'Issue - meetings',
      '',
      'Meeting: 05/02/2027 - Harbour Board (Item 4)',
      '',
      '4 Moorings Review pdf icon PDF 120 KB',
      '',
      'The Harbour Master introduced the report. The points made were:',
      '',
      '1.    That the moorings were full.',
      '',
      '2.    Charges had not risen since 2020.',
      '',
      'Members discussed the waiting list.',
      '',
      '1.    That the report be noted.',
      '',
      '2.    That the charges be reviewed in 2028.',
      '',
      'Items at meetings{sidenav}{content}',
    ];
    const minute = extractWebMeeting(lines)!.meeting.minutes[0]!;
    expect(minute.resolutions.map((resolution) => resolution.text)).toEqual(['the report be noted.\nthe charges be reviewed in 2028.']);
  });

  it('takes no decision from numbered points the debate follows', () => {
    const lines = [
      'Meeting: 05/02/2027 - Harbour Board (Item 4)',
      '',
      '4 Moorings Review',
      '',
      'The report said:',
      '',
      '1.    That the moorings were full.',
      '',
      'Members discussed it.',
    ];
    expect(extractWebMeeting(lines)!.meeting.minutes[0]!.resolutions).toEqual([]);
  });
});
