import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../types.ts';
import { segmentDocument } from '../segment.ts';
import { extractQuestions } from './questions.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');
const seedLines = (prefix: string) => fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).find((name) => name.startsWith(prefix))!), 'utf8').split('\n');
const segmentOf = (lines: string[], lineFrom = 1): Segment => ({ kind: 'questions', title: 'test', lineFrom, lineTo: lineFrom + lines.length - 1, lines });

describe('extractQuestions on the 12 May 2011 questions', () => {
  const lines = seedLines('001_');
  const segment = segmentDocument(lines).find((candidate) => candidate.kind === 'questions')!;
  const result = extractQuestions(segment);

  it('names the meeting', () => {
    expect(result.bodyName).toBe('County Council');
    expect(result.date).toBe('2011-05-12');
  });

  it('reads both questions, including the one whose header is run together on one line', () => {
    expect(result.questions).toHaveLength(2);
    const [first, second] = result.questions;
    expect(first!.askedBy).toMatchObject({ givenName: 'Mike', familyName: 'Harrison' });
    expect(first!.askedTo).toMatchObject({ givenName: 'Sarah', familyName: 'Hohler' });
    expect(first!.toRole).toBe('Cabinet Member for Education, Learning & Skills');
    expect(first!.question).toMatch(/^Will you be kind enough to update the Members on the consultation/);
    expect(first!.answer).toMatch(/^In our home to school transport consultation/);
    expect(first!.answer).not.toMatch(/COUNTY COUNCIL MEETING|Martin Vye/);
    expect(second!.askedBy.printed).toBe('Martin Vye');
    expect(second!.askedTo?.printed).toBe('Mike Hill');
    expect(second!.toRole).toBe('Cabinet Member for Customer and Communities');
    expect(second!.answer).toMatch(/^The Leader of the Council wrote to all Members on 31 March/);
    expect(lines[second!.lineFrom - 1]).toBe('COUNTY COUNCIL MEETING');
    expect(first!.lineTo).toBeLessThan(second!.lineFrom);
    expect(second!.lineTo).toBe(segment.lineTo);
  });
});

describe('extractQuestions on small papers', () => {
  it('reads a one-line header with post-nominals and no answer, and has no meeting when none is printed', () => {
    const result = extractQuestions(
      segmentOf(['Question by Mr A Smith to Mr K A Ferrin, MBE, Cabinet Member for Highways', '', 'When will the road be mended?'], 5),
    );
    expect(result.bodyName).toBeUndefined();
    expect(result.date).toBeUndefined();
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]).toMatchObject({
      askedTo: { familyName: 'Ferrin', postNominals: ['MBE'] },
      toRole: 'Cabinet Member for Highways',
      question: 'When will the road be mended?',
      lineFrom: 5,
      lineTo: 7,
    });
    expect(result.questions[0]!.answer).toBeUndefined();
  });

  it('copes with Windows line endings and an answer label with a colon', () => {
    const result = extractQuestions(
      segmentOf([
        'CABINET MEETING\r',
        '3 March 2012\r',
        'Question by Jane Doe to\r',
        'John Roe – Leader of the Council\r',
        'Why?\r',
        'Answer:\r',
        'Because.\r',
      ]),
    );
    expect(result).toMatchObject({ bodyName: 'Cabinet', date: '2012-03-03' });
    expect(result.questions[0]).toMatchObject({ toRole: 'Leader of the Council', question: 'Why?', answer: 'Because.' });
    expect(result.questions[0]!.askedTo?.printed).toBe('John Roe');
  });

  it('fails clearly when there is no question', () => {
    expect(() => extractQuestions(segmentOf(['COUNTY COUNCIL MEETING', 'Nothing asked']))).toThrow(/no "Question by/);
  });
});
