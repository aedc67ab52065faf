/**
 * Allocating seats to political groups as the Local Government and Housing Act 1989 (s.15 and Schedule 1) and the
 * Local Government (Committees and Political Groups) Regulations 1990 (SI 1990/1553) require. The principles of
 * s.15(5), each subject to the ones before it:
 *   (a) not all the seats on a body go to the same political group;
 *   (b) a group with a majority of the authority's membership has a majority of the seats on each body;
 *   (c) each group's share of all the seats on the authority's ORDINARY COMMITTEES together is its share of the
 *       membership (sub-committees, advisory committees and other bodies are not counted in it);
 *   (d) each group's share of the seats on each body is its share of the membership.
 * And around them:
 *   - a political group needs at least two members: one of fewer ceases to be a group (reg 8(2)), and its member
 *     counts among the members in no group;
 *   - members in no group are not a group: the seats left after the groups' allocations go to them (reg 16, which
 *     modifies ss.15 and 16 where some members are in groups and others are not); (a) and (b) do not speak to them;
 *   - the rules apply to ordinary committees and sub-committees, advisory committees and their sub-committees, and to
 *     the other bodies of Sch.1 para 2 (joint committees, outside bodies) only where the authority fills at least three
 *     of their seats (Sch.1 para 1(c));
 *   - the membership is the persons who are members for the time being (Sch.1 para 4): a vacancy is not counted.
 *
 * The method (docs/political-balance.md): entitlements are exact fractions (seats × members ÷ membership). The
 * ordinary committees are allocated together as one minimum-cost flow: a group's seats on them all cost
 * BIG × |total − exact share| (rule (c), measured against the exact share, not a rounded target), and each group's
 * seats on each body cost |seats − exact share| (rule (d)); BIG is larger than any difference (d) can make, so (c) is
 * decided first. (a) and (b) are bounds on each figure. Members in no group cost nothing: they take what the groups'
 * shares leave. Every other body is allocated on its own the same way without (c). Where the rules leave more than one
 * allocation equally good, the figures that could differ are flagged as ties for the council to decide (ties.ts);
 * nothing is settled by the groups' names.
 */
import { abs, add, compare, formatFraction, fraction, subtract, type Fraction } from './fraction.ts';
import { minCostFlow, type Arc } from './min-cost-flow.ts';
import { openVariables, type MarginalArc } from './ties.ts';

export const NO_GROUP = 'no-group';

/** What a body is, as Schedule 1 sorts them. Only ordinary committees count towards rule (c). */
export const BODY_KINDS = ['committee', 'sub-committee', 'advisory-committee', 'joint-committee', 'outside-body'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

const BODY_KIND_NAMES: Record<BodyKind, string> = {
  committee: 'ordinary committee',
  'sub-committee': 'sub-committee',
  'advisory-committee': 'advisory committee',
  'joint-committee': 'joint committee',
  'outside-body': 'outside body',
};

/** Schedule 1 para 1(c): bodies of para 2 are within the rules only with at least three seats the authority fills. */
const THREE_SEAT_KINDS: readonly BodyKind[] = ['joint-committee', 'outside-body'];

export interface BalanceGroup {
  id: string;
  name: string;
  members: number;
}

export interface BalanceBody {
  id: string;
  name: string;
  /** Seats the authority fills. */
  seats: number;
  kind: BodyKind;
}

export interface BalanceInput {
  groups: BalanceGroup[];
  /** Members of the council in no political group. */
  ungroupedMembers: number;
  /** Seats on the council with no member: not part of the membership (Sch.1 para 4). */
  vacancies?: number;
  bodies: BalanceBody[];
}

/** The principle that settled a figure: (a) to (d) of s.15(5), or reg 16 for the members in no group. */
export type Rule = 'a' | 'b' | 'c' | 'd' | 'reg16';

export interface Party {
  id: string;
  name: string;
  members: number;
  /** false for the members in no group. */
  isGroup: boolean;
}

export interface CellAllocation {
  bodyId: string;
  partyId: string;
  /** seats × members ÷ membership. */
  entitlement: Fraction;
  seats: number;
  rule: Rule;
  reason: string;
  /** The rules allow another figure here just as well: the council decides. */
  tied: boolean;
}

export interface BodyAllocation extends BalanceBody {
  /** Whether the rules apply to it; when not, why. */
  applies: boolean;
  why?: string;
}

export interface TotalAllocation {
  partyId: string;
  /** Exact share of all the seats on the ordinary committees (rule (c)). */
  entitlement: Fraction;
  /** Seats on the ordinary committees. */
  seats: number;
  /** Seats on every body the rules apply to. */
  allSeats: number;
}

export interface Tie {
  bodyIds: string[];
  partyIds: string[];
  text: string;
}

export interface Allocation {
  /** The membership: members of groups and members in no group, vacancies not counted. */
  councilSize: number;
  /** Seats on the ordinary committees, the total rule (c) shares out. */
  ordinarySeats: number;
  /** Seats on every body the rules apply to. */
  totalSeats: number;
  parties: Party[];
  majorityGroupId: string | null;
  bodies: BodyAllocation[];
  totals: TotalAllocation[];
  cells: CellAllocation[];
  /** Sum over bodies and groups of |seats − entitlement|: what rule (d) minimises. */
  deviation: Fraction;
  ties: Tie[];
  /** What the rules did that a reader should know, in words. */
  notes: string[];
}

export class BalanceInputError extends Error {}

function checkInput(input: BalanceInput): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  for (const group of input.groups)
    if (!whole(group.members)) throw new BalanceInputError(`${group.name}: the number of members must be a whole number, 0 or more`);
  if (!whole(input.ungroupedMembers)) throw new BalanceInputError('the number of members in no group must be a whole number, 0 or more');
  if (input.vacancies !== undefined && !whole(input.vacancies)) throw new BalanceInputError('the number of vacancies must be a whole number, 0 or more');
  for (const body of input.bodies) {
    if (!Number.isInteger(body.seats) || body.seats < 1) throw new BalanceInputError(`${body.name}: the number of seats must be a whole number, 1 or more`);
    if (!BODY_KINDS.includes(body.kind)) throw new BalanceInputError(`${body.name}: the kind must be one of ${BODY_KINDS.join(', ')}`);
  }
  const names = new Set<string>();
  for (const group of input.groups) {
    if (names.has(group.name)) throw new BalanceInputError(`${group.name}: two groups have this name`);
    names.add(group.name);
  }
  const bodyNames = new Set<string>();
  for (const body of input.bodies) {
    if (bodyNames.has(body.name)) throw new BalanceInputError(`${body.name}: two bodies have this name`);
    bodyNames.add(body.name);
  }
}

/** Groups of two or more members; a "group" of one counts with the members in no group (reg 8(2)). */
export function partiesOf(input: Pick<BalanceInput, 'groups' | 'ungroupedMembers'>): { parties: Party[]; notes: string[] } {
  const notes: string[] = [];
  let ungrouped = input.ungroupedMembers;
  const parties: Party[] = [];
  for (const group of input.groups) {
    if (group.members >= 2) parties.push({ ...group, isGroup: true });
    else if (group.members === 1) {
      ungrouped += 1;
      notes.push(`${group.name} has one member: a political group needs at least two (regulation 8(2)), so its member counts among the members in no group`);
    }
  }
  if (ungrouped > 0) parties.push({ id: NO_GROUP, name: 'Members in no group', members: ungrouped, isGroup: false });
  return { parties, notes };
}

interface Bound {
  lower: number;
  upper: number;
  /** Rule (a) held the upper bound below what the party's members could fill. */
  upperByA: boolean;
  /** Rule (b) set the lower bound. */
  lowerByB: boolean;
}

interface Solved {
  seats: number[][];
  openCells: Set<string>;
  openTotals: Set<number>;
}

/**
 * The least-cost allocation of a set of bodies (one row of bounds per body, one column per party), with rule (c)
 * over their total when `withTotals`, and the figures that another equally good allocation would change.
 */
function solve(bodies: BalanceBody[], parties: Party[], councilSize: number, bounds: Bound[][], withTotals: boolean): Solved {
  const P = parties.length;
  const B = bodies.length;
  const S = bodies.reduce((sum, body) => sum + body.seats, 0);
  const BIG = 2 * S * councilSize + 1;
  // Marginal costs, scaled by the council size so that they are whole numbers.
  const cellCost = (b: number, p: number, k: number) => {
    if (!parties[p]!.isGroup) return 0;
    const share = bodies[b]!.seats * parties[p]!.members;
    return Math.abs(k * councilSize - share) - Math.abs((k - 1) * councilSize - share);
  };
  const totalCost = (p: number, k: number) => {
    if (!withTotals || !parties[p]!.isGroup) return 0;
    const share = S * parties[p]!.members;
    return BIG * (Math.abs(k * councilSize - share) - Math.abs((k - 1) * councilSize - share));
  };
  const lowerTotal = (p: number) => bounds.reduce((sum, row) => sum + row[p]!.lower, 0);
  const upperTotal = (p: number) => bounds.reduce((sum, row) => sum + row[p]!.upper, 0);

  // Network: 0 source, 1..P parties, P+1..P+B bodies, P+B+1 sink.
  const sink = P + B + 1;
  const arcs: Arc[] = [];
  parties.forEach((_, p) => {
    if (withTotals && parties[p]!.isGroup)
      for (let k = lowerTotal(p) + 1; k <= upperTotal(p); k++) arcs.push({ from: 0, to: 1 + p, capacity: 1, cost: totalCost(p, k) });
    else if (upperTotal(p) > lowerTotal(p)) arcs.push({ from: 0, to: 1 + p, capacity: upperTotal(p) - lowerTotal(p), cost: 0 });
  });
  const cellArcs: Array<{ arc: number; b: number; p: number }> = [];
  bodies.forEach((body, b) => {
    parties.forEach((_, p) => {
      const { lower, upper } = bounds[b]![p]!;
      for (let k = lower + 1; k <= upper; k++) {
        cellArcs.push({ arc: arcs.length, b, p });
        arcs.push({ from: 1 + p, to: 1 + P + b, capacity: 1, cost: cellCost(b, p, k) });
      }
    });
    arcs.push({ from: 1 + P + b, to: sink, capacity: body.seats - bounds[b]!.reduce((sum, bound) => sum + bound.lower, 0), cost: 0 });
  });
  const wanted = S - bounds.reduce((sum, row) => sum + row.reduce((s, bound) => s + bound.lower, 0), 0);
  const result = minCostFlow(sink + 1, arcs, 0, sink, wanted);
  if (result.flow < wanted) throw new BalanceInputError('the seats cannot all be filled by the members');
  const seats = bounds.map((row) => row.map((bound) => bound.lower));
  for (const { arc, b, p } of cellArcs) seats[b]![p]! += result.arcFlows[arc]!;

  // The allocation's marginal arcs (the sink is full and takes no part in a cycle).
  const marginal: MarginalArc[] = [];
  parties.forEach((_, p) => {
    const total = seats.reduce((sum, row) => sum + row[p]!, 0);
    if (total < upperTotal(p)) marginal.push({ from: 0, to: 1 + p, cost: totalCost(p, total + 1), variable: `t${p}` });
    if (total > lowerTotal(p)) marginal.push({ from: 1 + p, to: 0, cost: -totalCost(p, total), variable: `t${p}` });
  });
  bodies.forEach((_, b) => {
    parties.forEach((_, p) => {
      const x = seats[b]![p]!;
      const { lower, upper } = bounds[b]![p]!;
      if (x < upper) marginal.push({ from: 1 + p, to: 1 + P + b, cost: cellCost(b, p, x + 1), variable: `${b}:${p}` });
      if (x > lower) marginal.push({ from: 1 + P + b, to: 1 + p, cost: -cellCost(b, p, x), variable: `${b}:${p}` });
    });
  });
  const open = openVariables(P + B + 1, marginal);
  const openTotals = new Set<number>();
  const openCells = new Set<string>();
  for (const variable of open) {
    if (variable.startsWith('t')) {
      if (withTotals) openTotals.add(Number(variable.slice(1)));
    } else openCells.add(variable);
  }
  return { seats, openCells, openTotals };
}

const nearestWhole = (value: Fraction): number[] => {
  const whole = Number(value.n / value.d);
  const rest = subtract(value, fraction(whole));
  const half = compare(rest, fraction(1, 2));
  return half < 0 ? [whole] : half > 0 ? [whole + 1] : [whole, whole + 1];
};

const listNames = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

export function allocateSeats(input: BalanceInput): Allocation {
  checkInput(input);
  const { parties, notes } = partiesOf(input);
  const councilSize = parties.reduce((sum, party) => sum + party.members, 0);
  if (councilSize === 0) throw new BalanceInputError('the council has no members on this date');
  if (input.vacancies)
    notes.push(
      `${input.vacancies} vacant ${input.vacancies === 1 ? 'seat is' : 'seats are'} not counted: the membership is the ${councilSize} members for the time being (Schedule 1 paragraph 4)`,
    );
  const majority = parties.find((party) => party.isGroup && party.members * 2 > councilSize);

  const bodies: BodyAllocation[] = input.bodies.map((body) =>
    THREE_SEAT_KINDS.includes(body.kind) && body.seats < 3
      ? {
          ...body,
          applies: false,
          why: `the rules apply to ${/^[aeiou]/.test(BODY_KIND_NAMES[body.kind]) ? 'an' : 'a'} ${BODY_KIND_NAMES[body.kind]} only where the council fills at least three of its seats (Schedule 1 paragraph 1(c))`,
        }
      : { ...body, applies: true },
  );
  const applying = bodies.filter((body) => body.applies);
  for (const body of applying)
    if (body.seats > councilSize) throw new BalanceInputError(`${body.name}: ${body.seats} seats, more than the council’s ${councilSize} members`);

  const boundsOf = (body: BalanceBody): Bound[] => {
    const room = (party: Party) => Math.min(party.members, body.seats);
    const row = parties.map((party) => {
      const others = parties.filter((other) => other !== party).reduce((sum, other) => sum + room(other), 0);
      const capA = party.isGroup && body.seats >= 2 && others >= 1 ? body.seats - 1 : body.seats;
      return { lower: 0, upper: Math.min(capA, party.members), upperByA: capA < Math.min(body.seats, party.members), lowerByB: false };
    });
    if (row.reduce((sum, bound) => sum + bound.upper, 0) < body.seats) {
      // No one else can take enough of the seats: (a) gives way to filling them.
      row.forEach((bound, i) => Object.assign(bound, { upper: room(parties[i]!), upperByA: false }));
    }
    if (body.seats >= 2 && row.some((bound, i) => parties[i]!.isGroup && bound.upper === body.seats))
      notes.push(`${body.name}: rule (a) cannot be met: no other group or member could take a seat`);
    if (body.seats === 1 && parties.filter((party) => party.isGroup).length > 0)
      notes.push(`${body.name}: with one seat, rule (a) cannot be met if a group takes it`);
    if (majority) {
      const bound = row[parties.indexOf(majority)]!;
      const bare = Math.floor(body.seats / 2) + 1;
      if (bare > bound.upper)
        notes.push(`${body.name}: with ${body.seats} seats, ${majority.name} cannot have a majority without having every seat; rule (a) comes first`);
      bound.lower = Math.min(bare, bound.upper);
      bound.lowerByB = bound.lower > 0;
    }
    return row;
  };

  // Rule (c) couples the ordinary committees; every other body stands alone.
  const ordinary = applying.filter((body) => body.kind === 'committee');
  const ordinarySeats = ordinary.reduce((sum, body) => sum + body.seats, 0);
  const groupsOnBodies = [ordinary, ...applying.filter((body) => body.kind !== 'committee').map((body) => [body])].filter((set) => set.length > 0);
  const cells: CellAllocation[] = [];
  const ties: Tie[] = [];
  const seatsOn = new Map<string, number[]>();
  let deviation = fraction(0);

  for (const set of groupsOnBodies) {
    const withTotals = set === ordinary;
    const bounds = set.map(boundsOf);
    const solved = solve(set, parties, councilSize, bounds, withTotals);
    set.forEach((body, b) => {
      seatsOn.set(body.id, solved.seats[b]!);
      parties.forEach((party, p) => {
        const entitlement = fraction(body.seats * party.members, councilSize);
        const given = solved.seats[b]![p]!;
        const bound = bounds[b]![p]!;
        const tied = solved.openCells.has(`${b}:${p}`);
        let rule: Rule;
        let reason: string;
        if (!party.isGroup) {
          rule = 'reg16';
          reason = 'the seats left after the groups’ allocations go to members in no group (regulation 16)';
        } else {
          deviation = add(deviation, abs(subtract(fraction(given), entitlement)));
          const near = nearestWhole(entitlement);
          if (bound.lowerByB && given === bound.lower && given > Math.max(...near)) {
            rule = 'b';
            reason = `a group with a majority of the members has a majority of the seats: at least ${bound.lower} of ${body.seats}`;
          } else if (bound.upperByA && given === bound.upper && given < Math.min(...near)) {
            rule = 'a';
            reason = `not every seat may go to one group: at most ${bound.upper} of ${body.seats}`;
          } else if (near.includes(given)) {
            rule = 'd';
            reason =
              near.length === 2
                ? 'its share of this body is exactly half a seat over a whole number: either is as near'
                : 'the nearest whole number to its share of this body';
          } else if (withTotals) {
            rule = 'c';
            reason = `${given > Math.max(...near) ? 'rounded up' : 'rounded down'} so that its seats on all the ordinary committees come as near as the rules allow to its share of them`;
          } else if (majority && majority !== party) {
            rule = 'b';
            reason = `fewer than its share because rule (b) gives ${majority.name} a majority of the seats`;
          } else {
            rule = 'd';
            reason = 'as near to its share as the other groups’ shares allow';
          }
        }
        if (tied) reason += '; the rules allow another figure here just as well, so the council must decide';
        cells.push({ bodyId: body.id, partyId: party.id, entitlement, seats: given, rule, reason, tied });
      });
      const open = parties.filter((_, p) => solved.openCells.has(`${b}:${p}`));
      if (open.length >= 2) {
        ties.push({
          bodyIds: [body.id],
          partyIds: open.map((party) => party.id),
          text: `${body.name}: ${listNames(open.map((party) => party.name))} could each have a seat more or fewer with the rules met equally well; the council must decide (the table shows one of the ways)`,
        });
      }
    });
    if (solved.openTotals.size >= 2) {
      const open = [...solved.openTotals].map((p) => parties[p]!);
      ties.push({
        bodyIds: set.map((body) => body.id),
        partyIds: open.map((party) => party.id),
        text: `Ordinary committees: ${listNames(open.map((party) => party.name))} have equal claims to a seat under rule (c); the council must decide which (the table shows one of the ways)`,
      });
    }
  }

  const totals: TotalAllocation[] = parties.map((party, p) => ({
    partyId: party.id,
    entitlement: fraction(ordinarySeats * party.members, councilSize),
    seats: ordinary.reduce((sum, body) => sum + seatsOn.get(body.id)![p]!, 0),
    allSeats: applying.reduce((sum, body) => sum + seatsOn.get(body.id)![p]!, 0),
  }));
  for (const total of totals) {
    const party = parties.find((candidate) => candidate.id === total.partyId)!;
    if (!party.isGroup || ordinarySeats === 0) continue;
    if (!nearestWhole(total.entitlement).includes(total.seats))
      notes.push(
        `${party.name}: ${total.seats} seats on the ordinary committees against a share of ${formatFraction(total.entitlement)}, because rules (a) and (b) come first`,
      );
  }
  return {
    councilSize,
    ordinarySeats,
    totalSeats: applying.reduce((sum, body) => sum + body.seats, 0),
    parties,
    majorityGroupId: majority?.id ?? null,
    bodies,
    totals,
    cells,
    deviation,
    ties,
    notes,
  };
}
