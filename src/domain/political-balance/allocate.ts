/**
 * Allocating seats on committees to political groups by section 15(5) of the Local Government and Housing Act 1989,
 * its four rules in their order of priority:
 *   (a) not all the seats on a body go to the same group;
 *   (b) a group with a majority of the council's members has a majority of the seats on each body;
 *   (c) subject to (a) and (b), each group's share of all the seats on the bodies the rules apply to, together, is
 *       its share of the council's members;
 *   (d) subject to (a) to (c), its share of the seats on each body is its share of the council's members.
 *
 * The method (docs/political-balance.md):
 *   1. Totals for (c): each group's entitlement to all the seats is seats × members ÷ council size, an exact
 *      fraction; whole seats by the largest remainder (Hamilton) method. Members in no group are counted together as
 *      "members in no group" and share what is left the same way.
 *   2. Bounds per body: (a) caps each group at one seat fewer than the body has (and at its own number of members);
 *      (b) gives a majority group at least a bare majority. Where a body is too small for both, (a) wins, as the
 *      statute orders them, and the table says so.
 *   3. The allocation of every body at once is a minimum-cost flow: groups supply seats, bodies take them; a seat
 *      beyond or short of a group's (c) total costs more than any difference in (d) can, so (c) is met exactly
 *      wherever (a) and (b) allow, and otherwise as nearly as they allow; among those, the sum over every body and
 *      group of |seats − entitlement| is the least possible (one unit arc per seat with convex costs makes the integer
 *      flow optimal).
 */
import { abs, add, compare, floor, fraction, subtract, type Fraction } from './fraction.ts';
import { minCostFlow, type Arc } from './min-cost-flow.ts';

export const NO_GROUP = 'no-group';

export interface BalanceGroup {
  id: string;
  name: string;
  members: number;
}

export interface BalanceBody {
  id: string;
  name: string;
  seats: number;
}

export interface BalanceInput {
  groups: BalanceGroup[];
  /** Members of the council in no political group. */
  ungroupedMembers: number;
  /** The bodies the political balance rules apply to. */
  bodies: BalanceBody[];
}

export type Rule = 'a' | 'b' | 'c' | 'd';

export interface Party {
  id: string;
  name: string;
  members: number;
  /** false for the members in no group, to whom rules (a) and (b) do not speak. */
  isGroup: boolean;
}

export interface CellAllocation {
  bodyId: string;
  partyId: string;
  /** seats × members ÷ council size. */
  entitlement: Fraction;
  seats: number;
  /** The rule that settled this figure, and why in words. */
  rule: Rule;
  reason: string;
}

export interface TotalAllocation {
  partyId: string;
  entitlement: Fraction;
  /** Whole seats the party is due across all the bodies, by the largest remainder. */
  target: number;
  seats: number;
}

export interface Allocation {
  councilSize: number;
  totalSeats: number;
  parties: Party[];
  majorityGroupId: string | null;
  totals: TotalAllocation[];
  cells: CellAllocation[];
  /** Sum over bodies and parties of |seats − entitlement|: what rule (d) minimises. */
  deviation: Fraction;
  /** Sum over parties of |seats − target|: zero unless rules (a) and (b) force otherwise. */
  totalsDeviation: number;
  /** Where a rule could not be met, in words. */
  notes: string[];
}

export class BalanceInputError extends Error {}

export function partiesOf(input: BalanceInput): Party[] {
  const parties: Party[] = input.groups.map((group) => ({ ...group, isGroup: true }));
  if (input.ungroupedMembers > 0) parties.push({ id: NO_GROUP, name: 'Members in no group', members: input.ungroupedMembers, isGroup: false });
  return parties;
}

function checkInput(input: BalanceInput): void {
  for (const group of input.groups) if (!Number.isInteger(group.members) || group.members < 0) throw new BalanceInputError(`${group.name}: the number of members must be a whole number, 0 or more`);
  if (!Number.isInteger(input.ungroupedMembers) || input.ungroupedMembers < 0) throw new BalanceInputError('the number of members in no group must be a whole number, 0 or more');
  for (const body of input.bodies) if (!Number.isInteger(body.seats) || body.seats < 1) throw new BalanceInputError(`${body.name}: the number of seats must be a whole number, 1 or more`);
  const size = input.groups.reduce((sum, group) => sum + group.members, 0) + input.ungroupedMembers;
  if (size === 0) throw new BalanceInputError('the council has no members on this date');
  const seats = input.bodies.reduce((sum, body) => sum + body.seats, 0);
  if (seats > size * Math.max(1, input.bodies.length)) throw new BalanceInputError('there are more seats than the members could fill');
}

/** Whole seats for each party out of `seats`, by the largest remainder; ties go to the larger party, then by name. */
export function largestRemainder(parties: Party[], councilSize: number, seats: number): Map<string, number> {
  const quotas = parties.map((party) => ({ party, quota: fraction(seats * party.members, councilSize) }));
  const result = new Map(quotas.map(({ party, quota }) => [party.id, Number(floor(quota))]));
  let left = seats - [...result.values()].reduce((sum, n) => sum + n, 0);
  const byRemainder = [...quotas].sort(
    (x, y) => compare(subtract(y.quota, fraction(floor(y.quota))), subtract(x.quota, fraction(floor(x.quota)))) || y.party.members - x.party.members || x.party.name.localeCompare(y.party.name),
  );
  for (const { party } of byRemainder) {
    if (left <= 0) break;
    result.set(party.id, result.get(party.id)! + 1);
    left--;
  }
  return result;
}

const nearest = (value: Fraction): number => Number(floor(add(value, fraction(1, 2))));

export function allocateSeats(input: BalanceInput): Allocation {
  checkInput(input);
  const parties = partiesOf(input);
  const councilSize = parties.reduce((sum, party) => sum + party.members, 0);
  const totalSeats = input.bodies.reduce((sum, body) => sum + body.seats, 0);
  const majority = parties.find((party) => party.isGroup && party.members * 2 > councilSize);
  const targets = largestRemainder(parties, councilSize, totalSeats);
  const notes: string[] = [];

  // Bounds for each cell: [lower, upper], with what set them.
  const bounds = input.bodies.map((body) => {
    const cells = parties.map((party) => {
      const capA = party.isGroup && body.seats >= 2 ? body.seats - 1 : body.seats;
      return { upper: Math.min(capA, party.members), upperByA: party.isGroup && body.seats >= 2 && body.seats - 1 < party.members, lower: 0, lowerByB: false };
    });
    if (cells.reduce((sum, cell) => sum + cell.upper, 0) < body.seats) {
      // Only one group could fill the body: rule (a) cannot hold, so it gives way.
      parties.forEach((party, i) => {
        cells[i]!.upper = Math.min(body.seats, party.members);
        cells[i]!.upperByA = false;
      });
      notes.push(`${body.name}: rule (a) cannot be met: no other group or member could take a seat`);
    }
    if (body.seats === 1) notes.push(`${body.name}: with one seat, all of it goes to one group; rule (a) cannot be met`);
    if (majority) {
      const i = parties.indexOf(majority);
      const bare = Math.floor(body.seats / 2) + 1;
      const cell = cells[i]!;
      if (bare > cell.upper) notes.push(`${body.name}: with ${body.seats} seats, ${majority.name} cannot have a majority without having every seat; rule (a) comes first`);
      cell.lower = Math.min(bare, cell.upper);
      cell.lowerByB = cell.lower > 0;
    }
    return cells;
  });

  // The flow network: 0 source, 1..P parties, P+1..P+B bodies, P+B+1 sink.
  const P = parties.length;
  const B = input.bodies.length;
  const sink = P + B + 1;
  const lowerOf = (p: number) => bounds.reduce((sum, cells) => sum + cells[p]!.lower, 0);
  const maxCellCost = councilSize * totalSeats;
  const BIG = maxCellCost * P * Math.max(1, B) + 1;
  const arcs: Arc[] = [];
  parties.forEach((party, p) => {
    const due = Math.max(0, targets.get(party.id)! - lowerOf(p));
    if (due > 0) arcs.push({ from: 0, to: 1 + p, capacity: due, cost: -BIG });
    arcs.push({ from: 0, to: 1 + p, capacity: totalSeats, cost: BIG });
  });
  const cellArcs: Array<{ arc: number; body: number; party: number }> = [];
  input.bodies.forEach((body, b) => {
    parties.forEach((party, p) => {
      const { lower, upper } = bounds[b]![p]!;
      const share = body.seats * party.members; // entitlement × council size
      for (let k = lower + 1; k <= upper; k++) {
        cellArcs.push({ arc: arcs.length, body: b, party: p });
        arcs.push({ from: 1 + p, to: 1 + P + b, capacity: 1, cost: Math.abs(k * councilSize - share) - Math.abs((k - 1) * councilSize - share) });
      }
    });
    arcs.push({ from: 1 + P + b, to: sink, capacity: body.seats - bounds[b]!.reduce((sum, cell) => sum + cell.lower, 0), cost: 0 });
  });
  const wanted = totalSeats - bounds.reduce((sum, cells) => sum + cells.reduce((s, cell) => s + cell.lower, 0), 0);
  const result = minCostFlow(sink + 1, arcs, 0, sink, wanted);
  if (result.flow < wanted) throw new BalanceInputError('the seats cannot all be filled by the members');

  const seats = bounds.map((cells) => cells.map((cell) => cell.lower));
  for (const { arc, body, party } of cellArcs) seats[body]![party]! += result.arcFlows[arc]!;

  const cells: CellAllocation[] = [];
  let deviation = fraction(0);
  input.bodies.forEach((body, b) => {
    parties.forEach((party, p) => {
      const entitlement = fraction(body.seats * party.members, councilSize);
      const given = seats[b]![p]!;
      deviation = add(deviation, abs(subtract(fraction(given), entitlement)));
      const bound = bounds[b]![p]!;
      const near = nearest(entitlement);
      let rule: Rule = 'd';
      let reason = 'the nearest whole number to its share of this body';
      if (bound.lowerByB && given === bound.lower && given > near) {
        rule = 'b';
        reason = `a majority group has a majority of the seats: at least ${bound.lower} of ${body.seats}`;
      } else if (bound.upperByA && given === bound.upper && given < near) {
        rule = 'a';
        reason = `not every seat may go to one group: at most ${bound.upper} of ${body.seats}`;
      } else if (given !== near) {
        rule = 'c';
        reason = `${given > near ? 'rounded up' : 'rounded down'} so that its seats on all these bodies come to ${targets.get(party.id)}`;
      }
      cells.push({ bodyId: body.id, partyId: party.id, entitlement, seats: given, rule, reason });
    });
  });

  const totals = parties.map((party, p) => ({
    partyId: party.id,
    entitlement: fraction(totalSeats * party.members, councilSize),
    target: targets.get(party.id)!,
    seats: seats.reduce((sum, row) => sum + row[p]!, 0),
  }));
  const totalsDeviation = totals.reduce((sum, total) => sum + Math.abs(total.seats - total.target), 0);
  for (const total of totals) {
    if (total.seats !== total.target) {
      const party = parties.find((candidate) => candidate.id === total.partyId)!;
      notes.push(`${party.name}: ${total.seats} seats in all, not the ${total.target} its share would give, because rules (a) and (b) come first`);
    }
  }
  return { councilSize, totalSeats, parties, majorityGroupId: majority?.id ?? null, totals, cells, deviation, totalsDeviation, notes };
}
