import { describe, expect, it } from 'vitest';
import { printedQuestion } from './member-question.ts';

const names = (text: string) => {
  const found = printedQuestion(text);
  return found && { by: found.askedBy.printed, to: found.askedTo?.printed, question: found.question };
};

describe('a member’s question named in an agenda item or a minute', () => {
  it('reads an agenda item "Question by Councillor A - words", with no one asked', () => {
    expect(names('Question by Councillor Ann Ash - Will the Board repair the slipway?')).toEqual({
      by: 'Councillor Ann Ash',
      to: undefined,
      question: 'Will the Board repair the slipway?',
    });
    expect(names('Questions from Cllr Ben ab Birch: moorings')).toEqual({ by: 'Cllr Ben ab Birch', to: undefined, question: 'moorings' });
  });

  it('reads whom the question is put to', () => {
    expect(names('Question from Cllr Ash to Cllr Cai Cedar')).toMatchObject({ by: 'Cllr Ash', to: 'Cllr Cai Cedar' });
    expect(names('Question No. 3 by County Councillor Dee Elm to Councillor Fir – Harbour dues')).toEqual({
      by: 'County Councillor Dee Elm',
      to: 'Councillor Fir',
      question: 'Harbour dues',
    });
  });

  it('reads a minute’s "had given notice of the following question to"', () => {
    expect(names('Councillor Gorse had given notice of the following question to Councillor Hazel-Jones')).toMatchObject({
      by: 'Councillor Gorse',
      to: 'Councillor Hazel-Jones',
    });
    expect(names('Cllr Ivy has given notice of a question to Cllr Juniper Kale: when will the slipway open?')).toEqual({
      by: 'Cllr Ivy',
      to: 'Cllr Juniper Kale',
      question: 'when will the slipway open?',
    });
  });

  it('takes no question without a member asking it', () => {
    expect(printedQuestion('Questions from the public')).toBeUndefined();
    expect(printedQuestion('Question Time')).toBeUndefined();
    expect(printedQuestion('Questions by Members')).toBeUndefined();
    expect(printedQuestion('The question by Councillor Ash was answered.')).toBeUndefined();
  });
});
