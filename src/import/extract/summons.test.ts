import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../types.ts';
import { segmentDocument } from '../segment.ts';
import { extractSummons } from './summons.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedLines = (prefix: string) => fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).find((name) => name.startsWith(prefix))!), 'utf8').split('\n');
const segmentOf = (lines: string[], lineFrom = 1): Segment => ({ kind: 'summons', title: 'test', lineFrom, lineTo: lineFrom + lines.length - 1, lines });

describe('extractSummons on the 12 May 2011 agenda pack', () => {
  const summons = segmentDocument(seedLines('001_')).find((segment) => segment.kind === 'summons')!;
  const { meeting } = extractSummons(summons);

  it('reads the meeting from the invitation', () => {
    expect(meeting.bodyName).toBe('County Council');
    expect(meeting.kind).toBe('annual');
    expect(meeting.date).toBe('2011-05-12');
    expect(meeting.startTime).toBe('10:00');
    expect(meeting.endTime).toBe('16:30');
    expect(meeting.location).toBe('Council Chamber, Sessions House, County Hall, Maidstone');
  });

  it('reads the 14 agenda items with their page ranges and descriptions', () => {
    expect(meeting.agendaItems.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    const item = (number: string) => meeting.agendaItems.find((candidate) => candidate.number === number)!;
    expect(item('5')).toMatchObject({
      title: 'Minutes of the meeting held on 6 April 2011, if in order, to be approved as a correct record',
      pageFrom: 1,
      pageTo: 6,
    });
    expect(item('11')).toMatchObject({
      title: 'Putting Children First: Kent Safeguarding and Looked After Children Improvement Plan',
      pageFrom: 21,
      pageTo: 86,
    });
    expect(item('8').title).toBe('Report by Leader of the Council (Oral)');
    expect(item('8').pageFrom).toBeUndefined();
    expect(item('12').description).toBe("Procurement of a Managed peripatetic children's assessment service in East/Mid/West Kent");
    expect(item('13').description).toBe('Minutes of the Governance and Audit Committee – 16 March 2011');
    expect(item('14').description).toBe('Planning Applications Committee – 12 April 2011');
    expect(item('14').lineTo).toBe(49);
    expect(meeting.agendaItems.every((candidate) => !candidate.exempt)).toBe(true);
    // The signature under the agenda is not a description.
    expect(meeting.agendaItems.some((candidate) => candidate.description?.includes('Peter Sass'))).toBe(false);
  });
});

describe('extractSummons on small agendas', () => {
  const agenda = [
    'Please attend a meeting of the Cabinet to be held at the Town Hall, Ashford on 4 June 2012 at 2pm.',
    '',
    'AGENDA',
    '',
    'A1 Introduction',
    'A2 Minutes of the meeting held on 1 May 2012, if in order, to be',
    'approved (1 - 4)',
    'B1 Budget monitoring (5 - 20)',
    '',
    'EXEMPT ITEMS',
    'C1 Property disposal (Exempt - paragraph 3) (21 - 24)',
  ];

  it('reads items without pages, wrapped page ranges, letter numbers and exempt sections', () => {
    const { meeting } = extractSummons(segmentOf(agenda, 10));
    expect(meeting).toMatchObject({ bodyName: 'Cabinet', date: '2012-06-04', startTime: '14:00', location: 'Town Hall, Ashford' });
    expect(meeting.kind).toBeUndefined();
    expect(meeting.endTime).toBeUndefined();
    const [a1, a2, b1, c1] = meeting.agendaItems;
    expect(a1).toMatchObject({ number: 'A1', title: 'Introduction', exempt: false, lineFrom: 14, lineTo: 14 });
    expect(a1!.pageFrom).toBeUndefined();
    expect(b1).toMatchObject({ number: 'B1', pageFrom: 5, pageTo: 20, exempt: false });
    expect(c1).toMatchObject({
      number: 'C1',
      title: 'Property disposal (Exempt - paragraph 3)',
      pageFrom: 21,
      pageTo: 24,
      exempt: true,
      exemptParagraphs: [3],
    });
    expect(a2).toMatchObject({
      title: 'Minutes of the meeting held on 1 May 2012, if in order, to be approved',
      pageFrom: 1,
      pageTo: 4,
      lineFrom: 15,
      lineTo: 16,
    });
    expect(a2!.description).toBeUndefined();
  });

  it('reads Windows line endings the same', () => {
    const { meeting } = extractSummons(segmentOf(agenda.map((line) => `${line}\r`)));
    expect(meeting.agendaItems.map((item) => item.number)).toEqual(['A1', 'A2', 'B1', 'C1']);
    expect(meeting.location).toBe('Town Hall, Ashford');
  });

  it('reads an invitation wrapped over several lines', () => {
    const { meeting } = extractSummons(
      segmentOf([
        'Please attend an Extraordinary Meeting of the County',
        'Council in the Council Chamber, County Hall on',
        'Friday, 7 October 2011 at',
        '2.00 pm.',
        '',
        'AGENDA',
        '1. Budget (1 - 4)',
      ]),
    );
    expect(meeting).toMatchObject({
      bodyName: 'County Council',
      kind: 'extraordinary',
      date: '2011-10-07',
      startTime: '14:00',
      location: 'Council Chamber, County Hall',
    });
  });

  it('takes the date from the title page when there is no invitation, and fails clearly without one', () => {
    const { meeting } = extractSummons(segmentOf(['To: All Members of the Planning Committee', 'Monday 3 September 2012', '', 'AGENDA', '1. Apologies']));
    expect(meeting.bodyName).toBe('Planning Committee');
    expect(meeting.date).toBe('2012-09-03');
    expect(meeting.agendaItems).toHaveLength(1);
    expect(() => extractSummons(segmentOf(['To: All Members of the Cabinet', 'AGENDA', '1. Apologies']))).toThrow(/no meeting date/);
  });
});

describe('a summons with a venue label, officers and page ranges printed bare', () => {
  const lines = [
    'Meeting of the PORTWELL COUNCIL',
    'Wednesday, 9 June 2027 at 7.30 p.m.',
    'A G E N D A',
    'VENUE The Guildhall, Quay Street, Portwell PW1 2AB If you need a large print copy, please contact: Nia Lloyd, Committee Clerk, Tel: 01234 567890',
    'You are summoned to attend a meeting of the Council of the Borough of Portwell to be held in THE GUILDHALL at 7.30 p.m. on WEDNESDAY, 9 JUNE 2027',
    'Rhys Morgan Chief Executive',
    '1. APOLOGIES FOR ABSENCE',
    '2. MINUTES 3 - 28',
  ];
  // Each printed paragraph apart, as the invitation is.
  const { meeting } = extractSummons(segmentOf(lines.flatMap((line) => [line, ''])));

  it('takes the place from the venue label, ending at its postcode', () => {
    expect(meeting).toMatchObject({
      bodyName: 'Council of the Borough of Portwell',
      date: '2027-06-09',
      startTime: '19:30',
      location: 'The Guildhall, Quay Street, Portwell PW1 2AB',
    });
  });

  it('records the contact and the signatory as officers', () => {
    expect(meeting.officers?.map((officer) => [officer.name.printed, officer.jobTitle])).toEqual([
      ['Nia Lloyd', 'Committee Clerk'],
      ['Rhys Morgan', 'Chief Executive'],
    ]);
  });

  it('reads a page range printed bare after an ALL-CAPS title', () => {
    expect(meeting.agendaItems.map((item) => [item.number, item.title, item.pageFrom ?? null, item.pageTo ?? null])).toEqual([
      ['1', 'APOLOGIES FOR ABSENCE', null, null],
      ['2', 'MINUTES', 3, 28],
    ]);
  });
});
