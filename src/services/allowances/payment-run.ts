/**
 * paymentRunRecorder: democratic services record a payment run, as the council's payroll makes it. Each member is paid
 * what their allowances come to from their first day up to `upTo` (under the scheme in force each day, after what they
 * forgo) less what they were already paid for them, so the arrears of an amendment that applies from the start of the
 * year (Regulation 10(6)) are paid in the next run and an overpayment comes back as a negative payment; and every claim
 * approved by `upTo` and not yet paid is paid once. The annual statement publishes these sums (Regulation 15).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PaymentHead } from '../../db/schema/allowances.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { assertRole, writeOperation } from '../write-operation.ts';
import { STATEMENT_HEAD_OF_CLAIM, type ClaimKind } from '../../domain/allowances/claims.ts';
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { payableTo } from '../../domain/allowances/entitlements.ts';
import { splitBySchemes } from '../../domain/allowances/scheme-periods.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { AllowanceRuleError } from './errors.ts';
import { toHoldings, toSchemeAmounts } from './statement.ts';

export interface PaymentRunProps {
  db: Kysely<Database>;
  actor: SessionUser;
  /** The day the payments are made. */
  paidOn: string;
  /** Allowances are paid for the days up to and including this one; claims approved by it are paid. */
  upTo: string;
}

export interface PaymentRun {
  runId: string;
  payments: number;
  totalPence: bigint;
}

export async function paymentRunRecorder(props: PaymentRunProps): Promise<PaymentRun> {
  assertRole(props.actor, 'democratic-services', 'Only democratic services officers record payments');
  const breaches = [];
  if (!isIsoDate(props.paidOn)) breaches.push({ field: 'paidOn', rule: 'Enter the date of payment as a real date' });
  if (!isIsoDate(props.upTo)) breaches.push({ field: 'upTo', rule: 'Enter the last day paid for as a real date' });
  else if (isIsoDate(props.paidOn) && props.upTo > props.paidOn)
    breaches.push({ field: 'upTo', rule: 'Allowances are paid for days up to the day of payment at the latest' });
  if (breaches.length) throw AllowanceRuleError(breaches);

  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await repo.lockPayments(trx);
    const [holdings, forgone, paid, claims, adopted] = await Promise.all([
      repo.holdingsTo(trx, props.upTo),
      repo.forgoneTo(trx, props.upTo),
      repo.allowancesPaid(trx),
      repo.approvedUnpaidClaims(trx, props.upTo),
      repo.adoptedSchemeAmounts(trx),
    ]);
    const schemes = toSchemeAmounts(adopted);
    const runId = `payment-run-${randomUUID()}`;
    const rows: Parameters<typeof repo.insertPayments>[1] = [];
    const paidBefore = (personId: string, head: PaymentHead) => BigInt(paid.find((row) => row.person_id === personId && row.head === head)?.total ?? '0');

    for (const personId of new Set(holdings.map((holding) => holding.person_id))) {
      const due = payableTo(
        splitBySchemes(toHoldings(holdings.filter((holding) => holding.person_id === personId)), schemes),
        forgone
          .filter((entry) => entry.person_id === personId)
          .map((entry) => ({ kind: entry.kind, amountPence: entry.amount_pence === null ? null : BigInt(entry.amount_pence), yearStart: entry.year_start })),
        props.upTo,
      );
      for (const [head, amount] of [
        ['basic', due.basicPence],
        ['sra', due.sraPence],
        ['co-optee', due.coOpteePence],
      ] as const) {
        const owed = amount - paidBefore(personId, head);
        if (owed !== 0n)
          rows.push({
            id: `${runId}:${personId}:${head}`,
            run_id: runId,
            person_id: personId,
            head,
            amount_pence: owed,
            paid_on: props.paidOn,
            covers_to: props.upTo,
            claim_id: null,
          });
      }
    }
    for (const claim of claims) {
      rows.push({
        id: `${runId}:${claim.id}`,
        run_id: runId,
        person_id: claim.person_id,
        head: STATEMENT_HEAD_OF_CLAIM[claim.kind as ClaimKind],
        amount_pence: claim.payable_pence,
        paid_on: props.paidOn,
        covers_to: null,
        claim_id: claim.id,
      });
    }
    await repo.insertPayments(trx, rows);
    return { runId, payments: rows.length, totalPence: rows.reduce((sum, row) => sum + BigInt(row.amount_pence), 0n) };
  });
}
