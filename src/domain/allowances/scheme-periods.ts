/**
 * An allowance is paid at the rate of the scheme in force on each day, not the scheme the member was appointed
 * under: when the Council adopts a new scheme for a year (the Panel's 2011/12 reductions), a holding that spans the
 * change is paid at the old rate before it and the new rate during it. This splits holdings at those changes.
 */
import { addDays } from './dates.ts';
import type { Holding } from './entitlements.ts';
import type { Pence } from './money.ts';

/** An adopted scheme's period and amounts: the basic allowance, SRA posts by name, co-optees' annual rates by role. */
export interface SchemeAmounts {
  id: string;
  /** The day it takes effect: the start of its period, or later when adopted part-way through (Regulation 10(3)). */
  from: string;
  to: string | null;
  basicPence: Pence;
  posts: Map<string, Pence>;
  coOptees: Map<string, Pence>;
  /** Its rule that no member receives more than one SRA. */
  oneSraOnly: boolean;
}

/** A holding and what identifies it across schemes: the post's name or the co-optee's role. */
export type KeyedHolding = Holding & { key: string };

const OPEN_END = '9999-12-31';

/** The scheme in force on `date`: the latest to start on or before it that has not ended (as findSchemeInForce). */
export function schemeInForce(schemes: SchemeAmounts[], date: string): SchemeAmounts | undefined {
  return schemes.filter((scheme) => scheme.from <= date && (scheme.to === null || scheme.to >= date)).sort((a, b) => b.from.localeCompare(a.from))[0];
}

function amountIn(scheme: SchemeAmounts | undefined, holding: KeyedHolding): Pence {
  if (!scheme) return holding.annualPence;
  if (holding.kind === 'basic') return scheme.basicPence;
  const amount = holding.kind === 'sra' ? scheme.posts.get(holding.key) : scheme.coOptees.get(holding.key);
  // A post the new scheme does not name keeps the amount it was appointed at.
  return amount ?? holding.annualPence;
}

/** Each holding split where the scheme in force changes its annual amount; one piece keeps the holding's id. */
export function splitBySchemes(holdings: KeyedHolding[], schemes: SchemeAmounts[]): Holding[] {
  const changes = new Set<string>();
  for (const scheme of schemes) {
    changes.add(scheme.from);
    if (scheme.to !== null) changes.add(addDays(scheme.to, 1));
  }
  const sorted = [...changes].sort();
  return holdings.flatMap((holding) => {
    const end = holding.end ?? OPEN_END;
    const starts = [holding.start, ...sorted.filter((date) => date > holding.start && date <= end)];
    const pieces: Holding[] = [];
    starts.forEach((start, index) => {
      const pieceEnd = index + 1 < starts.length ? addDays(starts[index + 1]!, -1) : end;
      const scheme = schemeInForce(schemes, start);
      const annualPence = amountIn(scheme, holding);
      const oneSraOnly = scheme?.oneSraOnly ?? true;
      const last = pieces.at(-1);
      if (last && last.annualPence === annualPence && last.oneSraOnly === oneSraOnly) last.end = pieceEnd;
      else pieces.push({ id: holding.id, kind: holding.kind, name: holding.name, annualPence, start, end: pieceEnd, oneSraOnly });
    });
    for (const piece of pieces) if (piece.end === OPEN_END) piece.end = null;
    return pieces.length === 1 ? pieces : pieces.map((piece, index) => ({ ...piece, id: `${holding.id}#${index + 1}` }));
  });
}
