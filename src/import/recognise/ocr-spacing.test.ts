import { describe, expect, it } from 'vitest';
import { isSpaceBroken, joinBrokenWords } from './ocr-spacing.ts';

/** Made-up OCR of a town's minutes: words broken by spaces the way scanners break them. */
const broken = [
  'PORTWELL TOWN COUNCIL M I N U T E S MARCH 3, 2027',
  'Th e regular mee ting of th e Port well Tow n Co un c i l wa s ca lled to ord er by Mayor Ash at 7:3 4 p.m.',
  'Roll Call Present: Co un c il Mem bers Birch, Cedar, Ash. Absent: Council Members Elm.',
  'COU NCIL MEM BER BIRCH MOVED, COUNCIL MEMBER CEDAR SEC ONDED, TO APPROVE THE MINUTES. Mot ion ca r ried.',
  'The Portwell harbour was discussed and the Mayor thanked the members of the public for their letters.',
];

describe('OCR text whose words are broken by spaces', () => {
  it('is told from ordinary text', () => {
    expect(isSpaceBroken(broken)).toBe(true);
    const ordinary = Array.from(
      { length: 4 },
      () => 'The minutes of the meeting held on 3 March 2027 were approved as a correct record and signed by the Chair of the Board.',
    );
    expect(isSpaceBroken(ordinary)).toBe(false);
    expect(isSpaceBroken(['A short line.'])).toBe(false);
  });

  it('joins fragments into known words and keeps the line count', () => {
    const joined = joinBrokenWords(broken);
    expect(joined).toHaveLength(broken.length);
    expect(joined[0]).toBe('PORTWELL TOWN COUNCIL MINUTES MARCH 3, 2027');
    expect(joined[1]).toBe('The regular meeting of the Portwell Town Council was called to order by Mayor Ash at 7:34 p.m.');
    expect(joined[2]).toBe('Roll Call Present: Council Members Birch, Cedar, Ash. Absent: Council Members Elm.');
    expect(joined[3]).toBe('COUNCIL MEMBER BIRCH MOVED, COUNCIL MEMBER CEDAR SECONDED, TO APPROVE THE MINUTES. Motion carried.');
  });

  it('leaves known words side by side apart, and unbroken text as it is', () => {
    const joined = joinBrokenWords(broken);
    expect(joined[4]).toBe(broken[4]);
    expect(joinBrokenWords(['of the council to be'])).toEqual(['of the council to be']);
  });
});
