/**
 * Entitlements: basic allowance, Special Responsibility Allowances and co-optees' annual allowances accrue per day,
 * so a post held for part of the year is paid for the days held (Regulation 4(2)(b), 5(3)). Where the scheme in force
 * pays no member more than one SRA, on each day the highest-paid post held is payable and any other is shown as not
 * payable. A member may forgo all or part of an entitlement (Regulation 13).
 */
import { addDays, allowanceYear, allowanceYearOf, clip, daysInclusive, type Period } from './dates.ts';
import { mulDivRound, type Pence } from './money.ts';

export type EntitlementKind = 'basic' | 'sra' | 'co-optee';

export interface Holding {
  id: string;
  kind: EntitlementKind;
  /** "Cabinet Members", "Basic allowance". */
  name: string;
  annualPence: Pence;
  start: string;
  end: string | null;
  /**
   * The scheme in force pays no member more than one SRA (a rule many schemes make; the 2003 Regulations do not).
   * Holdings split by scheme carry their scheme's rule; left out, it holds.
   */
  oneSraOnly?: boolean;
}

export interface AccruedEntitlement {
  holdingId: string;
  kind: EntitlementKind;
  name: string;
  annualPence: Pence;
  /** Days held within the year. */
  daysHeld: number;
  /** Days on which this entitlement was payable (for an SRA: the highest held that day). */
  daysPayable: number;
  accruedPence: Pence;
  /** Why part or all is not payable, when it is not. */
  notPayableReason?: string;
}

/** `annual` for `days` of a year of `yearDays` days, to the nearest penny. */
export function proRata(annualPence: Pence, days: number, yearDays: number): Pence {
  return mulDivRound(annualPence, BigInt(days), BigInt(yearDays));
}

/**
 * What each holding accrues in `year`. SRAs are compared day by day: the day's highest annual amount is payable
 * (ties go to the post held first, then the earlier id, so the choice is stable).
 */
export function accrue(holdings: Holding[], year: Period): AccruedEntitlement[] {
  const yearDays = daysInclusive(year.start, year.end);
  const clipped = holdings.map((holding) => ({ holding, range: clip(holding, year) }));
  const payableDays = new Map<string, number>();
  const beatenBy = new Map<string, Set<string>>();

  const sras = clipped.filter((entry) => entry.holding.kind === 'sra' && entry.range);
  // Break the year at every start and day after an end: within a stretch the set of posts held does not change.
  const points = new Set<string>();
  for (const { range } of sras) {
    points.add(range!.start);
    points.add(addDays(range!.end, 1));
  }
  const sorted = [...points].sort();
  for (let index = 0; index < sorted.length - 1; index++) {
    const start = sorted[index]!;
    const end = addDays(sorted[index + 1]!, -1);
    const held = sras.filter(({ range }) => range!.start <= start && range!.end >= end).map(({ holding }) => holding);
    if (held.length === 0) continue;
    if (held.every((holding) => holding.oneSraOnly === false)) {
      // The scheme in force allows more than one: every post held is paid.
      for (const holding of held) payableDays.set(holding.id, (payableDays.get(holding.id) ?? 0) + daysInclusive(start, end));
      continue;
    }
    const paid = [...held].sort((a, b) =>
      b.annualPence > a.annualPence ? 1 : b.annualPence < a.annualPence ? -1 : a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
    )[0]!;
    payableDays.set(paid.id, (payableDays.get(paid.id) ?? 0) + daysInclusive(start, end));
    for (const other of held) {
      if (other.id === paid.id) continue;
      const set = beatenBy.get(other.id) ?? new Set<string>();
      set.add(paid.name);
      beatenBy.set(other.id, set);
    }
  }

  return clipped
    .filter((entry) => entry.range)
    .map(({ holding, range }) => {
      const daysHeld = daysInclusive(range!.start, range!.end);
      const daysPayable = holding.kind === 'sra' ? (payableDays.get(holding.id) ?? 0) : daysHeld;
      const result: AccruedEntitlement = {
        holdingId: holding.id,
        kind: holding.kind,
        name: holding.name,
        annualPence: holding.annualPence,
        daysHeld,
        daysPayable,
        accruedPence: proRata(holding.annualPence, daysPayable, yearDays),
      };
      const beaten = beatenBy.get(holding.id);
      if (beaten && daysPayable < daysHeld) {
        result.notPayableReason = `No member receives more than one Special Responsibility Allowance: the higher (${[...beaten].join(', ')}) is paid for ${daysHeld - daysPayable} of the ${daysHeld} days held`;
      }
      return result;
    });
}

export interface Forgone {
  kind: EntitlementKind | 'all';
  /** null: the whole entitlement. */
  amountPence: Pence | null;
}

export interface PayableTotals {
  basicPence: Pence;
  sraPence: Pence;
  coOpteePence: Pence;
  forgonePence: Pence;
}

/**
 * Totals after what the member has forgone. A part forgone comes off its own kind and never below nothing; "all"
 * with no amount forgoes every entitlement.
 */
export function applyForgone(accrued: AccruedEntitlement[], forgone: Forgone[]): PayableTotals {
  const totals: Record<EntitlementKind, Pence> = { basic: 0n, sra: 0n, 'co-optee': 0n };
  for (const entry of accrued) totals[entry.kind] += entry.accruedPence;
  let forgonePence = 0n;
  const take = (kind: EntitlementKind, amount: Pence | null) => {
    const available = totals[kind];
    const taken = amount === null || amount > available ? available : amount;
    totals[kind] -= taken;
    forgonePence += taken;
    return taken;
  };
  for (const entry of forgone) {
    if (entry.kind !== 'all') {
      take(entry.kind, entry.amountPence);
      continue;
    }
    let left = entry.amountPence;
    for (const kind of ['basic', 'sra', 'co-optee'] as const) {
      const taken = take(kind, left);
      if (left !== null) left -= taken;
      if (left === 0n) break;
    }
  }
  return { basicPence: totals.basic, sraPence: totals.sra, coOpteePence: totals['co-optee'], forgonePence };
}

export interface HolderRange {
  start: string;
  end: string | null;
}

/**
 * Whether one more holder from `candidate.start` to `candidate.end` keeps the post within its maximum on every
 * day. Returns the first date on which the maximum would be exceeded, or undefined when it fits.
 */
export function exceedsMaxHolders(existing: HolderRange[], candidate: HolderRange, maxHolders: number | null): string | undefined {
  if (maxHolders === null) return undefined;
  const within = (range: HolderRange, date: string) => range.start <= date && (range.end === null || range.end >= date);
  // The count only rises where a holding starts, so checking the candidate's start and every later start suffices.
  const dates = [candidate.start, ...existing.map((range) => range.start).filter((start) => within(candidate, start))].sort();
  for (const date of dates) {
    const count = existing.filter((range) => within(range, date)).length + 1;
    if (count > maxHolders) return date;
  }
  return undefined;
}

/**
 * What a member's allowances come to from their first day up to and including `upTo`, after what they forgo: each
 * allowances year's days pro rata of that whole year (as accrue), the year of `upTo` only up to it. A payment run pays
 * this less what was already paid.
 */
export function payableTo(holdings: Holding[], forgone: Array<Forgone & { yearStart: string }>, upTo: string): PayableTotals {
  const totals: PayableTotals = { basicPence: 0n, sraPence: 0n, coOpteePence: 0n, forgonePence: 0n };
  const started = holdings
    .filter((holding) => holding.start <= upTo)
    .map((holding) => ({ ...holding, end: holding.end === null || holding.end > upTo ? upTo : holding.end }));
  if (started.length === 0) return totals;
  const first = Number(allowanceYearOf(started.reduce((min, holding) => (holding.start < min ? holding.start : min), upTo)).start.slice(0, 4));
  const last = Number(allowanceYearOf(upTo).start.slice(0, 4));
  for (let startYear = first; startYear <= last; startYear++) {
    const year = allowanceYear(startYear);
    const payable = applyForgone(
      accrue(started, year),
      forgone.filter((entry) => entry.yearStart === year.start),
    );
    totals.basicPence += payable.basicPence;
    totals.sraPence += payable.sraPence;
    totals.coOpteePence += payable.coOpteePence;
    totals.forgonePence += payable.forgonePence;
  }
  return totals;
}
