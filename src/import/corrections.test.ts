import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../domain/import-review/corrections.ts';
import { correctExtract } from './corrections.ts';
import type { MeetingRecord, MinuteRecord, PaperExtract } from './types.ts';

const minute = (number: string, lineFrom: number, lineTo: number, text: string): MinuteRecord => ({
  number,
  title: `Minute ${number}`,
  text,
  exempt: false,
  exemptParagraphs: [],
  resolutions: [],
  motions: [],
  lineFrom,
  lineTo,
});

function paper(minutes: MinuteRecord[]): PaperExtract {
  const meeting: MeetingRecord = {
    bodyName: 'Cabinet',
    date: '2024-01-10',
    lineFrom: 1,
    lineTo: 100,
    agendaItems: [],
    attendance: [],
    declarations: [],
    minutes,
    voteEvents: minutes.map((entry) => ({
      minuteNumber: entry.number,
      forCount: 1,
      againstCount: 0,
      abstainCount: 0,
      result: 'Carried',
      votes: [],
      lineFrom: entry.lineFrom,
      lineTo: entry.lineFrom,
    })),
    questions: [],
  };
  return { segments: [], meetings: [meeting], reports: [], decisions: [], issues: [] };
}

const at = { contentHash: 'a'.repeat(64), bodyName: 'Cabinet', meetingDate: '2024-01-10' };
const apply = (extract: PaperExtract, corrections: Correction[], lines: string[] = []) => correctExtract(extract, { corrections, lines }, 'Shire Council');

describe('correctExtract', () => {
  it('leaves a paper without corrections as it is', () => {
    const extract = paper([minute('1', 1, 5, 'One.')]);
    expect(apply(extract, []).extract).toBe(extract);
  });

  it('joins a minute to the one before, with its recorded vote, keeping every other minute in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 7 }), (count, pick) => {
        fc.pre(pick < count);
        const minutes = Array.from({ length: count }, (_, index) => minute(String(index + 1), index * 10 + 1, index * 10 + 9, `Text ${index + 1}.`));
        const merged = String(pick + 1);
        const result = apply(paper(minutes), [{ ...at, kind: 'minute-merge', recordKey: merged, value: {} }]);
        const meeting = result.extract.meetings[0]!;
        expect(meeting.minutes.map((entry) => entry.number)).toEqual(minutes.map((entry) => entry.number).filter((number) => number !== merged));
        expect(meeting.minutes[pick - 1]!.text).toContain(`Text ${pick + 1}.`);
        expect(meeting.voteEvents.filter((event) => event.minuteNumber === String(pick))).toHaveLength(2);
        expect(result.unapplied).toEqual([]);
      }),
    );
  });

  it('splits a minute at a line of the paper', () => {
    const lines = ['1. Budget', 'The budget was presented.', '2. Parks', 'The parks report was noted.'];
    const result = apply(
      paper([minute('1', 1, 4, 'The budget was presented.\nThe parks report was noted.')]),
      [{ ...at, kind: 'minute-split', recordKey: '1', value: { line: 4, number: '2', title: 'Parks' } }],
      lines,
    );
    const minutes = result.extract.meetings[0]!.minutes;
    expect(minutes.map((entry) => [entry.number, entry.text])).toEqual([
      ['1', 'The budget was presented.'],
      ['2', 'The parks report was noted.'],
    ]);
  });

  it('reports a correction whose record is gone, and sets vote counts by minute and place', () => {
    const result = apply(paper([minute('1', 1, 5, 'One.')]), [
      { ...at, kind: 'vote-count', recordKey: '1#1', value: { for: 7, against: 2, abstain: 1 } },
      { ...at, kind: 'vote-count', recordKey: '1#2', value: { for: 7, against: 2, abstain: 1 } },
    ]);
    expect(result.extract.meetings[0]!.voteEvents[0]).toMatchObject({ forCount: 7, againstCount: 2, abstainCount: 1 });
    expect(result.unapplied.map((correction) => correction.recordKey)).toEqual(['1#2']);
    expect(result.extract.issues[0]!.message).toMatch(/no longer matches/);
  });
});
