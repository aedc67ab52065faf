import { describe, expect, it } from 'vitest';
import { exemptGround } from '../../domain/wording.ts';
import { withLanguage } from '../../http/language.ts';
import { exemptGroundText, formatList } from './wording.ts';

describe('words the domain leaves as numbers, in the reader’s language', () => {
  it('keeps the English word for word what the council’s documents say', () => {
    for (const paragraphs of [[], [3], [7, 2], [14, 12, 12, 18]]) {
      expect(withLanguage('en', () => exemptGroundText(paragraphs))).toBe(exemptGround(paragraphs));
    }
  });

  it('words the Schedule 12A ground in Welsh, keeping the paragraph numbers', () => {
    expect(withLanguage('cy', () => exemptGroundText([]))).toBe('Atodlen 12A');
    expect(withLanguage('cy', () => exemptGroundText([14]))).toBe('Atodlen 12A, paragraff 14');
    expect(withLanguage('cy', () => exemptGroundText([14, 12]))).toBe('Atodlen 12A, paragraffau 12 a 14');
  });

  it('joins a Welsh list with "ac" before a number read with a vowel', () => {
    expect(formatList([2, 7], 'cy')).toBe('2 a 7');
    expect(formatList([1, 2, 8], 'cy')).toBe('1, 2 ac 8');
    expect(formatList([12, 16], 'cy')).toBe('12 ac 16');
    expect(formatList([1, 2, 3], 'en')).toBe('1, 2 and 3');
  });
});
