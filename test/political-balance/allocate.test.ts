/**
 * The allocation rules of s.15(5) LGHA 1989, proved on random councils against a brute-force search, and two worked
 * examples checked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateSeats, NO_GROUP, partiesOf, type Allocation, type BalanceInput } from '../../src/domain/political-balance/allocate.ts';
import { abs, add, compare, formatFraction, fraction, subtract, type Fraction } from '../../src/domain/political-balance/fraction.ts';

const seatsOf = (allocation: Allocation, bodyId: string, partyId: string) => allocation.cells.find((cell) => cell.bodyId === bodyId && cell.partyId === partyId)!.seats;

/** Every allocation meeting (a) and (b) (as far as a body's size allows), by brute force, with its (c) and (d) deviations. */
function bruteForce(input: BalanceInput): { bestTotals: number; bestDeviation: Fraction } {
  const parties = partiesOf(input);
  const size = parties.reduce((sum, party) => sum + party.members, 0);
  const majority = parties.findIndex((party) => party.isGroup && party.members * 2 > size);
  const totalSeats = input.bodies.reduce((sum, body) => sum + body.seats, 0);
  // Targets for (c) by the largest remainder, written out again here rather than imported.
  const quotas = parties.map((party) => fraction(totalSeats * party.members, size));
  const targets = quotas.map((quota) => Number(quota.n / quota.d));
  const order = parties.map((_, i) => i).sort((x, y) => compare(subtract(quotas[y]!, fraction(targets[y]!)), subtract(quotas[x]!, fraction(targets[x]!))) || parties[y]!.members - parties[x]!.members || parties[x]!.name.localeCompare(parties[y]!.name));
  let left = totalSeats - targets.reduce((sum, n) => sum + n, 0);
  for (const i of order) if (left-- > 0) targets[i]!++;

  const options = input.bodies.map((body) => {
    const caps = parties.map((party) => Math.min(party.members, party.isGroup && body.seats >= 2 ? body.seats - 1 : body.seats));
    const aPossible = caps.reduce((sum, cap) => sum + cap, 0) >= body.seats;
    const cap = (i: number) => (aPossible ? caps[i]! : Math.min(parties[i]!.members, body.seats));
    const rows: number[][] = [];
    const walk = (i: number, left: number, row: number[]) => {
      if (i === parties.length) {
        if (left === 0) rows.push([...row]);
        return;
      }
      for (let k = 0; k <= Math.min(left, cap(i)); k++) walk(i + 1, left - k, [...row, k]);
    };
    walk(0, body.seats, []);
    const bare = Math.min(Math.floor(body.seats / 2) + 1, majority >= 0 ? cap(majority) : 0);
    return rows.filter((row) => majority < 0 || row[majority]! >= bare);
  });
  let bestTotals = Infinity;
  let bestDeviation: Fraction = fraction(10n ** 9n);
  const choose = (b: number, chosen: number[][]) => {
    if (b === input.bodies.length) {
      const totals = parties.map((_, p) => chosen.reduce((sum, row) => sum + row[p]!, 0));
      const totalsDeviation = totals.reduce((sum, total, p) => sum + Math.abs(total - targets[p]!), 0);
      let deviation = fraction(0);
      chosen.forEach((row, i) => row.forEach((seats, p) => (deviation = add(deviation, abs(subtract(fraction(seats), fraction(input.bodies[i]!.seats * parties[p]!.members, size)))))));
      if (totalsDeviation < bestTotals || (totalsDeviation === bestTotals && compare(deviation, bestDeviation) < 0)) {
        bestTotals = totalsDeviation;
        bestDeviation = deviation;
      }
      return;
    }
    for (const row of options[b]!) choose(b + 1, [...chosen, row]);
  };
  choose(0, []);
  return { bestTotals, bestDeviation };
}

function meetsRulesAAndB(input: BalanceInput, allocation: Allocation): void {
  const majority = allocation.majorityGroupId;
  for (const body of input.bodies) {
    const groupsWithMembers = allocation.parties.filter((party) => party.members > 0);
    const filled = allocation.cells.filter((cell) => cell.bodyId === body.id).reduce((sum, cell) => sum + cell.seats, 0);
    expect(filled).toBe(body.seats);
    const others = (id: string) => groupsWithMembers.filter((party) => party.id !== id).reduce((sum, party) => sum + Math.min(party.members, body.seats), 0);
    for (const party of allocation.parties) {
      const seats = seatsOf(allocation, body.id, party.id);
      expect(seats).toBeLessThanOrEqual(party.members);
      // (a): no group has every seat, wherever anyone else could take one.
      if (party.isGroup && body.seats >= 2 && others(party.id) >= 1) expect(seats).toBeLessThan(body.seats);
    }
    // (b): the majority group has a majority, unless that would take every seat (then (a) comes first).
    if (majority) {
      const bare = Math.floor(body.seats / 2) + 1;
      const seats = seatsOf(allocation, body.id, majority);
      if (body.seats === 1 || bare < body.seats || others(majority) === 0) expect(seats).toBeGreaterThanOrEqual(Math.min(bare, body.seats));
      else expect(seats).toBe(body.seats - 1);
    }
  }
}

const smallCouncil = fc.record({
  groups: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
  ungrouped: fc.integer({ min: 0, max: 2 }),
  seats: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
});

const largeCouncil = fc.record({
  groups: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 6 }),
  ungrouped: fc.integer({ min: 0, max: 5 }),
  seats: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 12 }),
});

function councilOf({ groups, ungrouped, seats }: { groups: number[]; ungrouped: number; seats: number[] }): BalanceInput {
  return {
    groups: groups.map((members, i) => ({ id: `g${i}`, name: `Group ${i}`, members })),
    ungroupedMembers: ungrouped,
    bodies: seats.map((n, i) => ({ id: `b${i}`, name: `Body ${i}`, seats: n })),
  };
}

const fillable = (input: BalanceInput) => {
  const size = input.groups.reduce((sum, group) => sum + group.members, 0) + input.ungroupedMembers;
  return size > 0 && input.bodies.every((body) => body.seats <= size);
};

describe('political balance: the rules on random councils', () => {
  it('meets (a) and (b), meets (c) exactly wherever any allocation can, and no allocation meeting (a)-(c) deviates less from (d)', () => {
    fc.assert(
      fc.property(smallCouncil.map(councilOf).filter(fillable), (input) => {
        const allocation = allocateSeats(input);
        meetsRulesAAndB(input, allocation);
        const best = bruteForce(input);
        expect(allocation.totalsDeviation).toBe(best.bestTotals);
        if (best.bestTotals === 0) for (const total of allocation.totals) expect(total.seats).toBe(total.target);
        expect(formatFraction(allocation.deviation)).toBe(formatFraction(best.bestDeviation));
      }),
      { numRuns: 300, seed: 20111 },
    );
  });

  it('meets (a), (b) and the (c) totals on larger councils', () => {
    fc.assert(
      fc.property(largeCouncil.map(councilOf).filter(fillable), (input) => {
        const allocation = allocateSeats(input);
        meetsRulesAAndB(input, allocation);
        expect(allocation.cells.every((cell) => Number.isInteger(cell.seats) && cell.seats >= 0)).toBe(true);
        // Without a majority group there is nothing to stop (c) being met exactly.
        if (!allocation.majorityGroupId && allocation.notes.length === 0) expect(allocation.totalsDeviation).toBe(0);
      }),
      { numRuns: 300, seed: 1989 },
    );
  });
});

describe('political balance: worked examples', () => {
  it('a large majority group and two small groups', () => {
    // Council of 84: A 74, B 7, C 3. Bodies: Planning 13, Scrutiny 12, Pensions 6; 31 seats in all.
    // (c) entitlements to the 31 seats: A 31×74/84 = 27 13/42, B 31×7/84 = 2 7/12, C 31×3/84 = 1 3/28.
    //     Whole parts 27 + 2 + 1 = 30; the one seat left goes to the largest remainder, B's 7/12: A 27, B 3, C 1.
    // (d) per body: Planning A 11 19/42, B 1 1/12, C 13/28; Scrutiny A 10 4/7, B 1, C 3/7; Pensions A 5 2/7, B 1/2, C 3/14.
    // (a) caps A at 12, 11 and 5; (b) gives A at least 7, 7 and 4. Nearest whole numbers: A 11, 11, 5 (= 27, its
    // total); B 1, 1, 1 (= 3); C 0, 0, 0, one short of its 1. Planning then has 12 of its 13 seats filled, and the
    // 13th can only go to C without breaking (c): C takes a seat on Planning by rule (c).
    const input: BalanceInput = {
      groups: [
        { id: 'a', name: 'A', members: 74 },
        { id: 'b', name: 'B', members: 7 },
        { id: 'c', name: 'C', members: 3 },
      ],
      ungroupedMembers: 0,
      bodies: [
        { id: 'planning', name: 'Planning', seats: 13 },
        { id: 'scrutiny', name: 'Scrutiny', seats: 12 },
        { id: 'pensions', name: 'Pensions', seats: 6 },
      ],
    };
    const allocation = allocateSeats(input);
    expect(allocation.majorityGroupId).toBe('a');
    expect(allocation.totals.map((total) => [total.partyId, formatFraction(total.entitlement), total.target, total.seats])).toEqual([
      ['a', '27 13/42', 27, 27],
      ['b', '2 7/12', 3, 3],
      ['c', '1 3/28', 1, 1],
    ]);
    const table = Object.fromEntries(input.bodies.map((body) => [body.id, input.groups.map((group) => seatsOf(allocation, body.id, group.id))]));
    expect(table).toEqual({ planning: [11, 1, 1], scrutiny: [11, 1, 0], pensions: [5, 1, 0] });
    const cPlanning = allocation.cells.find((cell) => cell.bodyId === 'planning' && cell.partyId === 'c')!;
    expect([formatFraction(cPlanning.entitlement), cPlanning.rule]).toEqual(['13/28', 'c']);
    expect(cPlanning.reason).toBe('rounded up so that its seats on all these bodies come to 1');
    expect(allocation.notes).toEqual([]);
  });

  it('a body too small to satisfy (d), and one too small for (b) without breaking (a)', () => {
    // Council of 10: A 5, B 3, C 2; one Appeals Panel of 2 seats. Shares of it: A 1, B 3/5, C 2/5.
    // (c) on 2 seats: whole parts A 1, B 0, C 0; the seat left goes to the larger remainder, B's 3/5: A 1, B 1, C 0.
    // C's share, 2/5 of a seat, cannot be given: (d) is met only as nearly as whole seats allow.
    const small = allocateSeats({
      groups: [
        { id: 'a', name: 'A', members: 5 },
        { id: 'b', name: 'B', members: 3 },
        { id: 'c', name: 'C', members: 2 },
      ],
      ungroupedMembers: 0,
      bodies: [{ id: 'appeals', name: 'Appeals Panel', seats: 2 }],
    });
    expect(['a', 'b', 'c'].map((id) => seatsOf(small, 'appeals', id))).toEqual([1, 1, 0]);
    expect(formatFraction(small.deviation)).toBe('4/5'); // |1−1| + |1−3/5| + |0−2/5|
    // Council of 9: A 5 (a majority), B 4; a panel of 2. (b) would give A both seats; (a) forbids it and comes first.
    const tied = allocateSeats({ groups: [{ id: 'a', name: 'A', members: 5 }, { id: 'b', name: 'B', members: 4 }], ungroupedMembers: 0, bodies: [{ id: 'panel', name: 'Panel', seats: 2 }] });
    expect(['a', 'b'].map((id) => seatsOf(tied, 'panel', id))).toEqual([1, 1]);
    expect(tied.notes).toContain('Panel: with 2 seats, A cannot have a majority without having every seat; rule (a) comes first');
  });

  it('gives members in no group what is left, and refuses impossible input with a clear message', () => {
    const allocation = allocateSeats({ groups: [{ id: 'a', name: 'A', members: 6 }, { id: 'b', name: 'B', members: 3 }], ungroupedMembers: 1, bodies: [{ id: 'x', name: 'X', seats: 10 }] });
    expect(['a', 'b', NO_GROUP].map((id) => seatsOf(allocation, 'x', id))).toEqual([6, 3, 1]);
    expect(() => allocateSeats({ groups: [{ id: 'a', name: 'A', members: 0 }], ungroupedMembers: 0, bodies: [] })).toThrow('the council has no members on this date');
    expect(() => allocateSeats({ groups: [{ id: 'a', name: 'A', members: 3 }], ungroupedMembers: 0, bodies: [{ id: 'x', name: 'X', seats: 0 }] })).toThrow('X: the number of seats must be a whole number, 1 or more');
  });
});
