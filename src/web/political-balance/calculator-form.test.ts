import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../http/language.ts';
import { readCalculatorForm } from './calculator-form.ts';

const messages = (form: Partial<Parameters<typeof readCalculatorForm>[0]>, language: 'en' | 'cy') =>
  withLanguage(language, () =>
    readCalculatorForm({ groups: '', ungrouped: '', vacancies: '', bodies: '', ...form }).problems.map((problem) => problem.message),
  );

describe('the calculator form’s errors, in the reader’s language', () => {
  it('keeps the English as it was', () => {
    expect(messages({ groups: 'Conservative, 23\nLabour', bodies: 'Planning, 7' }, 'en')).toEqual([
      'Political groups, line 2: give the group’s name and its number of members, like Conservative, 23',
    ]);
    expect(messages({ groups: 'Conservative, 23', bodies: 'Planning, seven\nAudit, 3, panel' }, 'en')).toEqual([
      'Bodies, line 1: seats must be a number',
      'Bodies, line 2: kind must be one of committee, sub-committee, advisory-committee, joint-committee, outside-body',
    ]);
    expect(messages({ groups: 'A, 2\nA, 3', bodies: 'Planning, 0' }, 'en')).toEqual([
      'Political groups: two groups have the same name',
      'Bodies, line 1: seats must be 1 or more',
    ]);
  });

  it('words every problem in Welsh, naming the box as the page labels it', () => {
    expect(messages({ groups: 'Conservative, 23\nLabour', bodies: 'Planning, 7' }, 'cy')).toEqual([
      'Grwpiau gwleidyddol, llinell 2: rhowch enw’r grŵp a nifer ei aelodau, fel Conservative, 23',
    ]);
    expect(messages({ groups: 'Conservative, 2.5', ungrouped: '-1', bodies: 'Planning, seven\nAudit, 3, panel' }, 'cy')).toEqual([
      'Grwpiau gwleidyddol, llinell 1: rhaid i nifer yr aelodau fod yn rhif',
      'Aelodau heb grŵp: rhaid i nifer yr aelodau heb grŵp fod yn rhif',
      'Cyrff, llinell 1: rhaid i nifer y seddi fod yn rhif',
      'Cyrff, llinell 2: rhaid i’r math fod yn un o committee, sub-committee, advisory-committee, joint-committee, outside-body',
    ]);
    expect(messages({ groups: 'A, 2\nA, 3', bodies: 'Planning, 501' }, 'cy')).toEqual([
      'Grwpiau gwleidyddol: mae gan ddau grŵp yr un enw',
      'Cyrff, llinell 1: rhaid i nifer y seddi fod yn 500 neu lai',
    ]);
  });
});
