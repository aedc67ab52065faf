import { describe, expect, it } from 'vitest';
import { remapLines, sentenceStart, splitTitle, unflatten } from './flattened-text.ts';
import { extractPaper } from '../extract-paper.ts';

/** A made-up front sheet and agenda whose line breaks were lost, as some PDF conversions print them. */
const frontSheet = [
  'Harbour Board Date: Tuesday 4 May 2027 Time: 6.30 p.m Venue: The Boathouse, Quay Street, Portwell Members of the public are welcome to attend. ' +
    'This meeting may be filmed for the Board’s website and anyone attending should be aware of that before taking a seat in the public gallery. ' +
    'AGENDA 1. Minutes To confirm the minutes of the meeting held on 6 April 2027 Page 3 2. To receive any announcements from the Chair ' +
    '3. Members to declare any interests If you have an interest in an item you should say so now and leave the room while it is discussed.',
];

/** Made-up minutes run into one line, with minute references of letters, a running number and the year. */
const minutesLine = [
  'Portwell Town Council',
  '',
  'Minutes of a Meeting of Portwell Town Council held at 7.00pm on Monday 3 May 2027 at the Guildhall, Quay Street, Portwell ' +
    'PTC/101/27-28 Present Members: Cllr A Ash (Chairman), Cllr B Birch, Cllr Cedar (arrived at 7.05pm) and Cllr Elm. ' +
    'PTC/102/27-28 Apologies for Absence Apologies for absence were received from Cllr Fir With the Vice Chairman away it was agreed to go on. ' +
    'PTC/103/27-28 Declarations of Interest Cllr Birch Personal interest in item 5 (Harbour Dues) as a boat owner. ' +
    'RESOLVED that the harbour dues be frozen for a further year after the Chairman explained the cost of the new pontoon.',
];

describe('text whose line breaks were lost', () => {
  it('leaves ordinary text alone', () => {
    expect(unflatten(['Harbour Board', 'Tuesday 4 May 2027', '1. Minutes'])).toBeUndefined();
  });

  it('puts the breaks back at labels, the agenda heading and item numbers counting up', () => {
    const result = unflatten(frontSheet)!;
    const lines = result.lines.filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['Harbour Board', 'Date: Tuesday 4 May 2027', 'Time: 6.30 p.m']);
    expect(lines).toContain('AGENDA');
    expect(lines).toContain('1. Minutes');
    expect(lines).toContain('2. To receive any announcements from the Chair');
    expect(lines).toContain('3. Members to declare any interests');
    expect(result.lineOf.every((line) => line === 1)).toBe(true);
  });

  it('ends a title where a sentence starts, and an ALL-CAPS one where lower case starts', () => {
    expect(splitTitle('1. Minutes To confirm the minutes')).toEqual(['1. Minutes', 'To confirm the minutes']);
    expect(splitTitle('3. MINUTES 3 - 28 To confirm the minutes')).toEqual(['3. MINUTES 3 - 28', 'To confirm the minutes']);
    expect(splitTitle('4. Report of the Director of Finance')).toEqual(['4. Report of the Director of Finance']);
    expect(splitTitle('5. Apologies for Absence Apologies for absence were received')).toEqual([
      '5. Apologies for Absence',
      'Apologies for absence were received',
    ]);
    expect(sentenceStart('Cllr Fir With the absence of the Chair'.split(' '))).toBe(2);
  });

  it('reads the front sheet and agenda of a run-together paper, with the file’s own line numbers', () => {
    const extract = extractPaper({ name: 'agenda.txt', format: 'text', lines: frontSheet, warnings: [] });
    const [meeting] = extract.meetings;
    expect(meeting).toMatchObject({ bodyName: 'Harbour Board', date: '2027-05-04', startTime: '18:30', location: 'The Boathouse, Quay Street, Portwell' });
    expect(meeting!.agendaItems.map((item) => [item.number, item.title, item.pageFrom ?? null, item.lineFrom])).toEqual([
      ['1', 'Minutes', 3, 1],
      ['2', 'To receive any announcements from the Chair', null, 1],
      ['3', 'Members to declare any interests', null, 1],
    ]);
  });

  it('reads run-together minutes: heading, attendance, apologies, declarations table, resolution', () => {
    const extract = extractPaper({ name: 'minutes.txt', format: 'text', lines: minutesLine, warnings: [] });
    const [meeting] = extract.meetings;
    expect(meeting).toMatchObject({ bodyName: 'Portwell Town Council', date: '2027-05-03', startTime: '19:00' });
    expect(meeting!.attendance.map((entry) => `${entry.status}:${entry.name.printed}:${entry.role ?? ''}`)).toEqual([
      'present:Cllr A Ash:Chairman',
      'present:Cllr B Birch:',
      'present:Cllr Cedar:arrived at 7.05pm',
      'present:Cllr Elm:',
      'apologies:Cllr Fir:',
    ]);
    expect(meeting!.minutes.map((minute) => [minute.number, minute.title])).toEqual([
      ['PTC/102/27-28', 'Apologies for Absence'],
      ['PTC/103/27-28', 'Declarations of Interest'],
    ]);
    expect(meeting!.declarations.map((declaration) => [declaration.name.printed, declaration.kind, declaration.agendaItemNumber])).toEqual([
      ['Cllr Birch', 'personal', '5'],
    ]);
    expect(meeting!.minutes[1]!.resolutions[0]!.text).toMatch(/^the harbour dues be frozen/);
    expect(meeting!.lineFrom).toBe(3);
  });

  it('maps line numbers back to the file’s lines', () => {
    const records = remapLines({ lineFrom: 2, lineTo: 3, nested: [{ line: 1 }] }, [1, 1, 2]);
    expect(records).toEqual({ lineFrom: 1, lineTo: 2, nested: [{ line: 1 }] });
  });
});
