import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../types.ts';
import { segmentDocument } from '../segment.ts';
import { extractReport, parseAddressee } from './report.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedLines = (prefix: string) => fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).find((name) => name.startsWith(prefix))!), 'utf8').split('\n');
const reportsOf = (prefix: string) => segmentDocument(seedLines(prefix)).filter((segment) => segment.kind === 'report' || segment.kind === 'urgent-decisions');
const segmentOf = (lines: string[], lineFrom = 1): Segment => ({ kind: 'report', title: 'test', lineFrom, lineTo: lineFrom + lines.length - 1, lines });

describe('extractReport on the seed reports', () => {
  it("reads the update to the Specialist Children's Services POSC (002)", () => {
    const report = extractReport(reportsOf('002_')[0]!);
    expect(report.to).toEqual([{ bodyName: "Specialist Children's Services Policy Overview & Scrutiny Committee", date: '2011-06-21' }]);
    expect(report.date).toBe('2011-06-21');
    expect(report.subject).toBe("Putting Children First: Kent's Safeguarding and Looked After Children Improvement Plan");
    expect(report.by).toHaveLength(2);
    expect(report.by[0]).toMatch(/^Jenny Whittle, Cabinet Member for Specialist Children's Services$/);
    expect(report.by[1]).toMatch(/^Malcolm Newsam, Interim Corporate Director/);
    expect(report.classification).toBe('Unrestricted');
    expect(report.exempt).toBe(false);
    expect(report.summary).toBe('Updates Members on progress on delivering the Improvement Plan');
    expect(report.recommendations).toMatch(/^4\. Members are asked to NOTE/);
    expect(report.contact?.split('\n')).toEqual([
      'Malcolm Newsam',
      'Interim Corporate Director Families & Social Care',
      '01622 694173',
      'malcolm.newsam@kent.gov.uk',
    ]);
    expect(report.backgroundDocuments).toBe('None');
    expect(report.fullText.split('\n')).toHaveLength(report.lineTo - report.lineFrom + 1);
  });

  it('reads the Cabinet Scrutiny report of 19 January 2011 (004)', () => {
    const report = extractReport(reportsOf('004_')[0]!);
    expect(report.to).toEqual([{ bodyName: 'Cabinet Scrutiny Committee', date: '2011-01-19' }]);
    expect(report.subject).toBe('Inspection of Safeguarding and Looked After Children Services');
    expect(report.by[0]!.startsWith('Sarah Hohler')).toBe(true);
    expect(report.recommendations).toBe('5. (1) Cabinet Scrutiny Committee notes the report.');
    expect(report.backgroundDocuments).toBe('Cabinet Report – 10 January 2011');
    expect(report.contact?.split('\n')[0]).toBe('Helen Davies');
  });

  it('reads the report to Cabinet of 9 January 2012 (003) without its continuation line in the subject', () => {
    const report = extractReport(reportsOf('003_')[0]!);
    expect(report.to).toEqual([{ bodyName: 'Cabinet', date: '2012-01-09' }]);
    expect(report.date).toBe('2012-01-09');
    expect(report.subject).toBe('Recommendations from Cabinet Scrutiny Committee – 13 December 2011');
    expect(report.by).toEqual(['Alex King – Deputy Leader', 'Peter Sass - Head of Democratic Services']);
    expect(report.contact).toBe('Peter Sass\npeter.sass@kent.gov.uk\n01622 694002');
    expect(report.backgroundDocuments).toBe('Nil');
  });

  it('reads the reports in the agenda pack (001), including one addressed to two meetings', () => {
    const [medical, panel, children, urgent] = reportsOf('001_').map(extractReport);
    expect(medical!.subject).toBe('Removal of Senior Officer Medical Insurance');
    expect(medical!.to).toEqual([{ bodyName: 'County Council', date: '2011-05-12' }]);
    expect(medical!.by).toHaveLength(2);
    expect(panel!.subject).toBe('Annual Report of the Independent Remuneration Panel');
    expect(panel!.classification).toBe('Unrestricted');
    expect(panel!.recommendations).toMatch(/^14\. The County Council is invited/);
    expect(panel!.recommendations).not.toMatch(/Fiona Leathers/);
    expect(children!.subject).toBe("Putting Children First: Kent's Safeguarding and Looked After Children Improvement Plan");
    expect(children!.to).toEqual([
      { bodyName: 'County Council', date: '2011-05-12' },
      { bodyName: 'Cabinet', date: '2011-05-23' },
    ]);
    expect(children!.summary).toBe('Seeks endorsement of the Improvement Plan and reports on progress to date');
    expect(urgent!.backgroundDocuments).toBe('Records of Decision 11-01654');
    expect(urgent!.contact).toBe('Peter Sass\nHead of Democratic Services\nExt: 4002');
  });
});

describe('extractReport on small reports', () => {
  it('reads an exempt report with a header in another order and no summary', () => {
    const report = extractReport(
      segmentOf([
        'To: Cabinet',
        'From: Director of Property',
        'Subject: Disposal of the old depot at',
        'Mill Lane',
        'Classification: Exempt - paragraph 3',
        '',
        'Recommendation: that the depot be sold.',
      ]),
    );
    expect(report.to).toEqual([{ bodyName: 'Cabinet' }]);
    expect(report.date).toBeUndefined();
    expect(report.by).toEqual(['Director of Property']);
    expect(report.subject).toBe('Disposal of the old depot at Mill Lane');
    expect(report.exempt).toBe(true);
    expect(report.classification).toBe('Exempt - paragraph 3');
    expect(report.summary).toBeUndefined();
    expect(report.recommendations).toBe('that the depot be sold.');
    expect(report.contact).toBeUndefined();
  });

  it('reads a date without a weekday, Windows line endings and several addressees on one line', () => {
    const report = extractReport(segmentOf(['By: A Person\r', 'To: Cabinet – 9 January 2012; County Council – 16 February 2012\r', 'Subject: **Budget**\r']));
    expect(report.to).toEqual([
      { bodyName: 'Cabinet', date: '2012-01-09' },
      { bodyName: 'County Council', date: '2012-02-16' },
    ]);
    expect(report.subject).toBe('Budget');
    expect(report.fullText).not.toContain('\r');
  });

  it('fails clearly without a subject', () => {
    expect(() => extractReport(segmentOf(['By: A Person', 'To: Cabinet']))).toThrow(/no "Subject:"/);
  });

  it('parses addressees', () => {
    expect(parseAddressee('2. Cabinet 23 May 2011')).toEqual({ bodyName: 'Cabinet', date: '2011-05-23' });
    expect(parseAddressee('Cabinet Scrutiny Committee – 19 January 2011')).toEqual({ bodyName: 'Cabinet Scrutiny Committee', date: '2011-01-19' });
    expect(parseAddressee('  ')).toBeUndefined();
  });
});
