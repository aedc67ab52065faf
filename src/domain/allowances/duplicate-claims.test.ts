import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS } from './claims.ts';
import { duplicateClaimWarnings, type ClaimMade } from './duplicate-claims.ts';

const made = (overrides: Partial<ClaimMade> = {}): ClaimMade => ({ kind: 'carers', dutyDate: '2026-03-04', claimedOn: '2026-03-05', status: 'submitted', receiptSha256: null, ...overrides });

describe('duplicate claims', () => {
  it('warns on the same kind for the same day, naming both dates', () => {
    const warnings = duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-04' }, [made()]);
    expect(warnings).toEqual([{ field: 'confirmDuplicate', rule: expect.stringMatching(/dependants' carers on 4 March 2026 was already made on 5 March 2026/) }]);
  });

  it('warns on a receipt sent before, whatever the day and kind', () => {
    const warnings = duplicateClaimWarnings({ kind: 'taxi', dutyDate: '2026-05-01', receiptSha256: 'abc' }, [made({ kind: 'parking', dutyDate: '2026-04-01', receiptSha256: 'abc' })]);
    expect(warnings).toEqual([{ field: 'confirmDuplicate', rule: expect.stringMatching(/receipt was already sent with the claim for 1 April 2026/) }]);
  });

  it('ignores rejected claims, other kinds and other days', () => {
    expect(duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-04', receiptSha256: 'abc' }, [made({ status: 'rejected', receiptSha256: 'abc' })])).toEqual([]);
    expect(duplicateClaimWarnings({ kind: 'taxi', dutyDate: '2026-03-04' }, [made()])).toEqual([]);
    expect(duplicateClaimWarnings({ kind: 'carers', dutyDate: '2026-03-05' }, [made()])).toEqual([]);
  });

  it('warns exactly when a standing claim shares the kind and day, or the receipt', () => {
    const day = fc.constantFrom('2026-03-04', '2026-03-05');
    const claimMade = fc.record({ kind: fc.constantFrom(...CLAIM_KINDS), dutyDate: day, claimedOn: fc.constant('2026-03-06'), status: fc.constantFrom('submitted' as const, 'approved' as const, 'rejected' as const), receiptSha256: fc.constantFrom(null, 'a', 'b') });
    fc.assert(
      fc.property(fc.constantFrom(...CLAIM_KINDS), day, fc.constantFrom(undefined, 'a', 'b'), fc.array(claimMade, { maxLength: 6 }), (kind, dutyDate, receiptSha256, claims) => {
        const warnings = duplicateClaimWarnings({ kind, dutyDate, ...(receiptSha256 ? { receiptSha256 } : {}) }, claims);
        const standing = claims.filter((claim) => claim.status !== 'rejected');
        const expected = Number(standing.some((claim) => claim.kind === kind && claim.dutyDate === dutyDate)) + Number(Boolean(receiptSha256) && standing.some((claim) => claim.receiptSha256 === receiptSha256));
        expect(warnings).toHaveLength(expected);
      }),
    );
  });
});
