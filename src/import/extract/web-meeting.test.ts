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
