import { describe, expect, it } from 'vitest';
import { extractTableScheme, isTableScheme } from './table-scheme.ts';

const segment = (lines: string[]) => ({ kind: 'allowances-scheme' as const, title: 't', lineFrom: 1, lineTo: lines.length, lines });

describe('a members’ allowances scheme in a table of posts and amounts', () => {
  it('reads the basic allowance in prose and rows whose columns run together', () => {
    const lines = [
      "Members' Allowances Scheme 1 April 2030 to 31 March 2031",
      'A basic allowance of £8,100 per annum will be paid to each Member of the Council.',
      'Special Responsibility Allowance',
      'PostAllowance per annum',
      'Leader of the Council18,000',
      'Chair of Harbour Committee4,050',
    ];
    expect(isTableScheme(lines)).toBe(true);
    const scheme = extractTableScheme(segment(lines))!;
    expect([scheme.effectiveFrom, scheme.effectiveTo, scheme.basicAllowancePence]).toEqual(['2030-04-01', '2031-03-31', 810000n]);
    expect(scheme.posts.map((post) => [post.printed, post.amountPence])).toEqual([
      ['Leader of the Council', 1800000n],
      ['Chair of Harbour Committee', 405000n],
    ]);
  });

  it('reads multipliers and a label wrapped onto the line of its figures', () => {
    const lines = [
      "Members' Allowances",
      'The scheme was agreed by the Council at its meeting of 3 March 2031.',
      'Basic Allowance 1 £6,000.00',
      'Special Responsibility Allowances Multiplier Value',
      'Harbour Committee Chairman 0.75 £4,500.00',
      'Committee Vice-Chairman (all other',
      '0.1 £600.00',
    ];
    const scheme = extractTableScheme(segment(lines))!;
    expect([scheme.effectiveFrom, scheme.adoptedOn, scheme.basicAllowancePence]).toEqual(['2031-03-03', '2031-03-03', 600000n]);
    expect(scheme.posts.map((post) => [post.printed, post.amountPence, post.qualifier])).toEqual([
      ['Harbour Committee Chairman', 450000n, '0.75 × basic allowance'],
      ['Committee Vice-Chairman (all other', 60000n, '0.1 × basic allowance'],
    ]);
  });
});
