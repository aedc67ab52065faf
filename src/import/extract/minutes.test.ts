import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue, MeetingRecord, Segment } from '../types.ts';
import { extractMinutes } from './minutes.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

/**
 * Cuts one meeting's minutes out of a seed the way a segmenter would: from the headings above the
 * "MINUTES of a meeting of the <body>" line to just before the next blank page, the next minutes or the next paper.
 */
function cutMinutes(lines: string[], bodyName: string): Segment {
  const at = lines.findIndex((line) => line.startsWith(`MINUTES of a meeting of the ${bodyName} held`));
  if (at < 0) throw new Error(`no minutes of ${bodyName}`);
  let start = at;
  // Take in the all-capitals headings printed above ("KENT COUNTY COUNCIL", "GOVERNANCE AND AUDIT COMMITTEE").
  for (let index = at - 1; index >= 0; index--) {
    const text = lines[index]!.trim();
    if (!text) continue;
    if (/^[^a-z]+$/.test(text)) start = index;
    else break;
  }
  let end = at + 1;
  while (
    end < lines.length &&
    !/intentionally left blank/i.test(lines[end]!) &&
    !/^MINUTES of /.test(lines[end]!) &&
    // The next paper starts with run-together bold headings ("COUNTY COUNCIL MEETING**Thursday 12 May 2011**...").
    !/\*\*(?:Question by|Monday|Tuesday|Wednesday|Thursday|Friday)\b/.test(lines[end]!)
  ) {
    end++;
  }
  while (end > at && !lines[end - 1]!.trim()) end--;
  return { kind: 'minutes', title: `Minutes of ${bodyName}`, lineFrom: start + 1, lineTo: end, lines: lines.slice(start, end) };
}

function synthetic(text: string, lineFrom = 1, eol = '\n'): Segment {
  const lines = text
    .replace(/^\n/, '')
    .split('\n')
    .map((line) => line.replace(/^ {4}/, ''));
  // Re-join with the requested line ending and split on "\n" only, as a naive reader would (CRLF keeps its "\r").
  const raw = lines.join(eol).split('\n');
  return { kind: 'minutes', title: 'synthetic', lineFrom, lineTo: lineFrom + raw.length - 1, lines: raw };
}

const printed = (name: { printed: string } | undefined): string | undefined => name?.printed;

describe('extractMinutes on the seed paper 001', () => {
  let lines: string[];
  beforeAll(() => {
    lines = readFileSync(path.join(seedsDir, '001_078369eba01f855e.txt'), 'utf8').split('\n');
  });

  describe('Kent County Council, 6 April 2011', () => {
    let meeting: MeetingRecord;
    let issues: ImportIssue[];
    let segment: Segment;
    beforeAll(() => {
      segment = cutMinutes(lines, 'Kent County Council');
      ({ meeting, issues } = extractMinutes(segment));
    });

    it('reads the heading', () => {
      expect(meeting.bodyName).toBe('Kent County Council');
      expect(meeting.date).toBe('2011-04-06');
      expect(meeting.location).toBe('Council Chamber, Sessions House, County Hall, Maidstone');
      expect(meeting.lineFrom).toBe(segment.lineFrom);
      expect(meeting.lineTo).toBe(segment.lineTo);
    });

    it('reads 78 members present with the chairman and vice-chairman', () => {
      const present = meeting.attendance.filter((entry) => entry.status === 'present');
      expect(present).toHaveLength(78);
      expect(present.every((entry) => !entry.officer)).toBe(true);
      const chairman = present.find((entry) => entry.role === 'Chairman');
      expect(printed(chairman?.name)).toBe('Mr W A Hayton');
      expect(printed(present.find((entry) => entry.role === 'Vice-Chairman')?.name)).toBe('Mrs P A V Stockell');
      // Post-nominals after a comma, and two names run together without one.
      const ferrin = present.find((entry) => entry.name.familyName === 'Ferrin');
      expect(ferrin?.name.postNominals).toEqual(['MBE']);
      expect(present.map((entry) => entry.name.printed)).toEqual(expect.arrayContaining(['Mr M A Wickham', 'Mr A T Willicombe']));
      // Each record points at the line it was printed on.
      expect(chairman?.lineFrom).toBe(lines.findIndex((line) => line.startsWith('Mr W A Hayton (Chairman)')) + 1);
    });

    it('reads the officers in attendance with their job titles', () => {
      const officers = meeting.attendance.filter((entry) => entry.status === 'in-attendance');
      expect(officers.map((entry) => entry.name.printed)).toEqual(['Katherine Kerswell', 'Geoff Wild', 'Peter Sass']);
      expect(officers.every((entry) => entry.officer)).toBe(true);
      expect(officers[0]?.role).toBe('Managing Director');
      expect(officers[0]?.name.givenName).toBe('Katherine');
    });

    it('reads the apologies printed one name a line inside minute 10', () => {
      const apologies = meeting.attendance.filter((entry) => entry.status === 'apologies');
      expect(apologies.map((entry) => entry.name.printed)).toEqual(['Mr Cope', 'Mr Manion', 'Mr Pascoe', 'Mr K Smith']);
      const minute10 = meeting.minutes.find((minute) => minute.number === '10')!;
      for (const entry of apologies) {
        expect(entry.lineFrom).toBeGreaterThan(minute10.lineFrom);
        expect(entry.lineTo).toBeLessThanOrEqual(minute10.lineTo);
        expect(lines[entry.lineFrom - 1]!.trim()).toBe(entry.name.printed);
      }
    });

    it('reads minutes 9 to 23 in order', () => {
      expect(meeting.minutes.map((minute) => minute.number)).toEqual(['9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23']);
      const minute19 = meeting.minutes.find((minute) => minute.number === '19')!;
      expect(minute19.title).toBe("Governance Arrangements for Children's Social Care Improvement");
      expect(lines[minute19.lineFrom - 1]).toMatch(/^19\. /);
      expect(meeting.minutes.every((minute) => !minute.exempt)).toBe(true);
      // Each minute's text ends where the next minute starts.
      for (let index = 1; index < meeting.minutes.length; index++) {
        expect(meeting.minutes[index - 1]!.lineTo).toBeLessThan(meeting.minutes[index]!.lineFrom);
      }
      expect(meeting.minutes.at(-1)!.lineTo).toBeLessThanOrEqual(segment.lineTo);
    });

    it('marks minute 12 as approving the minutes of 17 February 2011, and no other', () => {
      const approving = meeting.minutes.filter((minute) => minute.approvesMinutesOf);
      expect(approving.map((minute) => [minute.number, minute.approvesMinutesOf])).toEqual([['12', '2011-02-17']]);
      expect(approving[0]!.resolutions).toHaveLength(1);
      expect(approving[0]!.resolutions[0]!.text).toMatch(/^the Minutes of the meeting held on 17 February 2011 be approved/);
    });

    it('reads the declaration and files it under the minute of the item it concerns', () => {
      expect(meeting.declarations).toHaveLength(1);
      const declaration = meeting.declarations[0]!;
      expect(declaration.name.printed).toBe('Mr Cowan');
      expect(declaration.kind).toBe('personal');
      expect(declaration.agendaItemNumber).toBe('10');
      expect(declaration.minuteNumber).toBe('19');
      expect(declaration.reason).toBe('he and his wife were foster carers');
      expect(lines[declaration.lineFrom - 1]).toMatch(/^Mr Cowan declared/);
    });

    it('reads a unanimous resolution moved by the chairman and seconded by the vice-chairman', () => {
      const minute13 = meeting.minutes.find((minute) => minute.number === '13')!;
      expect(minute13.resolutions).toHaveLength(1);
      expect(minute13.resolutions[0]!.unanimous).toBe(true);
      // The next sub-heading "(b) ..." is not part of the resolution.
      expect(minute13.resolutions[0]!.text).not.toMatch(/\(b\)/);
      expect(minute13.resolutions[0]!.lineTo).toBe(minute13.resolutions[0]!.lineFrom);
      expect(minute13.motions).toHaveLength(1);
      expect(printed(minute13.motions[0]!.mover)).toBe('Mr W A Hayton');
      expect(printed(minute13.motions[0]!.seconder)).toBe('Mrs P A V Stockell');
    });

    it('reads motions and resolutions with sub-parts', () => {
      const minute16 = meeting.minutes.find((minute) => minute.number === '16')!;
      expect(printed(minute16.motions[0]?.mover)).toBe('Mr Sweetland');
      expect(printed(minute16.motions[0]?.seconder)).toBe('Mr Brazier');
      expect(minute16.motions[0]?.text).toMatch(/^that the third Local Transport Plan for Kent 2011-16 be approved/);
      expect(minute16.resolutions.map((resolution) => resolution.unanimous)).toEqual([false]);

      const minute19 = meeting.minutes.find((minute) => minute.number === '19')!;
      expect(printed(minute19.motions[0]?.mover)).toBe('Mrs Whittle');
      expect(minute19.resolutions).toHaveLength(1);
      const text = minute19.resolutions[0]!.text;
      for (const part of ['(i)', '(ii)', '(a)', '(b)', '(c)', '(iii)']) expect(text).toContain(part);
      expect(lines[minute19.resolutions[0]!.lineTo - 1]).toMatch(/\(iii\)/);

      const minute21 = meeting.minutes.find((minute) => minute.number === '21')!;
      expect(printed(minute21.motions[0]?.mover)).toBe('Mr A King');
      expect(printed(minute21.motions[0]?.seconder)).toBe('Mrs Rook');
    });

    it('reads the recorded vote at minute 22 with every named voter', () => {
      expect(meeting.voteEvents).toHaveLength(1);
      const vote = meeting.voteEvents[0]!;
      expect(vote.minuteNumber).toBe('22');
      expect(printed(vote.mover)).toBe('Mr G Cooke');
      expect(printed(vote.seconder)).toBe('Mrs J Rook');
      expect(vote.motionText).toMatch(/^This Council resolves to reject the alternative voting system/);
      expect(vote.motionText).not.toMatch(/^["“]|["”]$/);
      expect([vote.forCount, vote.againstCount, vote.abstainCount]).toEqual([55, 11, 2]);
      expect(vote.result).toBe('Carried');
      const byOption = (option: string) => vote.votes.filter((entry) => entry.option === option).map((entry) => entry.name.printed);
      expect(byOption('for')).toHaveLength(55);
      expect(byOption('against')).toHaveLength(11);
      expect(byOption('abstain')).toEqual(['Mr R Brookbank', 'Mr J Simmonds']);
      expect(byOption('for')).toEqual(expect.arrayContaining(['Mrs A Allen', 'Mr A Wickham', 'Mr A Willicombe']));
      expect(byOption('against')).toContain('Mr G Cowan');
      expect(lines[vote.lineFrom - 1]).toBe('For (55)');
      expect(lines[vote.lineTo - 1]).toBe('Carried');
    });

    it('reports nothing it could not read', () => {
      expect(issues).toEqual([]);
    });
  });

  describe('Governance and Audit Committee, 16 March 2011', () => {
    let meeting: MeetingRecord;
    let issues: ImportIssue[];
    beforeAll(() => {
      ({ meeting, issues } = extractMinutes(cutMinutes(lines, 'Governance and Audit Committee')));
    });

    it('reads the heading and attendance', () => {
      expect(meeting.bodyName).toBe('Governance and Audit Committee');
      expect(meeting.date).toBe('2011-03-16');
      expect(meeting.location).toBe('Darent Room, Sessions House, County Hall, Maidstone');
      const present = meeting.attendance.filter((entry) => entry.status === 'present');
      expect(present).toHaveLength(11);
      const chairman = present.find((entry) => entry.role === 'Chairman')!;
      expect(chairman.name.printed).toBe('Mr R L H Long TD');
      expect(chairman.name.postNominals).toEqual(['TD']);
      expect(chairman.name.initials).toEqual(['R', 'L', 'H']);
      expect(present.map((entry) => entry.name.printed)).toEqual(expect.arrayContaining(['Mr R Tolputt', 'Mr C T Wells']));
      expect(meeting.attendance.filter((entry) => entry.status === 'also-present').map((entry) => entry.name.printed)).toEqual([
        'Miss S J Carey',
        'Mr J D Simmonds',
      ]);
      const officers = meeting.attendance.filter((entry) => entry.officer);
      expect(officers).toHaveLength(9);
      expect(officers.find((entry) => entry.name.familyName === 'Tonks')?.role).toBe('Head of Audit & Risk');
      // "Mr D Wells and Mrs E Robinson from the Audit Commission"
      expect(officers.filter((entry) => entry.role === 'Audit Commission').map((entry) => entry.name.printed)).toEqual(['Mr D Wells', 'Mrs E Robinson']);
    });

    it('reads minutes 1 to 15 with agenda item numbers, the last one exempt', () => {
      expect(meeting.minutes.map((minute) => minute.number)).toEqual(Array.from({ length: 15 }, (_, index) => String(index + 1)));
      expect(meeting.minutes[0]!.agendaItemNumber).toBe('4');
      expect(meeting.minutes[14]!.agendaItemNumber).toBe('20');
      const exempt = meeting.minutes.filter((minute) => minute.exempt);
      expect(exempt.map((minute) => [minute.number, minute.title, minute.exemptParagraphs])).toEqual([['15', 'Internal Audit - Irregularities', [2, 7]]]);
      expect(meeting.minutes.find((minute) => minute.number === '14')!.text).not.toMatch(/Schedule 12A/);
    });

    it('reads "Minutes - 30 November 2010" as approving that meeting', () => {
      expect(meeting.minutes[0]!.approvesMinutesOf).toBe('2010-11-30');
      expect(meeting.minutes.filter((minute) => minute.approvesMinutesOf)).toHaveLength(1);
    });

    it('reads numbered RESOLVED paragraphs and keeps lettered sub-parts', () => {
      const minute2 = meeting.minutes[1]!;
      expect(minute2.resolutions.map((resolution) => resolution.text)).toEqual(['subject to (2) above, the forward work programme for 2011 be agreed.']);
      const minute5 = meeting.minutes[4]!;
      expect(minute5.resolutions).toHaveLength(1);
      expect(minute5.resolutions[0]!.text).toMatch(/^\(a\) approval be given/);
      expect(minute5.resolutions[0]!.text).toContain('(b) the audit plan and revised fee be approved.');
      const minute8 = meeting.minutes[7]!;
      expect(minute8.resolutions).toEqual([]);
      expect(issues).toEqual([]);
    });
  });

  describe('Planning Applications Committee, 12 April 2011', () => {
    let meeting: MeetingRecord;
    let issues: ImportIssue[];
    beforeAll(() => {
      ({ meeting, issues } = extractMinutes(cutMinutes(lines, 'Planning Applications Committee')));
    });

    it('reads the heading and 17 members present', () => {
      expect(meeting.bodyName).toBe('Planning Applications Committee');
      expect(meeting.date).toBe('2011-04-12');
      expect(meeting.location).toBe('Council Chamber, Sessions House, County Hall, Maidstone');
      const present = meeting.attendance.filter((entry) => entry.status === 'present');
      expect(present).toHaveLength(17);
      expect(printed(present.find((entry) => entry.role === 'Chairman')?.name)).toBe('Mr R E King');
      // "The Committee noted the appointment of Mr W A Hayton in place of Mr J A Davies" is a change of membership.
      expect(present.find((entry) => entry.name.printed === 'Mr W A Hayton')?.status).toBe('present');
      expect(meeting.attendance.filter((entry) => entry.status === 'also-present').map((entry) => entry.name.printed)).toEqual(['Mr H J Craske']);
    });

    it('reads minutes 27 to 34 despite the run-together first heading', () => {
      expect(meeting.minutes.map((minute) => minute.number)).toEqual(['27', '28', '29', '30', '31', '32', '33', '34']);
      expect(meeting.minutes[0]!.title).toBe('Membership');
      expect(meeting.minutes.map((minute) => minute.agendaItemNumber)).toEqual(['2', 'A4', 'A5', 'B1', 'C1', 'C2', 'C3', 'E1']);
      expect(meeting.minutes[1]!.approvesMinutesOf).toBe('2011-03-15');
    });

    it('reads the planning application references', () => {
      expect(meeting.minutes.filter((minute) => minute.applicationReference).map((minute) => [minute.number, minute.applicationReference])).toEqual([
        ['31', 'GR/10/1127'],
        ['32', 'SW/10/1436'],
        ['33', 'SW/10/444'],
      ]);
    });

    it('reads a resolution continued across a page break', () => {
      const minute31 = meeting.minutes.find((minute) => minute.number === '31')!;
      expect(minute31.resolutions).toHaveLength(1);
      expect(minute31.resolutions[0]!.text).toMatch(/redstarts and bats/);
      expect(minute31.resolutions[0]!.lineTo).toBeGreaterThan(minute31.resolutions[0]!.lineFrom);
    });

    it('reads the declaration of interest and the fresh-mind statements', () => {
      const gates = meeting.declarations.filter((declaration) => declaration.name.printed === 'Mr T Gates');
      expect(gates).toHaveLength(1);
      expect(gates[0]).toMatchObject({ kind: 'personal', minuteNumber: '31', agendaItemNumber: 'C1' });
      expect(gates[0]!.reason).toMatch(/^his son was employed by Atkins/);

      const others = meeting.declarations.filter((declaration) => declaration.kind === 'other');
      expect(others.map((declaration) => [declaration.name.printed, declaration.minuteNumber])).toEqual([
        ['Mr R J Lees', '31'],
        ['Mr A T Willicombe', '32'],
        ['Mr A T Willicombe', '33'],
      ]);
      expect(others[1]!.reason).toBe('he was a Member of Swale Borough Council, which had considered the application');
      expect(issues).toEqual([]);
    });
  });
});

describe('extractMinutes on synthetic minutes', () => {
  it('copes with CRLF line endings, a missing comma, substitutes and apologies on one line', () => {
    const segment = synthetic(
      `
    BOROUGH COUNCIL

    MINUTES of a meeting of the Licensing Committee held at the Town Hall, Ashford on Tuesday, 3 May 2011 at 7.00 pm.

    PRESENT: Cllr A B Jones (Chair), Mrs C Smith (Vice-Chair), Mr D E Brown Mr F Green, Mr G Black (substitute for Mr H White), Ms J Grey

    SUBSTITUTES: Mr K Red for Mr L Blue

    OFFICERS: Ms M Lane (Licensing Manager)

    Apologies for absence were received from Mr H White, Mr L Blue and Mrs N Pink.

    1. Minutes

    RESOLVED that the Minutes of the meeting held on 5 April 2011 be approved as a correct record.

    2. Licence review

    (Item 6)

    Mr D E Brown declared a prejudicial interest in Item 6 as he knew the applicant, and left the meeting.

    (1) Mr F Green moved, Mrs C Smith seconded that the licence be revoked.

    (2) RESOLVED unanimously that the licence be revoked.

    The meeting closed at 8.15 pm.
    `,
      101,
      '\r\n',
    );
    expect(segment.lines[3]!.endsWith('\r')).toBe(true);
    const { meeting, issues } = extractMinutes(segment);
    expect(issues).toEqual([]);
    expect(meeting.bodyName).toBe('Licensing Committee');
    expect(meeting.date).toBe('2011-05-03');
    expect(meeting.startTime).toBe('19:00');
    expect(meeting.endTime).toBe('20:15');
    expect(meeting.location).toBe('Town Hall, Ashford');

    const byStatus = (status: string) => meeting.attendance.filter((entry) => entry.status === status).map((entry) => entry.name.printed);
    expect(byStatus('present')).toEqual(['Cllr A B Jones', 'Mrs C Smith', 'Mr D E Brown', 'Mr F Green', 'Ms J Grey']);
    expect(byStatus('substitute')).toEqual(['Mr G Black', 'Mr K Red']);
    expect(meeting.attendance.filter((entry) => entry.status === 'substitute').map((entry) => entry.substituteFor?.printed)).toEqual([
      'Mr H White',
      'Mr L Blue',
    ]);
    expect(byStatus('apologies')).toEqual(['Mr H White', 'Mr L Blue', 'Mrs N Pink']);
    expect(meeting.attendance.find((entry) => entry.name.printed === 'Ms M Lane')).toMatchObject({
      officer: true,
      role: 'Licensing Manager',
      status: 'in-attendance',
    });
    // Line numbers count from the segment's first line, and no text keeps a "\r".
    expect(meeting.attendance.find((entry) => entry.name.printed === 'Mr K Red')?.lineFrom).toBe(101 + 6);
    expect(meeting.minutes.map((minute) => [minute.number, minute.title, minute.agendaItemNumber])).toEqual([
      ['1', 'Minutes', undefined],
      ['2', 'Licence review', '6'],
    ]);
    expect(meeting.minutes[0]!.approvesMinutesOf).toBe('2011-04-05');
    expect(meeting.minutes.some((minute) => minute.text.includes('\r'))).toBe(false);

    const minute2 = meeting.minutes[1]!;
    expect(minute2.motions).toEqual([
      expect.objectContaining({
        text: 'that the licence be revoked',
        mover: expect.objectContaining({ printed: 'Mr F Green' }),
        seconder: expect.objectContaining({ printed: 'Mrs C Smith' }),
      }),
    ]);
    expect(minute2.resolutions).toEqual([expect.objectContaining({ text: 'the licence be revoked.', unanimous: true })]);
    // Chair/Vice-Chair roles resolve "the Chairman" spellings too.
    expect(meeting.declarations).toEqual([
      expect.objectContaining({ kind: 'prejudicial', agendaItemNumber: '6', minuteNumber: '2', reason: 'he knew the applicant, and left the meeting' }),
    ]);
    expect(meeting.declarations[0]!.name.printed).toBe('Mr D E Brown');
  });

  it('marks minutes after an EXEMPT ITEMS heading, or after an exclusion resolution, as exempt', () => {
    const { meeting } = extractMinutes(
      synthetic(`
    MINUTES of a meeting of the Cabinet held in the Council Chamber on 1 June 2011.

    PRESENT: Mr A Leader (Chairman), Mr B Deputy

    1. Budget

    RESOLVED that the budget be noted.

    2. Exclusion of the Press and Public

    RESOLVED that under Section 100A of the Local Government Act 1972 the public be excluded for the following business on the grounds that it involves the disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.

    3. Property disposal

    RESOLVED that the disposal be approved.

    EXEMPT ITEMS

    (Open access to minutes prohibited: paragraphs 1, 4 and 5 of Part 1 of Schedule 12A)

    4. Staffing matter

    RESOLVED that the report be noted.
    `),
    );
    expect(meeting.minutes.map((minute) => [minute.number, minute.exempt, minute.exemptParagraphs])).toEqual([
      ['1', false, []],
      ['2', false, []],
      ['3', true, [3]],
      ['4', true, [1, 4, 5]],
    ]);
  });

  it('warns when a recorded vote names fewer voters than its count', () => {
    const segment = synthetic(
      `
    MINUTES of a meeting of the County Council held in the Council Chamber on Thursday, 14 July 2011.

    PRESENT: Mr A One (Chairman), Mr B Two, Mrs C Three, Mr D Four

    5. Motion on libraries

    (1) It was moved by Mr B Two, seconded by Mrs C Three that this Council supports its libraries.

    (2) The Chairman put the Motion to the vote:

    For (3)

    Mr B Two, Mrs C Three

    Against (1)

    Mr D Four

    Abstain (0)

    Lost

    6. Another vote

    The amendment was lost by 4 votes to 6, with 2 abstentions.
    `,
      500,
    );
    const { meeting, issues } = extractMinutes(segment);
    expect(meeting.voteEvents).toHaveLength(2);
    const [named, prose] = meeting.voteEvents;
    expect(named).toMatchObject({
      minuteNumber: '5',
      forCount: 3,
      againstCount: 1,
      abstainCount: 0,
      result: 'Lost',
      motionText: 'that this Council supports its libraries',
    });
    expect(printed(named!.mover)).toBe('Mr B Two');
    expect(printed(named!.seconder)).toBe('Mrs C Three');
    expect(named!.votes.map((vote) => [vote.name.printed, vote.option])).toEqual([
      ['Mr B Two', 'for'],
      ['Mrs C Three', 'for'],
      ['Mr D Four', 'against'],
    ]);
    const forLine = 500 + segment.lines.findIndex((line) => line === 'For (3)');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', line: forLine, message: expect.stringMatching(/printed as 3 but 2 names/) })]);
    expect(prose).toMatchObject({ minuteNumber: '6', forCount: 4, againstCount: 6, abstainCount: 2, result: 'Lost', votes: [] });
  });

  it('reads a "Councillors" list of bare surnames and "It was RESOLVED"', () => {
    const { meeting, issues } = extractMinutes(
      synthetic(`
    Minutes for approval - Scrutiny Panel - 5 January 2012

    MINUTES of a meeting of the Scrutiny Panel held on 2 February 2012 at 10.30 am in Committee Room 1, Civic Centre

    Present: Councillors Smith (Chair), Jones and Brown

    12. Apologies

    There were no apologies.

    13. Parking review

    It was RESOLVED that the review be deferred.
    `),
    );
    expect(issues).toEqual([]);
    expect(meeting).toMatchObject({ bodyName: 'Scrutiny Panel', date: '2012-02-02', startTime: '10:30', location: 'Committee Room 1, Civic Centre' });
    expect(meeting.attendance.map((entry) => [entry.name.familyName, entry.status, entry.role])).toEqual([
      ['Smith', 'present', 'Chair'],
      ['Jones', 'present', undefined],
      ['Brown', 'present', undefined],
    ]);
    expect(meeting.minutes.map((minute) => minute.number)).toEqual(['12', '13']);
    expect(meeting.minutes[1]!.resolutions.map((resolution) => resolution.text)).toEqual(['the review be deferred.']);
  });

  it('reports what it cannot read instead of guessing', () => {
    const { meeting, issues } = extractMinutes(
      synthetic(`
    Notes of a discussion

    1. Something

    Councillor Smith moved and somebody seconded a proposal.

    Various members declared interests in the item.
    `),
    );
    expect(meeting.bodyName).toBe('');
    expect(meeting.date).toBe('');
    expect(issues.map((issue) => issue.severity)).toContain('error');
    expect(issues.find((issue) => /seconder could not be read/.test(issue.message))?.line).toBe(5);
    expect(issues.find((issue) => /declaration of interest/.test(issue.message))?.line).toBe(7);
  });
});
