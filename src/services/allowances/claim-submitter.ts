/**
 * claimSubmitter: a member (or democratic services on a member's behalf) makes a claim. The scheme in force on
 * the date of duty decides the rules; the claim is refused with the rule it breaks, or stored with its payable
 * amount worked out. Mileage bands depend on the miles already claimed in the tax year, so the member's claims
 * are locked for the transaction: two claims at once cannot both take the last miles of the first band.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { writeOperation } from '../write-operation.ts';
import { assessClaim, type ClaimInput, type ClaimKind } from '../../domain/allowances/claims.ts';
import { claimQuantity, duplicateClaimWarnings } from '../../domain/allowances/duplicate-claims.ts';
import { taxYearOf } from '../../domain/allowances/dates.ts';
import { milesToTenths, tenthsToMiles, type MileageBand } from '../../domain/allowances/mileage.ts';
import { hasRole, type SessionUser } from '../../domain/roles.ts';
import { storeFile } from '../../db/repositories/stored-files.ts';
import { MAX_RECEIPT_BYTES, receiptMediaType, type ReceiptMediaType } from '../../domain/allowances/receipt.ts';
import { AllowanceForbidden, AllowanceNotFound, AllowanceRuleError } from './errors.ts';
import { findPersonName } from '../../db/records/people.ts';

export interface ClaimSubmitterProps {
  db: Kysely<Database>;
  /** Who is claiming: the member themself, or a democratic services officer. */
  actor: SessionUser;
  personId: string;
  claim: Omit<ClaimInput, 'milesBeforeTenths' | 'claimedOn' | 'receipt'> & { description?: string; receipt?: { filename: string; data: Uint8Array } };
  /** Today, passed in. */
  claimedOn: string;
  /** The claimant confirms a claim that repeats one already made (same kind and day, or the same receipt). */
  confirmDuplicate?: boolean;
}

export async function claimSubmitter(props: ClaimSubmitterProps): Promise<{ id: string; payablePence: bigint }> {
  const { actor, personId, claim } = props;
  if (actor.personId !== personId && !hasRole(actor, 'democratic-services')) {
    throw AllowanceForbidden('You can only make claims for yourself');
  }
  const receipt = claim.receipt ? checkedReceipt(claim.receipt) : undefined;
  return writeOperation({ db: props.db, actor }, async ({ trx }) => {
    const person = await findPersonName(trx, personId);
    if (!person) throw AllowanceNotFound('No such member');
    await repo.lockPerson(trx, personId);
    const scheme = await repo.findSchemeInForce(trx, claim.dutyDate);
    if (!scheme) throw AllowanceRuleError([{ field: 'dutyDate', rule: `No allowances scheme was in force on ${claim.dutyDate}` }]);

    const bandsFrom = scheme.bands.filter((band) => band.effective_from <= claim.dutyDate).at(-1)?.effective_from;
    const mileageBands: MileageBand[] = scheme.bands
      .filter((band) => band.effective_from === bandsFrom)
      .map((band) => ({ upToMiles: band.up_to_miles, pencePerMile: trimNumeric(band.pence_per_mile) }));
    const dayRate = scheme.coOpteeRates.find((rate) => rate.per_day_pence !== null)?.per_day_pence;
    const taxYear = taxYearOf(claim.dutyDate);
    const milesBefore = claim.kind === 'travel' ? milesToTenths(trimNumeric(await repo.milesClaimedIn(trx, personId, taxYear))) : 0n;

    const assessment = assessClaim(
      { ...claim, receipt: Boolean(receipt), claimedOn: props.claimedOn, milesBeforeTenths: milesBefore },
      {
        claimTimeLimits: Object.fromEntries(scheme.limits.map((limit) => [limit.claim_kind, limit.months])),
        journeyPurposes: scheme.purposes.map((purpose) => ({ code: purpose.code, text: purpose.text })),
        mileageBands,
        carersMaxPencePerHour: scheme.scheme.carers_max_pence_per_hour === null ? null : BigInt(scheme.scheme.carers_max_pence_per_hour),
        coOpteeDayPence: dayRate == null ? null : BigInt(dayRate),
      },
    );
    if (!assessment.ok) throw AllowanceRuleError(assessment.breaches);
    if (!props.confirmDuplicate) {
      const receiptSha256 = receipt ? createHash('sha256').update(receipt.data).digest('hex') : undefined;
      const duplicates = duplicateClaimWarnings(
        { kind: claim.kind, dutyDate: claim.dutyDate, quantity: claimQuantity(claim.kind, claim), ...(receiptSha256 ? { receiptSha256 } : {}) },
        await repo.claimsLike(trx, personId, claim.dutyDate, receiptSha256),
      );
      if (duplicates.length) throw AllowanceRuleError(duplicates);
    }

    const id = `claim-${randomUUID()}`;
    await repo.insertClaim(trx, {
      id,
      person_id: personId,
      scheme_id: scheme.scheme.id,
      kind: claim.kind satisfies ClaimKind,
      duty_date: claim.dutyDate,
      claimed_on: props.claimedOn,
      description: claim.description?.trim() ?? '',
      purpose_code: claim.kind === 'travel' ? (claim.purposeCode ?? null) : null,
      miles: claim.kind === 'travel' ? tenthsToMiles(milesToTenths(claim.miles!)) : null,
      miles_before: claim.kind === 'travel' ? tenthsToMiles(milesBefore) : null,
      mileage_parts: JSON.stringify(assessment.claim.mileageParts.map((part) => ({ ...part, amountPence: part.amountPence.toString() }))),
      hours: claim.kind === 'carers' ? (claim.hours ?? null) : null,
      dependants: claim.kind === 'carers' ? (claim.dependants ?? null) : null,
      days: claim.kind === 'co-optee-day' ? (claim.days ?? null) : null,
      cost_pence: claim.costPence ?? null,
      receipt_reference: null,
      payable_pence: assessment.claim.payablePence,
      note: assessment.claim.note ?? null,
      submitted_by: actor.id,
    });
    if (receipt) {
      const sha256 = await storeFile(trx, receipt.data);
      await repo.insertClaimReceipt(trx, {
        id: `${id}-receipt`,
        claim_id: id,
        file_sha256: sha256,
        filename: receipt.filename,
        media_type: receipt.mediaType,
        byte_size: receipt.data.byteLength,
        uploaded_by: actor.id,
      });
    }
    return { id, payablePence: assessment.claim.payablePence };
  });
}

/** The receipt as the scheme can accept it: a PDF or a photograph, by its bytes, not too large. */
function checkedReceipt(file: { filename: string; data: Uint8Array }): { filename: string; data: Uint8Array; mediaType: ReceiptMediaType } {
  const name = file.filename.trim().slice(0, 200) || 'receipt';
  if (file.data.byteLength > MAX_RECEIPT_BYTES) {
    throw AllowanceRuleError([{ field: 'receipt', rule: `The receipt must be smaller than ${MAX_RECEIPT_BYTES / 1024 / 1024} MB: ${name} is larger` }]);
  }
  const mediaType = receiptMediaType(file.data);
  if (!mediaType) throw AllowanceRuleError([{ field: 'receipt', rule: `The receipt must be a PDF, PNG or JPEG file: ${name} is not` }]);
  return { filename: name, data: file.data, mediaType };
}

function trimNumeric(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
