/**
 * A claim that repeats one already made: the same kind of claim for the same day of duty, or the same receipt sent
 * again. Either is usually a mistake (a form sent twice, a receipt for a journey already paid), but not always (two
 * taxi journeys on one day), so it is a warning the claimant confirms, never a refusal. Rejected claims do not count:
 * a member may claim again after a rejection.
 */
import { formatShortDate } from '../dates.ts';
import { CLAIM_KIND_LABELS, type ClaimKind, type RuleBreach } from './claims.ts';

export interface ClaimMade {
  kind: string;
  dutyDate: string;
  claimedOn: string;
  status: 'submitted' | 'approved' | 'rejected';
  receiptSha256: string | null;
}

export interface ClaimToMake {
  kind: ClaimKind;
  dutyDate: string;
  receiptSha256?: string;
}

export function duplicateClaimWarnings(claim: ClaimToMake, made: readonly ClaimMade[]): RuleBreach[] {
  const standing = made.filter((other) => other.status !== 'rejected');
  const warnings: RuleBreach[] = [];
  const sameDay = standing.find((other) => other.kind === claim.kind && other.dutyDate === claim.dutyDate);
  if (sameDay) {
    warnings.push({
      field: 'confirmDuplicate',
      rule: `A claim for ${CLAIM_KIND_LABELS[claim.kind].toLowerCase()} on ${formatShortDate(claim.dutyDate)} was already made on ${formatShortDate(sameDay.claimedOn)}. If this is a separate claim, confirm it below`,
    });
  }
  const sameReceipt = claim.receiptSha256 ? standing.find((other) => other.receiptSha256 === claim.receiptSha256) : undefined;
  if (sameReceipt) {
    warnings.push({
      field: 'confirmDuplicate',
      rule: `This receipt was already sent with the claim for ${formatShortDate(sameReceipt.dutyDate)} made on ${formatShortDate(sameReceipt.claimedOn)}. If it covers a separate cost, confirm it below`,
    });
  }
  return warnings;
}
