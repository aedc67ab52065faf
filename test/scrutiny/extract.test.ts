/**
 * The scrutiny extractors on the real papers (read from ../shared/seeds, never copied), checked against the gold
 * facts, plus small synthetic papers for the shapes the seeds do not show.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractScrutiny } from '../../src/import/extract/scrutiny/index.ts';
import { ownersIn } from '../../src/import/extract/scrutiny/owners.ts';
import type { TextDocument } from '../../src/import/types.ts';
import { goldFacts, seedFile } from '../support/seeds.ts';

const read = (prefix: string): TextDocument => ({
  name: prefix,
  format: 'text',
  lines: fs.readFileSync(seedFile(prefix), 'utf8').split(/\r?\n/),
  warnings: [],
});
const gold = goldFacts();
const straight = (text: string) => text.replace(/[’‘]/g, "'");

describe('seed 000: the tracking sheet and two call-ins of 1 June 2011', () => {
  const fact = gold['000_76c64290092d1ac4.txt'];
  const extract = extractScrutiny(read('000_'));

  it('reads the tracking sheet: date, committee, 9 rows, statuses and the 2008 row', () => {
    expect(extract.issues).toEqual([]);
    expect(extract.trackingSheets).toHaveLength(1);
    const sheet = extract.trackingSheets[0]!;
    expect(sheet.date).toBe(fact.trackingSheet.date);
    expect(sheet.committee).toBe(fact.trackingSheet.committee);
    expect(sheet.rows).toHaveLength(fact.trackingSheet.rows);
    const counts: Record<string, number> = {};
    for (const row of sheet.rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
    expect(counts).toEqual(fact.trackingSheet.statusCounts);
    const sample = fact.trackingSheet.rowSample;
    const row = sheet.rows.find((candidate) => candidate.item === sample.item)!;
    expect(row).toMatchObject({ meetingDate: sample.meetingDate, recommendationNumber: sample.recommendation, status: sample.status, notes: sample.notes });
  });

  it('keeps row 4 as printed ("2010-12"), though the call-in says 2010-11', () => {
    const row = extract.trackingSheets[0]!.rows[3]!;
    expect(row.item).toBe('Revenue & Capital Budget Monitoring Exception Report 2010-12');
    expect(row.line).toBe(11);
  });

  it('reads both call-ins: title, meeting, portfolio holder, number of recommendations, response dates', () => {
    expect(extract.callIns.map((callIn) => callIn.title)).toEqual(fact.callIns.map((callIn: { item: string }) => callIn.item));
    fact.callIns.forEach(
      (
        expected: { meetingDate: string; portfolio: string; recommendations: number; responseDate?: string; respondedRecommendations?: number[] },
        index: number,
      ) => {
        const callIn = extract.callIns[index]!;
        expect(callIn.meetingDate).toBe(expected.meetingDate);
        expect(callIn.committee).toBe('Cabinet Scrutiny Committee');
        expect(callIn.portfolio).toBe(expected.portfolio);
        expect(callIn.recommendations.map((r) => r.number)).toEqual(Array.from({ length: expected.recommendations }, (_, i) => i + 1));
        const responded = callIn.recommendations.filter((r) => r.responses.length > 0);
        expect(responded.map((r) => r.number)).toEqual(expected.respondedRecommendations ?? []);
        for (const recommendation of responded) expect(recommendation.responses.map((r) => r.date)).toEqual([expected.responseDate]);
      },
    );
  });

  it('reads the synopsis, reason, witnesses, the bracketed proposal and the heading above recommendation 3', () => {
    const [budget, children] = extract.callIns;
    expect(budget!.subtitle).toMatch(/^Proposed contribution of £500k/);
    expect(budget!.witnesses).toEqual(['Mr Hill', 'Ms Slaven', 'Mr Turner', 'Mr Tilson']);
    expect(budget!.synopsis).toMatch(/^The report to Cabinet was based on/);
    expect(budget!.reason).toMatch(/^Members were concerned about the governance rules/);
    expect(children!.recommendations[2]!.context).toBe('In relation to the follow-up items from 8 December 2010');
    expect(children!.recommendations[1]!.context).toBeUndefined();
    // The three paragraphs answering recommendation 5 are one response, lines 66-70.
    const five = children!.recommendations[4]!;
    expect(five.responses).toHaveLength(1);
    expect([five.responses[0]!.lineFrom, five.responses[0]!.lineTo]).toEqual([66, 70]);
    expect(five.responses[0]!.text.split('\n\n')).toHaveLength(3);
    // "The Leader met with the Children's Minister to discuss …" names no owner.
    expect(five.owners).toEqual([]);
  });
});

describe('seed 003: the Cabinet report of 9 January 2012 and the call-in of 13 December 2011', () => {
  const fact = gold['003_6351ff344f2add5f.txt'];
  const extract = extractScrutiny(read('003_'));
  const callIn = extract.callIns[0]!;

  it('reads the covering report: to Cabinet, its date and subject', () => {
    expect(extract.cabinetReport).toMatchObject({ to: fact.report.to, date: fact.report.date, subject: fact.report.subject });
  });

  it('reads the call-in: portfolio holder, 14 recommendations, the lettered reasons, the response date', () => {
    const expected = fact.callIns[0];
    expect(extract.callIns).toHaveLength(1);
    expect(callIn.title).toBe(expected.item);
    expect(callIn.meetingDate).toBe(expected.meetingDate);
    expect(callIn.portfolio).toBe(expected.portfolio);
    expect(callIn.recommendations).toHaveLength(expected.recommendations);
    expect(callIn.points.map((point) => point.letter)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(callIn.witnesses).toEqual(['Mrs Whittle', 'Mr Ireland', 'Mr Brightwell']);
    expect(callIn.executiveResponse?.date).toBe(expected.responseDate);
    const responded = callIn.recommendations.filter((r) => r.responses.length > 0);
    expect(responded.map((r) => r.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const recommendation of responded) expect(recommendation.responses[0]!.date).toBe(expected.responseDate);
  });

  it('names the owners of each recommendation as the gold facts do', () => {
    const owners = fact.callIns[0].owners as Record<string, string[]>;
    for (const [number, names] of Object.entries(owners)) {
      const recommendation = callIn.recommendations.find((r) => r.number === Number(number))!;
      expect(
        recommendation.owners.map((owner) => owner.printed),
        `recommendation ${number}`,
      ).toEqual(names);
    }
    expect(callIn.recommendations[8]!.owners[0]!.instruction).toBe('to discuss with Tony Doran and report back to Cabinet Scrutiny');
    expect(callIn.recommendations[13]!.owners).toEqual([]);
  });

  it('keeps a recommendation whose words run over a list (5) or onto the next paragraph (13) in one piece', () => {
    const five = callIn.recommendations[4]!;
    expect(five.text.split('\n')).toHaveLength(4);
    expect(five.responses[0]!.text).toMatch(/^Paul Brightwell to provide information/);
    const thirteen = callIn.recommendations[12]!;
    expect(thirteen.text).toMatch(/the number of asylum seeking children in Kent/);
    expect(thirteen.responses[0]!.text).toMatch(/^Letter already written/);
  });

  it('reads the POSC recommendation to Cabinet of paragraph 2(2)', () => {
    expect(extract.poscRecommendations.map((r) => ({ from: straight(r.from), meetingDate: r.meetingDate, to: r.to }))).toEqual(fact.poscRecommendations);
    expect(extract.poscRecommendations[0]!.text).toMatch(/^As the Chairman, Vice-Chairman and Spokesman/);
  });
});

describe('small papers', () => {
  const paper = (text: string): TextDocument => ({ name: 'synthetic.txt', format: 'text', lines: text.split('\n'), warnings: [] });

  it('reports a call-in without a meeting date as an issue with its lines, keeping the rest', () => {
    const extract = extractScrutiny(
      paper(['Libraries Review', '', 'Cabinet portfolio: Mr A Smith', '', 'Recommendations and responses:', '', '1. Ask for a report.'].join('\n')),
    );
    expect(extract.callIns).toEqual([]);
    expect(extract.issues).toHaveLength(1);
    expect(extract.issues[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(extract.issues[0]!.message).toMatch(/lines 1-7: the call-in title "Libraries Review" gives no meeting date/);
  });

  it('skips a malformed tracking row with a warning naming its line', () => {
    const extract = extractScrutiny(
      paper(
        [
          'Follow-up items from Cabinet Scrutiny Committee – Tracking sheet',
          '',
          '3 March 2012',
          '',
          'Item\tDate of meeting\tRecommendation\tStatus\tNotes',
          'Parks\t01/02/12\t1\tPENDING\t',
          'Roads\tsoon\t2\tPENDING',
        ].join('\n'),
      ),
    );
    expect(extract.trackingSheets[0]!.rows.map((row) => row.item)).toEqual(['Parks']);
    expect(extract.issues).toEqual([{ severity: 'warning', line: 7, message: expect.stringContaining('line 7') }]);
  });

  it('finds owners only where a sentence names someone to act', () => {
    expect(ownersIn('Agreed by Cabinet Member; Jane Smith to action.')).toEqual([{ printed: 'Jane Smith', instruction: 'to action' }]);
    expect(ownersIn('The note is available from the Research Officer to the Committee on request.')).toEqual([]);
    expect(ownersIn('Jane Smith to discuss with Tom Jones').map((owner) => owner.printed)).toEqual(['Jane Smith', 'Tom Jones']);
  });
});
