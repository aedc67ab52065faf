/**
 * A claim that repeats one already made: the same kind of claim for the same day of duty and the same amount (miles,
 * cost or days), or a receipt sent before with another claim. Either is usually a mistake (a form sent twice, a
 * receipt for a cost already paid), but not always (two identical bus fares in one day), so it is a warning the
 * claimant confirms, never a refusal. Two different journeys on one day are not duplicates. Rejected claims do not
 * count: a member may claim again after a rejection.
 */
import { formatShortDate } from '../dates.ts';
import { CLAIM_KIND_LABELS, type ClaimKind, type RuleBreach } from './claims.ts';
import { milesToTenths } from './mileage.ts';

/** What a claim asks to be paid for, in one comparable form: tenths of a mile, pence, or days. */
export function claimQuantity(kind: string, claim: { miles?: string | null; costPence?: bigint | string | null; days?: number | null }): string {
  if (kind === 'travel') return claim.miles ? milesToTenths(claim.miles).toString() : '';
  if (kind === 'co-optee-day') return String(claim.days ?? '');
  return claim.costPence === null || claim.costPence === undefined ? '' : BigInt(claim.costPence).toString();
}

export interface ClaimMade {
  kind: string;
  dutyDate: string;
  claimedOn: string;
  status: 'submitted' | 'approved' | 'rejected';
  quantity: string;
  receiptSha256: string | null;
}

export interface ClaimToMake {
  kind: ClaimKind;
  dutyDate: string;
  quantity: string;
  receiptSha256?: string;
}

export function duplicateClaimWarnings(claim: ClaimToMake, made: readonly ClaimMade[]): RuleBreach[] {
  const standing = made.filter((other) => other.status !== 'rejected');
  const warnings: RuleBreach[] = [];
  const same = standing.find((other) => other.kind === claim.kind && other.dutyDate === claim.dutyDate && other.quantity === claim.quantity);
  if (same) {
    warnings.push({
      field: 'confirmDuplicate',
      rule: `The same claim for ${CLAIM_KIND_LABELS[claim.kind].toLowerCase()} on ${formatShortDate(claim.dutyDate)} was already made on ${formatShortDate(same.claimedOn)}. If this is a separate claim, confirm it below`,
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
