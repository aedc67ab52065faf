/**
 * The statutory annual statement (Regulation 15): for each member, the allowances and expenses paid in the
 * allowances year (1 April to 31 March). Entitlements accrue per day under the scheme's rules (one SRA each,
 * less anything forgone); expenses are the approved claims for duties in the year.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import type { Period } from '../../domain/allowances/dates.ts';
import { accrue, applyForgone, type AccruedEntitlement } from '../../domain/allowances/entitlements.ts';
import { splitBySchemes, type KeyedHolding, type SchemeAmounts } from '../../domain/allowances/scheme-periods.ts';
import type { ClaimKind } from '../../domain/allowances/claims.ts';
import type { Pence } from '../../domain/allowances/money.ts';

export type ExpenseHead = 'travel' | 'subsistence' | 'carers' | 'coOpteeDays';

const HEAD_OF: Record<ClaimKind, ExpenseHead> = {
  travel: 'travel',
  parking: 'travel',
  'public-transport': 'travel',
  taxi: 'travel',
  hotel: 'subsistence',
  carers: 'carers',
  'co-optee-day': 'coOpteeDays',
};

export interface StatementRow {
  personId: string;
  name: string;
  basicPence: Pence;
  sraPence: Pence;
  coOpteePence: Pence;
  travelPence: Pence;
  subsistencePence: Pence;
  carersPence: Pence;
  forgonePence: Pence;
  totalPence: Pence;
  entitlements: AccruedEntitlement[];
}

export interface Statement {
  year: Period;
  rows: StatementRow[];
  totals: Omit<StatementRow, 'personId' | 'name' | 'entitlements'>;
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
  const [holdings, forgone, claims, adopted] = await Promise.all([
    repo.holdingsIn(db, year, personId),
    repo.forgoneIn(db, year.start, personId),
    repo.listClaims(db, { status: 'approved', period: year, ...(personId ? { personId } : {}) }),
    repo.adoptedSchemeAmounts(db),
  ]);
  const schemes = toSchemeAmounts(adopted);
  const ids = new Set<string>([...holdings.map((h) => h.person_id), ...claims.map((c) => c.person_id), ...forgone.map((f) => f.person_id)]);
  const people = new Map((await repo.peopleNamed(db, [...ids])).map((person) => [person.id, person]));

  const rows: StatementRow[] = [...ids].map((id) => {
    const entitlements = accrue(splitBySchemes(toHoldings(holdings.filter((h) => h.person_id === id)), schemes), year);
    const payable = applyForgone(
      entitlements,
      forgone.filter((f) => f.person_id === id).map((f) => ({ kind: f.kind, amountPence: f.amount_pence === null ? null : BigInt(f.amount_pence) })),
    );
    const expenses: Record<ExpenseHead, Pence> = { travel: 0n, subsistence: 0n, carers: 0n, coOpteeDays: 0n };
    for (const claim of claims.filter((c) => c.person_id === id)) expenses[HEAD_OF[claim.kind as ClaimKind]] += BigInt(claim.payable_pence);
    const coOpteePence = payable.coOpteePence + expenses.coOpteeDays;
    const row = {
      personId: id,
      name: displayName(people.get(id)!),
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
  rows.sort((a, b) => (people.get(a.personId)!.family_name.localeCompare(people.get(b.personId)!.family_name) || a.name.localeCompare(b.name)));

  const sum = (key: keyof Statement['totals']) => rows.reduce((total, row) => total + row[key], 0n);
  return {
    year,
    rows,
    totals: {
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

function toSchemeAmounts(adopted: Awaited<ReturnType<typeof repo.adoptedSchemeAmounts>>): SchemeAmounts[] {
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
