/**
 * The political balance table on a date: the council's groups from their memberships, the bodies the rules apply
 * to with their seats and kinds, the allocation (src/domain/political-balance), and the departures from the rules
 * the council agreed under s.17 shown against it. A "what if" is the same table with one member moved from one group
 * (or none) to another.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as queries from '../../db/queries/political-balance.ts';
import { allocateSeats, BalanceInputError, NO_GROUP, type Allocation, type BodyKind, type Rule } from '../../domain/political-balance/allocate.ts';
import { abs, compare, formatFraction, fraction, subtract } from '../../domain/political-balance/fraction.ts';
import { personName } from './person-name.ts';
import { formatShortDate } from '../../domain/dates.ts';

/** One member more in `to` and one fewer in `from` (a party id: a group's id, or NO_GROUP). */
export interface Shift {
  from: string;
  to: string;
}

export interface BalanceCell {
  partyId: string;
  seats: number;
  entitlement: string;
  rule: Rule;
  reason: string;
  /** The rules allow another figure here just as well: the council decides. */
  tied: boolean;
  /** Seats this group gives up on this body under a departure from the rules (s.17), to whom, and the vote. */
  givenUp: Array<{ personName: string; agreedOn: string; note: string; vote: string | null }>;
}

export interface BalanceRow {
  body: { id: string; name: string; slug: string; seats: number; kind: BodyKind };
  cells: BalanceCell[];
}

export interface BalanceTable {
  date: string;
  councilSize: number;
  totalSeats: number;
  /** Seats on the ordinary committees, which rule (c) shares out. */
  ordinarySeats: number;
  parties: Array<{ id: string; name: string; members: number; majority: boolean; isGroup: boolean }>;
  rows: BalanceRow[];
  /** Each party's seats on the ordinary committees against its exact share of them, and its seats on every body. */
  totals: Array<{ partyId: string; entitlement: string; seats: number; allSeats: number; nearest: boolean }>;
  /** Figures the rules leave to the council. */
  ties: string[];
  notes: string[];
  /** Bodies not in the calculation: the rules do not apply, or no seats are recorded yet. */
  outside: Array<{ id: string; name: string; why: string }>;
  /** Why there is no table, when there is none. */
  problem?: string;
}

export async function balanceTable(db: Kysely<Database>, date: string, shift?: Shift): Promise<BalanceTable> {
  const [members, groups, bodies, agreements] = await Promise.all([
    queries.membersOn(db, date),
    queries.listGroupNames(db),
    queries.bodiesWithSettings(db),
    queries.agreementsOn(db, date),
  ]);
  const counts = new Map<string, number>();
  for (const member of members) counts.set(member.groupId ?? NO_GROUP, (counts.get(member.groupId ?? NO_GROUP) ?? 0) + 1);
  if (shift) {
    counts.set(shift.from, (counts.get(shift.from) ?? 0) - 1);
    counts.set(shift.to, (counts.get(shift.to) ?? 0) + 1);
  }
  const inGroups = groups.filter((group) => (counts.get(group.id) ?? 0) > 0);
  const applying = bodies.filter((body) => body.rules_apply && body.seats);
  const outside = bodies
    .filter((body) => !(body.rules_apply && body.seats))
    .map((body) => ({ id: body.id, name: body.name, why: body.seats ? 'The balance rules do not apply to it' : 'No number of seats recorded yet' }));
  const empty = (problem: string): BalanceTable => ({
    date,
    councilSize: members.length,
    totalSeats: 0,
    ordinarySeats: 0,
    parties: [],
    rows: [],
    totals: [],
    ties: [],
    notes: [],
    outside,
    problem,
  });
  if (members.length === 0)
    return empty(`No members of the council are recorded on ${formatShortDate(date)}: add their memberships of the council or of their political groups.`);
  if (applying.length === 0) return empty('No body has its seats recorded with the balance rules applying to it.');

  let allocation: Allocation;
  try {
    allocation = allocateSeats({
      groups: inGroups.map((group) => ({ id: group.id, name: group.name, members: counts.get(group.id)! })),
      ungroupedMembers: counts.get(NO_GROUP) ?? 0,
      bodies: applying.map((body) => ({ id: body.id, name: body.name, seats: body.seats!, kind: body.balance_kind ?? 'committee' })),
    });
  } catch (error) {
    if (error instanceof BalanceInputError) return empty(error.message);
    throw error;
  }
  for (const body of allocation.bodies) if (!body.applies) outside.push({ id: body.id, name: body.name, why: `The rules do not apply to it: ${body.why}` });
  const rows = applying
    .filter((body) => allocation.bodies.find((candidate) => candidate.id === body.id)!.applies)
    .map((body) => ({
      body: { id: body.id, name: body.name, slug: body.slug, seats: body.seats!, kind: body.balance_kind ?? ('committee' as const) },
      cells: allocation.parties.map((party) => {
        const cell = allocation.cells.find((candidate) => candidate.bodyId === body.id && candidate.partyId === party.id)!;
        return {
          partyId: party.id,
          seats: cell.seats,
          entitlement: formatFraction(cell.entitlement),
          rule: cell.rule,
          reason: cell.reason,
          tied: cell.tied,
          givenUp: agreements
            .filter((agreement) => agreement.body_id === body.id && agreement.group_id === party.id)
            .map((agreement) => ({
              personName: personName(agreement),
              agreedOn: agreement.agreed_on,
              note: agreement.note,
              vote:
                agreement.votes_for === null ? null : `${agreement.votes_for} for, ${agreement.votes_against} against, ${agreement.votes_abstained} abstaining`,
            })),
        };
      }),
    }));
  return {
    date,
    councilSize: allocation.councilSize,
    totalSeats: allocation.totalSeats,
    ordinarySeats: allocation.ordinarySeats,
    parties: allocation.parties.map((party) => ({
      id: party.id,
      name: party.name,
      members: party.members,
      majority: party.id === allocation.majorityGroupId,
      isGroup: party.isGroup,
    })),
    rows,
    totals: allocation.totals.map((total) => ({
      partyId: total.partyId,
      entitlement: formatFraction(total.entitlement),
      seats: total.seats,
      allSeats: total.allSeats,
      // Within half a seat of its exact share of the ordinary committees: rule (c) met as nearly as whole seats allow.
      nearest: compare(abs(subtract(fraction(total.seats), total.entitlement)), fraction(1, 2)) <= 0,
    })),
    ties: allocation.ties.map((tie) => tie.text),
    notes: allocation.notes,
    outside,
  };
}

export interface SeatMove {
  body: string;
  party: string;
  before: number;
  after: number;
}

/** The seats that move between two tables of the same date (a body or party missing from one counts as 0). */
export function seatsThatMove(before: BalanceTable, after: BalanceTable): SeatMove[] {
  const names = new Map([...before.parties, ...after.parties].map((party) => [party.id, party.name]));
  const seats = (table: BalanceTable) =>
    new Map(table.rows.flatMap((row) => row.cells.map((cell) => [`${row.body.id}\u0000${cell.partyId}`, cell.seats] as const)));
  const was = seats(before);
  const now = seats(after);
  const bodyNames = new Map([...before.rows, ...after.rows].map((row) => [row.body.id, row.body.name]));
  const moves: SeatMove[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const [bodyId, partyId] = key.split('\u0000') as [string, string];
    const from = was.get(key) ?? 0;
    const to = now.get(key) ?? 0;
    if (from !== to) moves.push({ body: bodyNames.get(bodyId)!, party: names.get(partyId)!, before: from, after: to });
  }
  return moves.sort((x, y) => x.body.localeCompare(y.body) || x.party.localeCompare(y.party));
}

/** The party a member is in on a date, for a "member changes group" what-if. */
export async function partyOf(db: Kysely<Database>, date: string, personId: string): Promise<string | undefined> {
  const member = (await queries.membersOn(db, date)).find((candidate) => candidate.personId === personId);
  return member ? (member.groupId ?? NO_GROUP) : undefined;
}
