/**
 * The statutory annual statement (Regulation 15): for each member, the sums PAID in the allowances year (1 April to
 * 31 March) under each head, from the payments recorded (payment-run.ts); and, shown separately, what accrued for
 * the year: entitlements per day under the scheme in force each day (its one-SRA rule, less anything forgone) and the
 * approved claims for duties in the year. The two differ by arrears paid later and claims paid in another year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import type { Period } from '../../domain/allowances/dates.ts';
import { accrue, applyForgone, type AccruedEntitlement } from '../../domain/allowances/entitlements.ts';
import { splitBySchemes, type KeyedHolding, type SchemeAmounts } from '../../domain/allowances/scheme-periods.ts';
import { STATEMENT_HEAD_OF_CLAIM, type ClaimKind } from '../../domain/allowances/claims.ts';
import type { Pence } from '../../domain/allowances/money.ts';

/** Sums under each head of Regulation 15. */
export interface PaidHeads {
  basicPence: Pence;
  sraPence: Pence;
  coOpteePence: Pence;
  travelPence: Pence;
  subsistencePence: Pence;
  carersPence: Pence;
  totalPence: Pence;
}

/** A member's row: `paid` is what Regulation 15 publishes; the heads of the row itself are what accrued for the year. */
export interface StatementRow extends PaidHeads {
  personId: string;
  name: string;
  paid: PaidHeads;
  forgonePence: Pence;
  entitlements: AccruedEntitlement[];
}

export interface Statement {
  year: Period;
  rows: StatementRow[];
  totals: Omit<StatementRow, 'personId' | 'name' | 'entitlements' | 'paid'> & { paid: PaidHeads };
  /** Whether any payment is recorded in the year: without, the statement of sums paid is not yet known. */
  hasPayments: boolean;
}

export function displayName(person: { honorific: string | null; given_name: string | null; initials: string[]; family_name: string }): string {
  const first = person.given_name ?? person.initials.join(' ');
  return [person.honorific, first, person.family_name].filter(Boolean).join(' ');
}

export function toHoldings(rows: repo.HoldingWithAmount[]): KeyedHolding[] {
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    key: (row.kind === 'sra' ? row.post_name : row.role) ?? '',
    name: row.kind === 'basic' ? 'Basic allowance' : row.kind === 'sra' ? (row.post_name ?? 'Special Responsibility Allowance') : `Co-optee: ${row.role ?? ''}`,
    annualPence: BigInt((row.kind === 'basic' ? row.basic_allowance_pence : row.kind === 'sra' ? row.sra_amount_pence : row.co_optee_per_year_pence) ?? '0'),
    start: row.start_date,
    end: row.end_date,
  }));
}

export async function buildStatement(db: Kysely<Database>, year: Period, personId?: string): Promise<Statement> {
  const [holdings, forgone, claims, adopted, payments] = await Promise.all([
    repo.holdingsIn(db, year, personId),
    repo.forgoneIn(db, year.start, personId),
    repo.listClaims(db, { status: 'approved', period: year, ...(personId ? { personId } : {}) }),
    repo.adoptedSchemeAmounts(db),
    repo.paymentsIn(db, year, personId),
  ]);
  const schemes = toSchemeAmounts(adopted);
  const ids = new Set<string>([
    ...holdings.map((h) => h.person_id),
    ...claims.map((c) => c.person_id),
    ...forgone.map((f) => f.person_id),
    ...payments.map((p) => p.person_id),
  ]);
  const paidOf = (id: string): PaidHeads => {
    const head = (name: string) => BigInt(payments.find((row) => row.person_id === id && row.head === name)?.total ?? '0');
    const paid = {
      basicPence: head('basic'),
      sraPence: head('sra'),
      coOpteePence: head('co-optee'),
      travelPence: head('travel'),
      subsistencePence: head('subsistence'),
      carersPence: head('carers'),
    };
    return { ...paid, totalPence: Object.values(paid).reduce((sum, amount) => sum + amount, 0n) };
  };
  const people = new Map((await repo.peopleNamed(db, [...ids])).map((person) => [person.id, person]));

  const rows: StatementRow[] = [...ids].map((id) => {
    const entitlements = accrue(splitBySchemes(toHoldings(holdings.filter((h) => h.person_id === id)), schemes), year);
    const payable = applyForgone(
      entitlements,
      forgone.filter((f) => f.person_id === id).map((f) => ({ kind: f.kind, amountPence: f.amount_pence === null ? null : BigInt(f.amount_pence) })),
    );
    const expenses = { travel: 0n, subsistence: 0n, carers: 0n, 'co-optee': 0n };
    for (const claim of claims.filter((c) => c.person_id === id)) expenses[STATEMENT_HEAD_OF_CLAIM[claim.kind as ClaimKind]] += BigInt(claim.payable_pence);
    const coOpteePence = payable.coOpteePence + expenses['co-optee'];
    const row = {
      personId: id,
      name: displayName(people.get(id)!),
      paid: paidOf(id),
      basicPence: payable.basicPence,
      sraPence: payable.sraPence,
      coOpteePence,
      travelPence: expenses.travel,
      subsistencePence: expenses.subsistence,
      carersPence: expenses.carers,
      forgonePence: payable.forgonePence,
      totalPence: payable.basicPence + payable.sraPence + coOpteePence + expenses.travel + expenses.subsistence + expenses.carers,
      entitlements,
    };
    return row;
  });
  rows.sort((a, b) => people.get(a.personId)!.family_name.localeCompare(people.get(b.personId)!.family_name) || a.name.localeCompare(b.name));

  const sum = (key: Exclude<keyof Statement['totals'], 'paid'>) => rows.reduce((total, row) => total + row[key], 0n);
  const paid = (key: keyof PaidHeads) => rows.reduce((total, row) => total + row.paid[key], 0n);
  const paidTotals: PaidHeads = {
    basicPence: paid('basicPence'),
    sraPence: paid('sraPence'),
    coOpteePence: paid('coOpteePence'),
    travelPence: paid('travelPence'),
    subsistencePence: paid('subsistencePence'),
    carersPence: paid('carersPence'),
    totalPence: paid('totalPence'),
  };
  return {
    year,
    rows,
    hasPayments: payments.length > 0,
    totals: {
      paid: paidTotals,
      basicPence: sum('basicPence'),
      sraPence: sum('sraPence'),
      coOpteePence: sum('coOpteePence'),
      travelPence: sum('travelPence'),
      subsistencePence: sum('subsistencePence'),
      carersPence: sum('carersPence'),
      forgonePence: sum('forgonePence'),
      totalPence: sum('totalPence'),
    },
  };
}

export function toSchemeAmounts(adopted: Awaited<ReturnType<typeof repo.adoptedSchemeAmounts>>): SchemeAmounts[] {
  return adopted.schemes.map((scheme) => ({
    id: scheme.id,
    from: scheme.takes_effect_on ?? scheme.effective_from,
    to: scheme.effective_to,
    oneSraOnly: scheme.one_sra_only,
    basicPence: BigInt(scheme.basic_allowance_pence),
    posts: new Map(adopted.posts.filter((post) => post.scheme_id === scheme.id).map((post) => [post.name, BigInt(post.amount_pence)])),
    coOptees: new Map(adopted.rates.filter((rate) => rate.scheme_id === scheme.id).map((rate) => [rate.role, BigInt(rate.per_year_pence!)])),
  }));
}
