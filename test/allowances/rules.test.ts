/** Every rule of the allowances scheme, with exact figures in pence. */
import { describe, expect, it } from 'vitest';
import { formatPounds, parsePounds, penceToDecimal, percentOf, reduceBy, toScaled } from '../../src/domain/allowances/money.ts';
import { addMonths, allowanceYear, daysInclusive, taxYearOf } from '../../src/domain/allowances/dates.ts';
import { splitMileage, type MileageBand } from '../../src/domain/allowances/mileage.ts';
import { accrue, applyForgone, exceedsMaxHolders, proRata, type Holding } from '../../src/domain/allowances/entitlements.ts';
import { assessClaim, type ClaimRules } from '../../src/domain/allowances/claims.ts';

const BANDS_2010: MileageBand[] = [
  { upToMiles: 10000, pencePerMile: '40' },
  { upToMiles: null, pencePerMile: '25' },
];

const RULES: ClaimRules = {
  // The seed scheme: "Travel expenses will only be reimbursed if claimed within four months".
  claimTimeLimits: { travel: 4, parking: 4, 'public-transport': 4, taxi: 4 },
  journeyPurposes: [{ code: 'a', text: 'attendance at KCC premises' }],
  mileageBands: BANDS_2010,
  carersMaxPencePerHour: 1000n,
  coOpteeDayPence: 20000n,
};

describe('money in pence', () => {
  it('works out a percentage of the Leader’s allowance to the penny, half up', () => {
    expect(percentOf(4430000n, '65')).toBe(2879500n);
    expect(percentOf(4430000n, '7.5')).toBe(332250n); // printed £3,323: 50p more
    expect(percentOf(4430000n, '33')).toBe(1461900n); // printed £14,600
    expect(percentOf(1n, '50')).toBe(1n);
  });
  it('reduces by a percentage exactly (the Panel’s 1.5% and 2.66%)', () => {
    expect(reduceBy(1300000n, '1.5')).toBe(1280500n);
    expect(reduceBy(4430000n, '2.66')).toBe(4312162n); // 44,300 x 0.9734 = 43,121.62
  });
  it('parses and prints pounds', () => {
    expect(parsePounds('£13,000')).toBe(1300000n);
    expect(parsePounds('4,430')).toBe(443000n);
    expect(formatPounds(332250n)).toBe('£3,322.50');
    expect(formatPounds(-1900n)).toBe('-£19.00');
    expect(penceToDecimal(5n)).toBe('0.05');
    expect(() => toScaled('1.23456', 4)).toThrow(/decimal places/);
  });
});

describe('dates', () => {
  it('tax years start on 6 April', () => {
    expect(taxYearOf('2011-04-05')).toEqual({ label: '2010/11', start: '2010-04-06', end: '2011-04-05' });
    expect(taxYearOf('2011-04-06')).toEqual({ label: '2011/12', start: '2011-04-06', end: '2012-04-05' });
  });
  it('four months from the last day of October is the last day of February', () => {
    expect(addMonths('2011-10-31', 4)).toBe('2012-02-29');
    expect(addMonths('2010-10-31', 4)).toBe('2011-02-28');
    expect(addMonths('2011-05-12', 4)).toBe('2011-09-12');
  });
});

describe('mileage bands', () => {
  it('pays the first band up to 10,000 miles', () => {
    const parts = splitMileage(BANDS_2010, 0n, 1000n);
    expect(parts).toEqual([{ miles: '100', pencePerMile: '40', amountPence: 4000n }]);
  });
  it('splits a journey that crosses 10,000 miles in the tax year', () => {
    // 9,950 miles already claimed; a 120-mile journey: 50 at 40p (£20.00) and 70 at 25p (£17.50).
    const parts = splitMileage(BANDS_2010, 99500n, 1200n);
    expect(parts).toEqual([
      { miles: '50', pencePerMile: '40', amountPence: 2000n },
      { miles: '70', pencePerMile: '25', amountPence: 1750n },
    ]);
  });
  it('pays only the second band once past 10,000 miles, with tenths of a mile rounded to the penny', () => {
    expect(splitMileage(BANDS_2010, 100000n, 125n)).toEqual([{ miles: '12.5', pencePerMile: '25', amountPence: 313n }]);
  });
  it('at the 2011/12 rate of 45p', () => {
    const bands: MileageBand[] = [
      { upToMiles: 10000, pencePerMile: '45' },
      { upToMiles: null, pencePerMile: '25' },
    ];
    expect(splitMileage(bands, 99900n, 200n).map((part) => part.amountPence)).toEqual([450n, 250n]);
  });
  it('refuses bands with a gap in their order', () => {
    expect(() =>
      splitMileage(
        [
          { upToMiles: null, pencePerMile: '25' },
          { upToMiles: 10, pencePerMile: '40' },
        ],
        0n,
        10n,
      ),
    ).toThrow();
  });
});

describe('claims', () => {
  const travel = { kind: 'travel' as const, dutyDate: '2011-04-06', claimedOn: '2011-04-20', purposeCode: 'a', miles: '120' };

  it('resets the mileage count on 6 April: the caller counts miles per tax year, so a new year starts in the first band', () => {
    const lastYear = assessClaim({ ...travel, dutyDate: '2011-04-05', milesBeforeTenths: 99500n }, RULES);
    const newYear = assessClaim({ ...travel, milesBeforeTenths: 0n }, RULES);
    expect(lastYear.ok && lastYear.claim.payablePence).toBe(3750n);
    expect(newYear.ok && newYear.claim.payablePence).toBe(4800n);
  });

  it('accepts a claim on the last day of the four-month limit and refuses it the day after, naming the rule', () => {
    expect(assessClaim({ ...travel, dutyDate: '2011-04-06', claimedOn: '2011-08-06' }, RULES).ok).toBe(true);
    const late = assessClaim({ ...travel, dutyDate: '2011-04-06', claimedOn: '2011-08-07' }, RULES);
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.breaches).toEqual([{ field: 'dutyDate', rule: expect.stringContaining('within 4 months of the duty') }]);
      expect(late.breaches[0]!.rule).toContain('6 August 2011');
    }
  });

  it('applies the scheme’s time limit for each kind of claim, and none where the scheme sets none', () => {
    const carers = { kind: 'carers' as const, dutyDate: '2011-04-06', hours: '2', dependants: 1, costPence: 1500n, receipt: true };
    // The seed scheme limits travel claims only: a carers' claim a year later is not out of time under it.
    expect(assessClaim({ ...carers, claimedOn: '2012-04-06' }, RULES).ok).toBe(true);
    // A scheme with the Panel's limit for carers' claims of two months refuses it, naming the kind.
    const late = assessClaim({ ...carers, claimedOn: '2011-06-07' }, { ...RULES, claimTimeLimits: { carers: 2 } });
    expect(late.ok).toBe(false);
    if (!late.ok)
      expect(late.breaches).toEqual([
        {
          field: 'dutyDate',
          rule: "Claims for dependants' carers must be made within 2 months of the duty (scheme rule; Regulation 14): the last day to claim for 6 April 2011 was 6 June 2011",
        },
      ]);
  });

  it('refuses a purpose not on the scheme’s list', () => {
    const result = assessClaim({ ...travel, purposeCode: 'z' }, RULES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.breaches[0]!.field).toBe('purposeCode');
  });

  it('refuses parking without a receipt and pays it at cost with one', () => {
    const without = assessClaim({ kind: 'parking', dutyDate: '2011-04-06', claimedOn: '2011-04-07', costPence: 650n }, RULES);
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.breaches[0]).toEqual({ field: 'receipt', rule: expect.stringContaining('valid ticket or receipt') });
    const withReceipt = assessClaim({ kind: 'parking', dutyDate: '2011-04-06', claimedOn: '2011-04-07', costPence: 650n, receipt: true }, RULES);
    expect(withReceipt.ok && withReceipt.claim.payablePence).toBe(650n);
  });

  it('caps dependants’ carers at £10 an hour for each dependant', () => {
    const base = { kind: 'carers' as const, dutyDate: '2011-04-06', claimedOn: '2011-04-07', receipt: true, hours: '3.5', dependants: 2 };
    // 2 dependants x 3.5 hours x £10 = £70 cap; £90 paid -> £70.
    const capped = assessClaim({ ...base, costPence: 9000n }, RULES);
    expect(capped.ok && capped.claim.payablePence).toBe(7000n);
    expect(capped.ok && capped.claim.note).toMatch(/Capped/);
    const under = assessClaim({ ...base, costPence: 5000n }, RULES);
    expect(under.ok && under.claim.payablePence).toBe(5000n);
  });

  it('refuses payment to a member of the household', () => {
    const result = assessClaim(
      { kind: 'carers', dutyDate: '2011-04-06', claimedOn: '2011-04-07', receipt: true, hours: '2', dependants: 1, costPence: 2000n, carerInHousehold: true },
      RULES,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.breaches.map((b) => b.field)).toEqual(['carerInHousehold']);
  });

  it('pays co-optees £200 a day', () => {
    const result = assessClaim({ kind: 'co-optee-day', dutyDate: '2011-04-06', claimedOn: '2011-04-07', days: 2 }, RULES);
    expect(result.ok && result.claim.payablePence).toBe(40000n);
  });
});

describe('entitlements', () => {
  const year = allowanceYear(2011); // 1 April 2011 to 31 March 2012: 366 days (29 February 2012)
  const basic: Holding = { id: 'b', kind: 'basic', name: 'Basic allowance', annualPence: 1300000n, start: '2009-06-08', end: null };

  it('counts the days of a leap year', () => {
    expect(daysInclusive(year.start, year.end)).toBe(366);
  });

  it('pays a whole year in full', () => {
    expect(accrue([basic], year)[0]!.accruedPence).toBe(1300000n);
  });

  it('pays a post held for part of the year for the days held', () => {
    // Cabinet Member from 12 May 2011 (325 days of 366): £28,795 x 325 / 366 = £25,569.33 (25569.33 exactly .33060...)
    const cabinet: Holding = { id: 'c', kind: 'sra', name: 'Cabinet Members', annualPence: 2879500n, start: '2011-05-12', end: null };
    const [entry] = accrue([cabinet], year);
    expect(entry!.daysHeld).toBe(325);
    expect(entry!.accruedPence).toBe(2556933n);
    expect(proRata(2879500n, 325, 366)).toBe(2556933n);
  });

  it('pays only the higher of two SRAs, and shows the other as not payable', () => {
    const cabinet: Holding = { id: 'c', kind: 'sra', name: 'Cabinet Members', annualPence: 2879500n, start: '2011-04-01', end: '2011-09-30' };
    const spokesman: Holding = { id: 's', kind: 'sra', name: 'Opposition Spokesmen', annualPence: 332300n, start: '2011-04-01', end: null };
    const result = accrue([cabinet, spokesman], year);
    const paidCabinet = result.find((entry) => entry.holdingId === 'c')!;
    const paidSpokesman = result.find((entry) => entry.holdingId === 's')!;
    // Cabinet: 183 days (1 April - 30 September) of 366 = £14,397.50.
    expect(paidCabinet.daysPayable).toBe(183);
    expect(paidCabinet.accruedPence).toBe(1439750n);
    expect(paidCabinet.notPayableReason).toBeUndefined();
    // Spokesman: held all year, payable only from 1 October: 183 days = £1,661.50.
    expect(paidSpokesman.daysHeld).toBe(366);
    expect(paidSpokesman.daysPayable).toBe(183);
    expect(paidSpokesman.accruedPence).toBe(166150n);
    expect(paidSpokesman.notPayableReason).toContain('Cabinet Members');
  });

  it('pays every SRA held where the scheme allows more than one', () => {
    const cabinet: Holding = {
      id: 'c',
      kind: 'sra',
      name: 'Cabinet Members',
      annualPence: 2879500n,
      start: '2011-04-01',
      end: '2011-09-30',
      oneSraOnly: false,
    };
    const spokesman: Holding = { id: 's', kind: 'sra', name: 'Opposition Spokesmen', annualPence: 332300n, start: '2011-04-01', end: null, oneSraOnly: false };
    const result = accrue([cabinet, spokesman], year);
    expect(result.map((entry) => [entry.holdingId, entry.daysPayable, entry.accruedPence, entry.notPayableReason])).toEqual([
      ['c', 183, 1439750n, undefined],
      ['s', 366, 332300n, undefined],
    ]);
  });

  it('enforces the maximum number of holders on every day', () => {
    const holders = [
      { start: '2011-04-01', end: null },
      { start: '2011-04-01', end: '2011-06-30' },
    ];
    expect(exceedsMaxHolders(holders, { start: '2011-07-01', end: null }, 2)).toBeUndefined();
    expect(exceedsMaxHolders(holders, { start: '2011-06-01', end: null }, 2)).toBe('2011-06-01');
    expect(exceedsMaxHolders(holders, { start: '2011-03-01', end: '2011-03-31' }, 2)).toBeUndefined();
    expect(exceedsMaxHolders(holders, { start: '2011-03-01', end: null }, 2)).toBe('2011-04-01');
    expect(exceedsMaxHolders(holders, { start: '2011-03-01', end: null }, null)).toBeUndefined();
  });

  it('lets a member forgo all or part of an entitlement', () => {
    const accrued = accrue([basic], year);
    expect(applyForgone(accrued, [{ kind: 'basic', amountPence: 19500n }])).toEqual({
      basicPence: 1280500n,
      sraPence: 0n,
      coOpteePence: 0n,
      forgonePence: 19500n,
    });
    expect(applyForgone(accrued, [{ kind: 'all', amountPence: null }])).toEqual({ basicPence: 0n, sraPence: 0n, coOpteePence: 0n, forgonePence: 1300000n });
    // Forgoing more than is due takes what is due and no more.
    expect(applyForgone(accrued, [{ kind: 'basic', amountPence: 9999999n }]).forgonePence).toBe(1300000n);
  });
});
