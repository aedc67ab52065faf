import { describe, expect, it } from 'vitest';
import { extractMinutes } from './minutes.ts';

function minutes(body: string[]) {
  const lines = ['Minutes of Meeting of the Moor Council held in the Hall, Moortown on Thursday, 3 June 2027 at 10.35am.', '', ...body];
  return extractMinutes({ kind: 'minutes', title: 'm', lineFrom: 1, lineTo: lines.length, lines }).meeting;
}

describe('minutes in other councils’ forms', () => {
  it('reads the heading without "a" or "the" before "Meeting"', () => {
    expect(minutes(['1. Roll'])).toMatchObject({ bodyName: 'Moor Council', date: '2027-06-03', startTime: '10:35', location: 'Hall, Moortown' });
  });

  it('reads a Present list and the chair inside the first minute', () => {
    const meeting = minutes(['1. Calling of the Roll', '', 'Present:', 'Mr A Ash, Mrs B Birch, Ms C Cedar', '', 'Mrs B Birch in the Chair']);
    expect(meeting.attendance.map((entry) => [entry.name.printed, entry.status, entry.role])).toEqual([
      ['Mr A Ash', 'present', undefined],
      ['Mrs B Birch', 'present', 'Chair'],
      ['Ms C Cedar', 'present', undefined],
    ]);
  });

  it('reads a table of declarations, one row a line', () => {
    const meeting = minutes(['2. Declarations of Interest', '', 'Item 4a – Mr A Ash (Financial)', 'Item 6 – Mrs B Birch (Non-financial)']);
    expect(meeting.declarations.map((declaration) => [declaration.name.printed, declaration.agendaItemNumber, declaration.kind])).toEqual([
      ['Mr A Ash', '4a', 'financial'],
      ['Mrs B Birch', '6', 'non-financial'],
    ]);
  });

  it('takes a bare list of members under an Apologies minute as the apologies', () => {
    const meeting = minutes(['1. APOLOGIES', '', 'Councillors Anna Ash, Ben ab Birch and Cai Cedar.']);
    expect(meeting.attendance.map((entry) => `${entry.status}:${entry.name.printed}`)).toEqual(['apologies:Anna Ash', 'apologies:Ben ab Birch', 'apologies:Cai Cedar']);
  });
});
