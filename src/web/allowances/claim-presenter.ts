/** View models of claims and a member's entitlements: money and dates formatted here, never in templates. */
import { linkTo } from '../../http/routes.ts';
import type { AccruedEntitlement } from '../../domain/allowances/entitlements.ts';
import { CLAIM_KIND_LABELS, type ClaimKind } from '../../domain/allowances/claims.ts';
import { formatPounds, formatRate, trimDecimal } from '../../domain/allowances/money.ts';
import type { StatementRow } from '../../services/allowances/statement.ts';
import { displayName } from '../../services/allowances/statement.ts';

const STATUS = {
  submitted: { text: 'Waiting for approval', classes: 'govuk-tag--blue' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
} as const;

export interface ClaimRowLike {
  id: string;
  kind: string;
  duty_date: string;
  claimed_on: string;
  status: 'submitted' | 'approved' | 'rejected';
  payable_pence: string;
  miles: string | null;
  hours: string | null;
  dependants: number | null;
  days: number | null;
  cost_pence: string | null;
  purpose_code: string | null;
  description: string;
  decision_note: string | null;
  honorific: string | null;
  given_name: string | null;
  initials: string[];
  family_name: string;
}

/** One line saying what was claimed: "120 miles (purpose b)", "£12.50 at cost". */
export function claimSummary(claim: ClaimRowLike): string {
  switch (claim.kind as ClaimKind) {
    case 'travel':
      return `${trimDecimal(claim.miles ?? '0')} miles${claim.purpose_code ? ` (journey purpose ${claim.purpose_code})` : ''}`;
    case 'carers':
      return `${trimDecimal(claim.hours ?? '0')} hours for ${claim.dependants ?? 0} dependant${claim.dependants === 1 ? '' : 's'}, ${formatPounds(BigInt(claim.cost_pence ?? '0'))} paid`;
    case 'co-optee-day':
      return `${claim.days ?? 0} day${claim.days === 1 ? '' : 's'}`;
    default:
      return `${formatPounds(BigInt(claim.cost_pence ?? '0'))} at cost`;
  }
}

export function presentClaimRow(claim: ClaimRowLike, href: string) {
  return {
    id: claim.id,
    href,
    member: displayName(claim),
    kind: CLAIM_KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind,
    dutyDate: claim.duty_date,
    claimedOn: claim.claimed_on,
    summary: claimSummary(claim),
    description: claim.description,
    payable: formatPounds(BigInt(claim.payable_pence)),
    status: STATUS[claim.status],
    decisionNote: claim.decision_note,
  };
}

export interface ClaimDetailLike extends ClaimRowLike {
  receipt_reference: string | null;
  mileage_parts: Array<{ miles: string; pencePerMile: string; amountPence: string }>;
  miles_before: string | null;
  note: string | null;
  submitter_name: string | null;
  decider_name: string | null;
  decided_on: string | null;
  purpose_text: string | null;
}

/** The uploaded ticket or receipt of a claim at cost. */
export interface ClaimReceiptLike {
  filename: string;
  media_type: string;
  byte_size: number;
}

const RECEIPT_KINDS: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG image', 'image/jpeg': 'JPEG image' };

export function presentClaimDetail(claim: ClaimDetailLike, receipt?: ClaimReceiptLike) {
  const rows: Array<{ key: string; value: string; href?: string }> = [
    { key: 'Member', value: displayName(claim) },
    { key: 'Claim for', value: CLAIM_KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind },
    { key: 'Date of duty', value: claim.duty_date },
    { key: 'Claimed on', value: claim.claimed_on },
    { key: 'Claimed', value: claimSummary(claim) },
  ];
  if (claim.purpose_text) rows.push({ key: 'Journey purpose', value: `(${claim.purpose_code}) ${claim.purpose_text}` });
  if (claim.miles_before !== null) rows.push({ key: 'Miles claimed earlier in the tax year', value: trimDecimal(claim.miles_before) });
  if (claim.description) rows.push({ key: 'Description', value: claim.description });
  if (receipt) {
    const size =
      receipt.byte_size < 1024 * 1024 ? `${Math.max(1, Math.round(receipt.byte_size / 1024))} KB` : `${(receipt.byte_size / 1024 / 1024).toFixed(1)} MB`;
    rows.push({
      key: 'Receipt',
      value: `${receipt.filename} (${RECEIPT_KINDS[receipt.media_type] ?? receipt.media_type}, ${size})`,
      href: linkTo('allowances.mine.claim.receipt', { id: claim.id }),
    });
  } else if (claim.receipt_reference) {
    rows.push({ key: 'Receipt reference', value: claim.receipt_reference });
  }
  rows.push({ key: 'Payable', value: formatPounds(BigInt(claim.payable_pence)) });
  if (claim.note) rows.push({ key: 'Note', value: claim.note });
  rows.push({ key: 'Submitted by', value: claim.submitter_name ?? 'Unknown account' });
  rows.push({ key: 'Status', value: STATUS[claim.status].text });
  if (claim.decided_on) rows.push({ key: 'Decided', value: `${claim.decided_on} by ${claim.decider_name ?? 'an officer'}` });
  if (claim.decision_note) rows.push({ key: claim.status === 'rejected' ? 'Reason' : 'Officer’s note', value: claim.decision_note });
  return {
    id: claim.id,
    title: `${CLAIM_KIND_LABELS[claim.kind as ClaimKind] ?? claim.kind} claim, ${claim.duty_date}`,
    status: claim.status,
    rows,
    mileageParts: claim.mileage_parts.map((part) => ({
      miles: part.miles,
      rate: `${formatRate(part.pencePerMile)} a mile`,
      amount: formatPounds(BigInt(part.amountPence)),
    })),
  };
}

/** A member's entitlements for a year, each with the days held and paid and why any part is not payable. */
export function presentEntitlements(row: StatementRow | undefined, yearDays: number) {
  const entitlements = (row?.entitlements ?? []).map((entry: AccruedEntitlement) => ({
    name: entry.name,
    annual: formatPounds(entry.annualPence),
    days: entry.daysPayable === entry.daysHeld ? `${entry.daysHeld} of ${yearDays}` : `${entry.daysHeld} held, ${entry.daysPayable} paid, of ${yearDays}`,
    accrued: formatPounds(entry.accruedPence),
    partYear: entry.daysHeld < yearDays,
    reason: entry.notPayableReason ?? null,
  }));
  return {
    entitlements,
    totals: row
      ? {
          basic: formatPounds(row.basicPence),
          sra: formatPounds(row.sraPence),
          coOptee: formatPounds(row.coOpteePence),
          expenses: formatPounds(row.travelPence + row.subsistencePence + row.carersPence),
          forgone: row.forgonePence > 0n ? formatPounds(row.forgonePence) : null,
          total: formatPounds(row.totalPence),
        }
      : null,
  };
}
