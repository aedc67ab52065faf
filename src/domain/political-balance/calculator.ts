/**
 * The balance calculator officers use before annual council and after a by-election: group sizes, members in no
 * group and bodies in; the allocation per body with the rule behind each figure out. The same JSON on the command
 * line (`quorum balance --input file.json`) and on the public page. No database: it is the allocation alone.
 */
import { z } from 'zod';
import { allocateSeats, BODY_KINDS, NO_GROUP, type Allocation, type Rule } from './allocate.ts';
import { formatFraction } from './fraction.ts';

/** The key members in no group (and "groups" of one member) are reported under. */
export const UNGROUPED = 'ungrouped';

const count = (what: string) =>
  z
    .number(`${what} must be a number`)
    .int(`${what} must be a whole number`)
    .min(0, `${what} must be 0 or more`)
    .max(100_000, `${what} must be 100000 or fewer`);

export const CalculatorInputSchema = z
  .object({
    groups: z
      .array(
        z
          .object({
            name: z.string('each group needs a name').trim().min(1, 'each group needs a name').max(200, 'a group name must be 200 characters or fewer'),
            members: count('members'),
          })
          .strict(),
        'groups must be a list',
      )
      .max(100, 'at most 100 groups')
      .refine((groups) => new Set(groups.map((group) => group.name)).size === groups.length, 'two groups have the same name')
      .refine(
        (groups) => groups.every((group) => group.name.toLowerCase() !== UNGROUPED),
        `"${UNGROUPED}" is where members in no group are reported: give the group another name`,
      ),
    ungroupedMembers: count('ungroupedMembers').default(0),
    vacancies: count('vacancies').default(0),
    bodies: z
      .array(
        z
          .object({
            name: z.string('each body needs a name').trim().min(1, 'each body needs a name').max(200, 'a body name must be 200 characters or fewer'),
            seats: z
              .number('seats must be a number')
              .int('seats must be a whole number')
              .min(1, 'seats must be 1 or more')
              .max(500, 'seats must be 500 or fewer'),
            kind: z.enum(BODY_KINDS, `kind must be one of ${BODY_KINDS.join(', ')}`).default('committee'),
          })
          .strict(),
        'bodies must be a list',
      )
      .min(1, 'give at least one body')
      .max(300, 'at most 300 bodies')
      .refine((bodies) => new Set(bodies.map((body) => body.name)).size === bodies.length, 'two bodies have the same name'),
  })
  .strict();
export type CalculatorInput = z.input<typeof CalculatorInputSchema>;

export interface CalculatorRule {
  group: string;
  seats: number;
  /** The exact share of this body: seats × members ÷ membership. */
  share: string;
  rule: Rule;
  reason: string;
  tie: boolean;
}

export interface CalculatorOutput {
  bodies: Array<{ name: string; kind: string; seats: Record<string, number>; rules: CalculatorRule[] }>;
  /** Seats per group on every body the rules apply to. */
  totals: Record<string, number>;
  /** Rule (c): the ordinary committees' seats, each group's exact share of them and its seats on them. */
  ordinaryCommittees: { seats: number; shares: Record<string, string>; totals: Record<string, number> };
  /** Bodies the rules do not apply to, and why. */
  outside: Array<{ name: string; why: string }>;
  /** Figures the rules leave to the council. */
  ties: string[];
  /** Everything a reader should know: ties first, then what the rules did. */
  notes: string[];
}

/** "field.path: message" lines for input the calculator refuses. */
export function calculatorProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'input'}: ${issue.message}`);
}

export function balanceCalculator(raw: unknown): CalculatorOutput {
  const input = CalculatorInputSchema.parse(raw);
  const allocation = allocateSeats({
    groups: input.groups.map((group, i) => ({ id: `group-${i}`, name: group.name, members: group.members })),
    ungroupedMembers: input.ungroupedMembers,
    vacancies: input.vacancies,
    bodies: input.bodies.map((body, i) => ({ id: `body-${i}`, name: body.name, seats: body.seats, kind: body.kind })),
  });
  return present(allocation);
}

function present(allocation: Allocation): CalculatorOutput {
  const key = (partyId: string) => (partyId === NO_GROUP ? UNGROUPED : allocation.parties.find((party) => party.id === partyId)!.name);
  const bodies = allocation.bodies
    .filter((body) => body.applies)
    .map((body) => {
      const cells = allocation.cells.filter((cell) => cell.bodyId === body.id);
      return {
        name: body.name,
        kind: body.kind,
        seats: Object.fromEntries(cells.map((cell) => [key(cell.partyId), cell.seats])),
        rules: cells.map((cell) => ({
          group: key(cell.partyId),
          seats: cell.seats,
          share: formatFraction(cell.entitlement),
          rule: cell.rule,
          reason: cell.reason,
          tie: cell.tied,
        })),
      };
    });
  const ties = allocation.ties.map((tie) => tie.text);
  const outside = allocation.bodies.filter((body) => !body.applies).map((body) => ({ name: body.name, why: body.why! }));
  return {
    bodies,
    totals: Object.fromEntries(allocation.totals.map((total) => [key(total.partyId), total.allSeats])),
    ordinaryCommittees: {
      seats: allocation.ordinarySeats,
      shares: Object.fromEntries(allocation.totals.map((total) => [key(total.partyId), formatFraction(total.entitlement)])),
      totals: Object.fromEntries(allocation.totals.map((total) => [key(total.partyId), total.seats])),
    },
    outside,
    ties,
    notes: [...ties.map((tie) => `Tie: ${tie}`), ...outside.map((body) => `${body.name}: ${body.why}`), ...allocation.notes],
  };
}
