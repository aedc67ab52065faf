/**
 * Democratic services record each body's seats, what Schedule 1 makes of it and whether the balance rules apply to
 * it, and the departures from the rules the council agrees under s.17 LGHA 1989 (a group giving up a seat on a body to
 * a member outside it), which stand only if no member voted against. Each write is one audited transaction; bad input
 * is refused with the field it concerns.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { setActor } from '../../db/actor.ts';
import type { Database } from '../../db/schema.ts';
import * as queries from '../../db/queries/political-balance.ts';
import type { BodyKind } from '../../domain/political-balance/allocate.ts';

export class BalanceSettingError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export async function bodySeatsSetter(props: { db: Kysely<Database>; actor: string; bodyId: string; seats: number; rulesApply: boolean; kind: BodyKind }): Promise<void> {
  if (!Number.isInteger(props.seats) || props.seats < 1 || props.seats > 500) throw new BalanceSettingError('seats', 'Enter the number of seats as a whole number from 1 to 500');
  await props.db.transaction().execute(async (trx) => {
    await setActor(trx, props.actor);
    const body = await queries.findBody(trx, props.bodyId);
    if (!body) throw new BalanceSettingError('bodyId', 'Choose a body');
    if (body.kind === 'council') throw new BalanceSettingError('bodyId', 'The council itself is not allocated by the balance rules');
    await queries.saveBodySettings(trx, { id: body.id, seats: props.seats, rules_apply: props.rulesApply, kind: props.kind });
  });
}

export interface DepartureInput {
  bodyId: string;
  groupId: string;
  personId: string;
  agreedOn: string;
  /** The council's vote on it: s.17 lets the council depart from the rules only if no member votes against. */
  votesFor: number;
  votesAgainst: number;
  votesAbstained: number;
  note?: string;
}

/** Records a departure from the balance rules under s.17 LGHA 1989: refused if any member voted against it. */
export async function departureRecorder(props: { db: Kysely<Database>; actor: string; departure: DepartureInput }): Promise<{ id: string }> {
  const { departure: agreement } = props;
  if (agreement.votesAgainst > 0) {
    throw new BalanceSettingError('votesAgainst', `The council may depart from the balance rules only if no member votes against (section 17); ${agreement.votesAgainst} voted against, so the rules stand`);
  }
  if (agreement.votesFor < 1) throw new BalanceSettingError('votesFor', 'Enter how many members voted for the departure: at least 1');
  return props.db.transaction().execute(async (trx) => {
    await setActor(trx, props.actor);
    if (!(await queries.findBody(trx, agreement.bodyId))) throw new BalanceSettingError('bodyId', 'Choose the body');
    if (!(await queries.findGroup(trx, agreement.groupId))) throw new BalanceSettingError('groupId', 'Choose the group giving up the seat');
    const person = await queries.findPerson(trx, agreement.personId);
    if (!person || person.kind !== 'member') throw new BalanceSettingError('personId', 'Choose the member who takes the seat');
    const members = await queries.membersOn(trx, agreement.agreedOn);
    if (members.find((member) => member.personId === agreement.personId)?.groupId === agreement.groupId) {
      throw new BalanceSettingError('personId', 'The member taking the seat must be outside the group giving it up');
    }
    const id = `balance-agreement-${randomUUID()}`;
    await queries.insertAgreement(trx, {
      id,
      body_id: agreement.bodyId,
      group_id: agreement.groupId,
      person_id: agreement.personId,
      agreed_on: agreement.agreedOn,
      note: agreement.note?.trim() ?? '',
      votes_for: agreement.votesFor,
      votes_against: agreement.votesAgainst,
      votes_abstained: agreement.votesAbstained,
    });
    return { id };
  });
}
