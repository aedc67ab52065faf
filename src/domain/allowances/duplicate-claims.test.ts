import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS } from './claims.ts';
import { claimQuantity, duplicateClaimWarnings, type ClaimMade } from './duplicate-claims.ts';

const made = (overrides: Partial<ClaimMade> = {}): ClaimMade => ({
  kind: 'carers',
  dutyDate: '2026-03-04',
  claimedOn: '2026-03-05',
  status: 'submitted',
  quantity: '3000',
  receiptSha256: null,
  ...overrides,
});

describe('duplicate claims', () => {
  it('warns on the same kind, day and amount, naming both dates', () => {
    const warnings = duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-04', quantity: '3000' }, [made()]);
    expect(warnings).toEqual([
      { field: 'confirmDuplicate', rule: expect.stringMatching(/dependants' carers on 4 March 2026 was already made on 5 March 2026/) },
    ]);
  });

  it('warns on a receipt sent before, whatever the day and kind', () => {
    const warnings = duplicateClaimWarnings({ kind: 'taxi', dutyDate: '2026-05-01', quantity: '900', receiptSha256: 'abc' }, [
      made({ kind: 'parking', dutyDate: '2026-04-01', receiptSha256: 'abc' }),
    ]);
    expect(warnings).toEqual([{ field: 'confirmDuplicate', rule: expect.stringMatching(/receipt was already sent with the claim for 1 April 2026/) }]);
  });

  it('ignores rejected claims, other kinds, other days and other amounts (two journeys on one day)', () => {
    expect(
      duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-04', quantity: '3000', receiptSha256: 'abc' }, [
        made({ status: 'rejected', receiptSha256: 'abc' }),
      ]),
    ).toEqual([]);
    expect(duplicateClaimWarnings({ kind: 'taxi', dutyDate: '2026-03-04', quantity: '3000' }, [made()])).toEqual([]);
    expect(duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-05', quantity: '3000' }, [made()])).toEqual([]);
    expect(duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-04', quantity: '2500' }, [made()])).toEqual([]);
  });

  it('compares miles, pence and days in one form', () => {
    expect(claimQuantity('travel', { miles: '12.50' })).toBe(claimQuantity('travel', { miles: '12.5' }));
    expect(claimQuantity('taxi', { costPence: 1200n })).toBe(claimQuantity('taxi', { costPence: '1200' }));
    expect(claimQuantity('co-optee-day', { days: 1 })).toBe('1');
  });

  it('warns exactly when a standing claim shares the kind, day and amount, or the receipt', () => {
    const day = fc.constantFrom('2026-03-04', '2026-03-05');
    const quantity = fc.constantFrom('100', '200');
    const claimMade = fc.record({
      kind: fc.constantFrom(...CLAIM_KINDS),
      dutyDate: day,
      claimedOn: fc.constant('2026-03-06'),
      status: fc.constantFrom('submitted' as const, 'approved' as const, 'rejected' as const),
      quantity,
      receiptSha256: fc.constantFrom(null, 'a', 'b'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...CLAIM_KINDS),
        day,
        quantity,
        fc.constantFrom(undefined, 'a', 'b'),
        fc.array(claimMade, { maxLength: 6 }),
        (kind, dutyDate, amount, receiptSha256, claims) => {
          const warnings = duplicateClaimWarnings({ kind, dutyDate, quantity: amount, ...(receiptSha256 ? { receiptSha256 } : {}) }, claims);
          const standing = claims.filter((claim) => claim.status !== 'rejected');
          const expected =
            Number(standing.some((claim) => claim.kind === kind && claim.dutyDate === dutyDate && claim.quantity === amount)) +
            Number(Boolean(receiptSha256) && standing.some((claim) => claim.receiptSha256 === receiptSha256));
          expect(warnings).toHaveLength(expected);
        },
      ),
    );
  });
});
