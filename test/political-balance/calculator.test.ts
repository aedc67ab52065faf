/**
 * The balance calculator: councils' published allocations reproduced (test data in published-allocations.ts), the
 * JSON shapes the issue gives, and refusals that say what and where.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { balanceCalculator, calculatorProblems } from '../../src/domain/political-balance/calculator.ts';
import { PUBLISHED_ALLOCATIONS } from './published-allocations.ts';

describe('the balance calculator against councils’ published allocations', () => {
  for (const published of PUBLISHED_ALLOCATIONS) {
    it(`${published.council}, ${published.year}: ${published.document}`, () => {
      const output = balanceCalculator(published.input);
      expect(output.totals).toEqual(published.totals);
      const seats = published.input.bodies.reduce((sum, body) => sum + body.seats, 0);
      expect(Object.values(output.totals).reduce((sum, n) => sum + n, 0)).toBe(seats);
      for (const body of output.bodies)
        expect(Object.values(body.seats).reduce((sum, n) => sum + n, 0)).toBe(published.input.bodies.find((b) => b.name === body.name)!.seats);
      if (published.bodySeats) {
        // Only one answer is lawful here: no figure is tied, and each body's seats are the law's.
        expect(output.ties).toEqual([]);
        expect(Object.fromEntries(output.bodies.map((body) => [body.name, body.seats]))).toEqual(published.bodySeats);
      }
    });
  }

  it('gives the allocation per body with the rule for each figure, in the issue’s shape', () => {
    const output = balanceCalculator({
      groups: [
        { name: 'Conservative', members: 23 },
        { name: 'Labour', members: 10 },
        { name: 'Green', members: 1 },
      ],
      ungroupedMembers: 3,
      vacancies: 0,
      bodies: [
        { name: 'Planning', seats: 7, kind: 'committee' },
        { name: 'Fire Authority', seats: 2, kind: 'outside-body' },
      ],
    });
    // Membership 37: Conservative 23 (a majority), Labour 10, and 4 in no group (3, and the Green "group" of one).
    expect(output.bodies).toEqual([
      {
        name: 'Planning',
        kind: 'committee',
        seats: { Conservative: 4, Labour: 2, ungrouped: 1 },
        rules: [
          { group: 'Conservative', seats: 4, share: '4 13/37', rule: 'd', reason: 'the nearest whole number to its share of this body', tie: false },
          { group: 'Labour', seats: 2, share: '1 33/37', rule: 'd', reason: 'the nearest whole number to its share of this body', tie: false },
          {
            group: 'ungrouped',
            seats: 1,
            share: '28/37',
            rule: 'reg16',
            reason: 'the seats left after the groups’ allocations go to members in no group (regulation 16)',
            tie: false,
          },
        ],
      },
    ]);
    expect(output.totals).toEqual({ Conservative: 4, Labour: 2, ungrouped: 1 });
    expect(output.outside).toEqual([
      {
        name: 'Fire Authority',
        why: 'the rules apply to an outside body only where the council fills at least three of its seats (Schedule 1 paragraph 1(c))',
      },
    ]);
    expect(output.notes).toContain(
      'Green has one member: a political group needs at least two (regulation 8(2)), so its member counts among the members in no group',
    );
  });

  it('puts ties first in the notes, for the council to decide', () => {
    const output = balanceCalculator({
      groups: [
        { name: 'Red', members: 4 },
        { name: 'Blue', members: 4 },
      ],
      bodies: [{ name: 'Licensing', seats: 3 }],
    });
    expect(output.ties.length).toBeGreaterThan(0);
    expect(output.notes[0]).toMatch(/^Tie: Licensing: Red or Blue could each have a seat more or fewer/);
    expect(output.bodies[0]!.rules.every((rule) => rule.tie)).toBe(true);
  });

  it('refuses bad input naming the field', () => {
    const problems = (raw: unknown) => {
      try {
        balanceCalculator(raw);
      } catch (error) {
        if (error instanceof z.ZodError) return calculatorProblems(error);
        throw error;
      }
      return [];
    };
    expect(problems({ groups: [{ name: 'A', members: 2.5 }], bodies: [{ name: 'X', seats: 3, kind: 'panel' }] })).toEqual([
      'groups.0.members: members must be a whole number',
      'bodies.0.kind: kind must be one of committee, sub-committee, advisory-committee, joint-committee, outside-body',
    ]);
    expect(problems({ groups: [{ name: 'ungrouped', members: 3 }], bodies: [{ name: 'X', seats: 1 }] })).toEqual([
      'groups: "ungrouped" is where members in no group are reported: give the group another name',
    ]);
    const unknown = problems({ groups: [], bodies: [], extra: 1 });
    expect(unknown).toContain('bodies: give at least one body');
    expect(unknown.some((problem) => /^input: Unrecognized key.*extra/.test(problem))).toBe(true);
  });
});
