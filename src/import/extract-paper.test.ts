import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TextDocument } from './types.ts';
import { extractPaper } from './extract-paper.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedDoc = (prefix: string): TextDocument => {
  const name = fs.readdirSync(seeds).find((file) => file.startsWith(prefix))!;
  return { name, format: 'text', lines: fs.readFileSync(path.join(seeds, name), 'utf8').split('\n'), warnings: [] };
};
const doc = (lines: string[]): TextDocument => ({ name: 'test.txt', format: 'text', lines, warnings: [] });

describe('extractPaper on the agenda pack (001)', () => {
  const extract = extractPaper(seedDoc('001_'));

  it('merges the questions into the 12 May meeting of the summons', () => {
    const may = extract.meetings.filter((meeting) => meeting.date === '2011-05-12');
    expect(may).toHaveLength(1);
    expect(may[0]!.bodyName).toBe('County Council');
    expect(may[0]!.kind).toBe('annual');
    expect(may[0]!.agendaItems).toHaveLength(14);
    expect(may[0]!.questions.map((question) => `${question.askedBy.printed} -> ${question.askedTo?.printed}`)).toEqual([
      'Mike Harrison -> Sarah Hohler',
      'Martin Vye -> Mike Hill',
    ]);
    expect(may[0]!.lineFrom).toBe(5);
    expect(may[0]!.lineTo).toBe(257);
  });

  it('has one meeting per set of minutes', () => {
    expect(extract.meetings.map((meeting) => meeting.date).sort()).toEqual(['2011-03-16', '2011-04-06', '2011-04-12', '2011-05-12']);
    expect(extract.meetings.find((meeting) => meeting.date === '2011-03-16')!.bodyName).toMatch(/Governance and Audit Committee/);
    expect(extract.meetings.find((meeting) => meeting.date === '2011-04-12')!.bodyName).toMatch(/Planning Applications Committee/);
  });

  it('keeps the reports and the urgent decision, and labels the other papers without records', () => {
    expect(extract.reports.map((report) => report.subject)).toEqual([
      'Removal of Senior Officer Medical Insurance',
      'Annual Report of the Independent Remuneration Panel',
      "Putting Children First: Kent's Safeguarding and Looked After Children Improvement Plan",
      'Quarterly Report On Urgent Key Decisions',
    ]);
    expect(extract.decisions).toEqual([
      expect.objectContaining({
        date: '2011-04-04',
        recordNumber: '11-01654',
        subject: "Managed Peripatetic Children's Assessment service in East/Mid/West Kent",
      }),
    ]);
    expect(extract.segments.map((segment) => segment.kind)).toContain('allowances-scheme');
    expect(extract.segments.every((segment) => !('lines' in segment))).toBe(true);
    expect(extract.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('extractPaper on the other seeds', () => {
  it('produces no records and no errors for tracking sheets and call-ins (000)', () => {
    const extract = extractPaper(seedDoc('000_'));
    expect(extract.segments.map((segment) => segment.kind)).toEqual(['tracking-sheet', 'call-in', 'call-in']);
    expect(extract.meetings).toEqual([]);
    expect(extract.reports).toEqual([]);
    expect(extract.issues).toEqual([]);
  });

  it('reads the single reports (002, 003, 004)', () => {
    expect(extractPaper(seedDoc('002_')).reports.map((report) => [report.to[0]?.bodyName, report.date])).toEqual([
      ["Specialist Children's Services Policy Overview & Scrutiny Committee", '2011-06-21'],
    ]);
    expect(extractPaper(seedDoc('003_')).reports.map((report) => [report.to[0]?.bodyName, report.date])).toEqual([['Cabinet', '2012-01-09']]);
    expect(extractPaper(seedDoc('004_')).reports.map((report) => report.by[0])).toEqual([expect.stringMatching(/^Sarah Hohler/)]);
  });
});

describe('extractPaper on small papers', () => {
  it('records a failing extractor as an error for its segment and keeps the rest', () => {
    const extract = extractPaper(
      doc([
        'To: All Members of the Cabinet',
        'AGENDA',
        '1. Apologies',
        '',
        'This page is intentionally left blank',
        'By: A Person',
        'To: Cabinet – 1 May 2012',
        'Subject: Budget',
      ]),
    );
    expect(extract.issues).toEqual([{ severity: 'error', line: 1, message: expect.stringMatching(/summons .*no meeting date/) }]);
    expect(extract.meetings).toEqual([]);
    expect(extract.reports.map((report) => report.subject)).toEqual(['Budget']);
  });

  it('merges "County Council" with the council\'s full name on the same date, and not across dates', () => {
    const extract = extractPaper(
      doc([
        'Please attend the meeting of the County Council in the Council Chamber on Thursday, 1 March 2012 at 10.00 am.',
        'AGENDA',
        '1. Questions (1 - 2)',
        '',
        'This page is intentionally left blank',
        'KENT COUNTY COUNCIL MEETING',
        'Thursday 1 March 2012',
        'Question by Ann Able to Bob Baker, Leader of the Council',
        'Why?',
        'Answer',
        'Because.',
        '',
        'COUNTY COUNCIL MEETING',
        'Thursday 8 March 2012',
        'Question by Ann Able to Bob Baker, Leader of the Council',
        'When?',
      ]),
    );
    expect(extract.meetings.map((meeting) => [meeting.bodyName, meeting.date, meeting.agendaItems.length, meeting.questions.length])).toEqual([
      ['Kent County Council', '2012-03-01', 1, 1],
      ['County Council', '2012-03-08', 0, 1],
    ]);
    expect(extract.meetings[0]!.startTime).toBe('10:00');
  });

  it('warns about questions that name no meeting instead of guessing one', () => {
    const extract = extractPaper(doc(['Question by Ann Able to Bob Baker, Leader of the Council', 'Why?']));
    expect(extract.meetings).toEqual([]);
    expect(extract.issues).toEqual([{ severity: 'warning', line: 1, message: expect.stringMatching(/name no meeting/) }]);
  });

  it('returns nothing for an empty document', () => {
    expect(extractPaper(doc([]))).toEqual({ segments: [], meetings: [], reports: [], decisions: [], issues: [] });
  });
});

describe('extractPaper on a meeting paper with no date anywhere', () => {
  it('stores no meeting and says what is missing and where the heading should have been', () => {
    const extract = extractPaper(
      doc([
        'Council and democracy > Agenda',
        '',
        'Venue: The Boathouse, Quay Street',
        'Contact: Nia Lloyd',
        '1.',
        'Apologies for Absence',
        'Minutes:',
        'Apologies were received from Councillor Ash.',
      ]),
    );
    expect(extract.meetings).toEqual([]);
    expect(extract.issues).toContainEqual(expect.objectContaining({ line: 3, message: expect.stringMatching(/no date anywhere.*line 3/) }));
  });
});

describe('extractPaper on American minutes', () => {
  it('reads the call to order, the roll call and a roll-call vote with its mover and seconder', () => {
    const extract = extractPaper(
      doc([
        'CITY OF HARBOR',
        'MARCH 3, 2027',
        'The regular meeting of the Harbor City Council was called to order by Mayor Ash at 7:02 p.m.',
        'Roll Call. Present: Council Members Ash, Birch, Cedar. Absent: Council Member Dunn. Also present: City Clerk Elm.',
        'COUNCIL MEMBER BIRCH MOVED, COUNCIL MEMBER CEDAR SECONDED, TO APPROVE THE MINUTES.',
        'Ayes: Council Members Ash, Birch, Cedar Nays: None Absent: Council Member Dunn Motion carried.',
      ]),
    );
    const [meeting] = extract.meetings;
    expect(meeting).toMatchObject({ bodyName: 'Harbor City Council', date: '2027-03-03', startTime: '19:02' });
    expect(meeting!.attendance.map((entry) => [entry.name.printed, entry.role])).toEqual([
      ['Ash', 'Mayor'],
      ['Birch', undefined],
      ['Cedar', undefined],
    ]);
    expect(meeting!.officers?.map((officer) => officer.name.printed)).toEqual(['Elm']);
    expect(meeting!.voteEvents).toMatchObject([
      { forCount: 3, againstCount: 0, result: 'Carried', mover: { printed: 'BIRCH' }, seconder: { printed: 'CEDAR' }, lineFrom: 6 },
    ]);
  });
});
