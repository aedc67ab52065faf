import { describe, expect, it } from 'vitest';
import { extractDecisionPage, isDecisionPage } from './decision-page.ts';

/** A made-up decision page in the layout web systems publish. */
const page = [
  'Decision details',
  '',
  'Moorings Review',
  '',
  'Decision Maker: Harbour Board.',
  '',
  'Decision status: Recommendations Approved',
  '',
  'Is Key decision?: Yes',
  '',
  'Is subject to call in?: Yes',
  '',
  'To consider the outcome of the review of moorings.',
  '',
  '1.  That the new mooring charges be adopted.',
  '',
  '2.  That the Harbour Master report again in a year.',
  '',
  'Reasons for the decision:',
  '',
  'The charges had not changed for ten years.',
  '',
  'Report author: Nia Lloyd',
  '',
  'Date of decision: 04/05/2027',
  '',
  'Decided: 04/05/2027 - Harbour Board.',
];

describe('decision pages', () => {
  it('is recognised by its title and labelled fields', () => {
    expect(isDecisionPage(page)).toBe(true);
    expect(isDecisionPage(['Decision details', 'The Board decided to repaint the bandstand.'])).toBe(false);
  });

  it('reads the decision, its maker and date, and the meeting that took it with the report’s author', () => {
    const result = extractDecisionPage(page)!;
    expect(result.decision).toMatchObject({
      date: '2027-05-04',
      decisionMakerBody: 'Harbour Board',
      subject: 'Moorings Review',
      text: 'That the new mooring charges be adopted.\nThat the Harbour Master report again in a year.',
      key: true,
    });
    expect(result.meeting).toMatchObject({ bodyName: 'Harbour Board', date: '2027-05-04' });
    expect(result.meeting!.officers!.map((officer) => officer.name.printed)).toEqual(['Nia Lloyd']);
  });

  it('gives nothing without a date', () => {
    expect(extractDecisionPage(page.filter((line) => !/^Date of decision|^Decided/.test(line)))).toBeUndefined();
  });
});
