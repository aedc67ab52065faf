/** Holdings paid at the rate of the scheme in force each day: the 2009 scheme, then the adopted 2011/12 reductions. */
import { describe, expect, it } from 'vitest';
import { allowanceYear } from '../../src/domain/allowances/dates.ts';
import { accrue } from '../../src/domain/allowances/entitlements.ts';
import { schemeInForce, splitBySchemes, type SchemeAmounts } from '../../src/domain/allowances/scheme-periods.ts';

const scheme2009: SchemeAmounts = {
  id: 's2009',
  from: '2009-06-08',
  to: null,
  basicPence: 1300000n,
  posts: new Map([
    ['Leader', 4430000n],
    ['Opposition Spokesmen', 332300n],
  ]),
  coOptees: new Map(),
  oneSraOnly: true,
};
// The Panel's 2011/12 proposals adopted: basic less 1.5%, SRAs less 2.66%; Opposition Spokesmen left out here.
const scheme2011: SchemeAmounts = {
  id: 's2011',
  from: '2011-04-01',
  to: '2012-03-31',
  basicPence: 1280500n,
  posts: new Map([['Leader', 4312162n]]),
  coOptees: new Map(),
  oneSraOnly: true,
};
const schemes = [scheme2009, scheme2011];

describe('the scheme in force on each day', () => {
  it('is the latest adopted scheme to start, until it ends', () => {
    expect(schemeInForce(schemes, '2011-03-31')?.id).toBe('s2009');
    expect(schemeInForce(schemes, '2011-04-01')?.id).toBe('s2011');
    expect(schemeInForce(schemes, '2012-04-01')?.id).toBe('s2009');
    expect(schemeInForce(schemes, '2009-01-01')).toBeUndefined();
  });

  it('splits an open-ended basic allowance at the 2011/12 scheme and back', () => {
    const pieces = splitBySchemes(
      [{ id: 'h1', kind: 'basic', key: '', name: 'Basic allowance', annualPence: 1300000n, start: '2009-06-08', end: null }],
      schemes,
    );
    expect(pieces.map(({ id, start, end, annualPence }) => [id, start, end, annualPence])).toEqual([
      ['h1#1', '2009-06-08', '2011-03-31', 1300000n],
      ['h1#2', '2011-04-01', '2012-03-31', 1280500n],
      ['h1#3', '2012-04-01', null, 1300000n],
    ]);
    const year = accrue(pieces, allowanceYear(2011));
    expect(year.map((entry) => entry.accruedPence)).toEqual([1280500n]);
  });

  it('pays a Leader appointed mid-year at the reduced rate, pro rata, and keeps a post the new scheme does not name', () => {
    const pieces = splitBySchemes(
      [
        { id: 'leader', kind: 'sra', key: 'Leader', name: 'Leader', annualPence: 4430000n, start: '2011-03-01', end: '2011-04-30' },
        { id: 'spokes', kind: 'sra', key: 'Opposition Spokesmen', name: 'Opposition Spokesmen', annualPence: 332300n, start: '2011-05-01', end: null },
      ],
      schemes,
    );
    expect(pieces.map(({ id, annualPence }) => [id, annualPence])).toEqual([
      ['leader#1', 4430000n],
      ['leader#2', 4312162n],
      ['spokes', 332300n],
    ]);
    // April 2011 as Leader: £43,121.62 x 30/366 = £3,534.56.
    const year = accrue(pieces, allowanceYear(2011));
    expect(year.find((entry) => entry.holdingId === 'leader#2')!.accruedPence).toBe(353456n);
  });
});

describe('a scheme that takes effect part-way through its year (Regulation 10(3))', () => {
  // Kent County Council's 2011/12 statement publishes a basic allowance of £12,827: the 2009 scheme's £13,000 to 11
  // May 2011 and the 2011/12 scheme's £12,805 from 12 May, the day it took effect (41 and 325 of the year's 366 days).
  const takesEffect = { ...scheme2011, from: '2011-05-12' };

  it('pays the old rate until the day the new scheme takes effect', () => {
    expect(schemeInForce([scheme2009, takesEffect], '2011-05-11')?.id).toBe('s2009');
    expect(schemeInForce([scheme2009, takesEffect], '2011-05-12')?.id).toBe('s2011');
    const pieces = splitBySchemes(
      [{ id: 'h1', kind: 'basic', key: '', name: 'Basic allowance', annualPence: 1300000n, start: '2009-06-08', end: null }],
      [scheme2009, takesEffect],
    );
    const year = accrue(pieces, allowanceYear(2011));
    const total = year.reduce((sum, entry) => sum + entry.accruedPence, 0n);
    expect(year.map((entry) => [entry.daysPayable, entry.accruedPence])).toEqual([
      [41, 145628n],
      [325, 1137056n],
    ]);
    expect(Math.round(Number(total) / 100)).toBe(12827);
  });

  it('carries each scheme’s one-SRA rule to the days it is in force', () => {
    const allowsTwo = {
      ...takesEffect,
      oneSraOnly: false,
      posts: new Map([
        ['Leader', 4312162n],
        ['Opposition Spokesmen', 332300n],
      ]),
    };
    const pieces = splitBySchemes(
      [
        { id: 'leader', kind: 'sra', key: 'Leader', name: 'Leader', annualPence: 4430000n, start: '2011-04-01', end: null },
        { id: 'spokes', kind: 'sra', key: 'Opposition Spokesmen', name: 'Opposition Spokesmen', annualPence: 332300n, start: '2011-04-01', end: null },
      ],
      [scheme2009, allowsTwo],
    );
    const spokes = accrue(pieces, allowanceYear(2011)).filter((entry) => entry.name === 'Opposition Spokesmen');
    // Not payable beside the Leader's SRA while the 2009 scheme is in force (41 days); payable from 12 May.
    expect(spokes.map((entry) => [entry.daysHeld, entry.daysPayable])).toEqual([
      [41, 0],
      [325, 325],
    ]);
  });
});
