import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../types.ts';
import { segmentDocument } from '../segment.ts';
import { extractUrgentDecisions } from './urgent-decisions.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedLines = (prefix: string) => fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).find((name) => name.startsWith(prefix))!), 'utf8').split('\n');
const segmentOf = (lines: string[], lineFrom = 1): Segment => ({
  kind: 'urgent-decisions',
  title: 'test',
  lineFrom,
  lineTo: lineFrom + lines.length - 1,
  lines,
});

describe('extractUrgentDecisions on the quarterly report of 12 May 2011', () => {
  const lines = seedLines('001_');
  const segment = segmentDocument(lines).find((candidate) => candidate.kind === 'urgent-decisions')!;
  const { report, decisions } = extractUrgentDecisions(segment);

  it('reads the report and its one decision', () => {
    expect(report.subject).toBe('Quarterly Report On Urgent Key Decisions');
    expect(decisions).toHaveLength(1);
    const decision = decisions[0]!;
    expect(decision.date).toBe('2011-04-04');
    expect(decision.decisionMaker).toMatchObject({ printed: 'Mrs Jenny Whittle', honorific: 'Mrs', givenName: 'Jenny', familyName: 'Whittle' });
    expect(decision.decisionMakerRole).toBe("Cabinet Member for Specialist Children's Services");
    expect(decision.subject).toBe("Managed Peripatetic Children's Assessment service in East/Mid/West Kent");
    expect(decision.recordNumber).toBe('11-01654');
    expect(decision.key).toBe(true);
    expect(decision.urgent).toBe(true);
    expect(decision.urgencyReason).toMatch(/^This matter was deemed urgent because of the need to move quickly/);
    expect(lines[decision.lineFrom - 1]).toMatch(/^\(a\) The procurement/);
    expect(lines[decision.lineTo - 1]).toMatch(/^This matter was deemed urgent/);
  });
});

describe('extractUrgentDecisions on small reports', () => {
  const header = ['By: Leader', 'To: County Council – 1 March 2012', 'Subject: Urgent decisions', ''];

  it('reads decisions by a body, numbers printed beside each, and a subject from the heading', () => {
    const { decisions } = extractUrgentDecisions(
      segmentOf([
        ...header,
        '(a) Sale of County Hall annexe',
        'An urgent decision was taken by the Cabinet on 2 February 2012, to agree the sale (decision 12/00010).',
        '',
        '(b) Winter gritting contract',
        'An urgent decision was taken on 3 February 2012 by Mr A Smith, Cabinet Member for Highways, to extend the gritting contract.',
        'The decision was deemed urgent because snow was forecast.',
      ]),
    );
    expect(decisions).toHaveLength(2);
    expect(decisions[0]).toMatchObject({
      date: '2012-02-02',
      decisionMakerBody: 'Cabinet',
      subject: 'Sale of County Hall annexe',
      recordNumber: '12/00010',
      key: false,
      urgent: true,
    });
    expect(decisions[0]!.decisionMaker).toBeUndefined();
    expect(decisions[1]).toMatchObject({
      date: '2012-02-03',
      decisionMakerRole: 'Cabinet Member for Highways',
      subject: 'Winter gritting contract',
      urgencyReason: 'The decision was deemed urgent because snow was forecast.',
    });
    expect(decisions[1]!.decisionMaker?.familyName).toBe('Smith');
    expect(decisions[1]!.recordNumber).toBeUndefined();
  });

  it('returns the report with no decisions when none is described', () => {
    const { report, decisions } = extractUrgentDecisions(segmentOf([...header, 'No urgent decisions were taken in the quarter.']));
    expect(report.to[0]).toEqual({ bodyName: 'County Council', date: '2012-03-01' });
    expect(decisions).toEqual([]);
  });
});
