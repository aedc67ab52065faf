import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { segmentDocument } from './segment.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seed = (prefix: string) => {
  const file = fs.readdirSync(seeds).find((name) => name.startsWith(prefix))!;
  return fs.readFileSync(path.join(seeds, file), 'utf8').split('\n');
};
const summary = (lines: string[]) => segmentDocument(lines).map((segment) => `${segment.kind} ${segment.lineFrom}-${segment.lineTo}`);

describe('segmentDocument on the seed papers', () => {
  it('splits the agenda pack (001) into its papers', () => {
    const lines = seed('001_');
    const segments = segmentDocument(lines);
    expect(segments.map((segment) => segment.kind)).toEqual([
      'summons',
      'minutes',
      'questions',
      'report',
      'report',
      'allowances-scheme',
      'report',
      'improvement-plan',
      'improvement-plan',
      'urgent-decisions',
      'minutes',
      'minutes',
    ]);
    const byTitle = (text: string) => segments.find((segment) => segment.title.includes(text))!;
    // Minutes start at the body heading above "MINUTES of a meeting of" and end before the next paper.
    const council = segments[1]!;
    expect(lines[council.lineFrom - 1]).toBe('KENT COUNTY COUNCIL');
    expect(council.title).toBe('Minutes of the Kent County Council, Wednesday, 6 April 2011');
    expect(lines[council.lineTo]).toBe('');
    expect(lines[council.lineTo + 1]).toMatch(/^COUNTY COUNCIL MEETING/);
    const audit = byTitle('Governance and Audit Committee');
    expect(audit.kind).toBe('minutes');
    expect(lines.slice(audit.lineFrom - 1, audit.lineFrom + 4).filter(Boolean)).toEqual([
      'KENT COUNTY COUNCIL',
      'GOVERNANCE AND AUDIT COMMITTEE',
      expect.stringMatching(/^MINUTES of a meeting/),
    ]);
    const planning = byTitle('Planning Applications Committee');
    expect(planning.title).toBe('Minutes of the Planning Applications Committee, Tuesday, 12 April 2011');
    expect(lines[planning.lineFrom - 1]).toMatch(/^KENT COUNTY COUNCIL\*\*PLANNING/);
    // Both questions are one paper; no separator lines inside any segment.
    const questions = segments[2]!;
    expect(questions.title).toBe('2 questions with answers, Thursday 12 May 2011');
    expect(questions.lines.join('\n')).toContain('Question by Martin Vye to');
    for (const segment of segments) {
      expect(segment.lines.some((line) => /intentionally left blank/i.test(line))).toBe(false);
      expect(segment.lines.length).toBe(segment.lineTo - segment.lineFrom + 1);
      expect(segment.lines[0]).toBe(lines[segment.lineFrom - 1]);
    }
    expect(segments[3]!.title).toBe('Report: Removal of Senior Officer Medical Insurance');
    expect(segments[5]!.title).toBe("Members' Allowances Scheme");
    expect(lines[segments[5]!.lineFrom - 1]).toBe("Members' Allowances Scheme");
    expect(segments[7]!.title).toMatch(/^Putting Children First – Kent Safeguarding/);
    expect(segments[8]!.title).toBe('Dashboard – Definitions & Explanations');
    expect(segments[9]!.title).toBe('Report: Quarterly Report On Urgent Key Decisions');
    // The summons runs from the title page to the agenda's signature, not into the minutes.
    expect(segments[0]!.lineFrom).toBe(lines.findIndex((line) => line.startsWith('Summons to')) + 1);
    expect(segments[0]!.lines.at(-1)).toMatch(/^01622/);
  });

  it('finds the tracking sheet and call-ins of a scrutiny paper (000)', () => {
    const segments = segmentDocument(seed('000_'));
    expect(segments.map((segment) => segment.kind)).toEqual(['tracking-sheet', 'call-in', 'call-in']);
    expect(segments[0]!.title).toBe('Follow-up items from Cabinet Scrutiny Committee – Tracking sheet');
    expect(segments[1]!.title).toMatch(/^Revenue & Capital Budget Monitoring Exception Report 2010-11 \(1 June 2011\)/);
    expect(segments[2]!.lines[0]).toMatch(/Putting Children First/);
  });

  it('splits a report from the call-in appended to it (003) and keeps single reports whole (002, 004)', () => {
    expect(segmentDocument(seed('003_')).map((segment) => segment.kind)).toEqual(['report', 'call-in']);
    expect(segmentDocument(seed('003_'))[1]!.title).toBe("Kent's Multi-Agency Looked After Children Strategy (13 December 2011)");
    const single = segmentDocument(seed('002_'));
    expect(single).toHaveLength(1);
    expect(single[0]!.kind).toBe('report');
    expect(single[0]!.lineFrom).toBe(3);
    expect(segmentDocument(seed('004_')).map((segment) => segment.kind)).toEqual(['report']);
  });
});

describe('segmentDocument on small papers', () => {
  it('needs no header names from Kent and no blank-page separators', () => {
    const lines = [
      'SOMEWHERE DISTRICT COUNCIL',
      '',
      'MINUTES of the meeting of the Licensing Committee held at the Town Hall on 3 March 2012.',
      'PRESENT: Cllr A Smith (Chairman)',
      '1. Apologies',
      'None.',
      '',
      'By: Head of Legal Services',
      'To: Cabinet – 4 April 2012',
      'Subject: Urgent decisions taken under delegated powers',
      'Summary: One decision.',
    ];
    expect(summary(lines)).toEqual(['minutes 1-6', 'urgent-decisions 8-11']);
  });

  it('copes with Windows line endings', () => {
    const text =
      'By: A Person\r\nTo: Cabinet - 1 May 2012\r\nSubject: Something\r\n\r\nThis page is intentionally left blank\r\n\r\nMINUTES of a meeting of the Cabinet held on 1 May 2012\r\n';
    const segments = segmentDocument(text.split('\n'));
    expect(segments.map((segment) => `${segment.kind} ${segment.lineFrom}-${segment.lineTo}`)).toEqual(['report 1-3', 'minutes 7-7']);
    expect(segments[0]!.title).toBe('Report: Something');
  });

  it('leaves text it does not recognise as one "other" segment and ignores empty documents', () => {
    expect(summary(['', 'Some notes', 'More notes', ''])).toEqual(['other 2-3']);
    expect(segmentDocument([])).toEqual([]);
    expect(segmentDocument(['', '   ', 'This page is intentionally left blank'])).toEqual([]);
  });

  it('does not take a Subject line without By or To for a report', () => {
    expect(summary(['Subject: a letter', 'Dear Sir'])).toEqual(['other 1-2']);
  });

  it('does not start a question paper at a numbered minute about questions', () => {
    const lines = ['MINUTES of a meeting of the Council held on 1 May 2012', '', '14. Questions', '(1) Question by Mr Smith to the Leader was answered.'];
    expect(summary(lines)).toEqual(['minutes 1-4']);
  });
});
