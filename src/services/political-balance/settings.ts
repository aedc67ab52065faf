/**
 * Democratic services record each body's seats, what Schedule 1 makes of it and whether the balance rules apply to
 * it, and the departures from the rules the council agrees under s.17 LGHA 1989 (a group giving up a seat on a body to
 * a member outside it), which stand only if no member voted against. Each write is one audited transaction; bad input
 * is refused with the field it concerns.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as queries from '../../db/queries/political-balance.ts';
import { type QuorumError, ValidationError } from '../../domain/errors.ts';
import type { BodyKind } from '../../domain/political-balance/allocate.ts';
import { type Actor, writeOperation } from '../write-operation.ts';

/** A refused setting, named by its field. */
function BalanceSettingError(field: string, message: string): QuorumError {
  return ValidationError([{ field, message }]);
}

const AS_DEMOCRATIC_SERVICES = { role: 'democratic-services', refusal: 'Only democratic services officers can change the political balance settings' } as const;

export async function bodySeatsSetter(props: {
  db: Kysely<Database>;
  actor: Actor;
  bodyId: string;
  seats: number;
  rulesApply: boolean;
  kind: BodyKind;
}): Promise<void> {
  if (!Number.isInteger(props.seats) || props.seats < 1 || props.seats > 500)
    throw BalanceSettingError('seats', 'Enter the number of seats as a whole number from 1 to 500');
  await writeOperation({ db: props.db, actor: props.actor, ...AS_DEMOCRATIC_SERVICES }, async ({ trx }) => {
    const body = await queries.findBodyWithKind(trx, props.bodyId);
    if (!body) throw BalanceSettingError('bodyId', 'Choose a body');
    if (body.kind === 'council') throw BalanceSettingError('bodyId', 'The council itself is not allocated by the balance rules');
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
export async function departureRecorder(props: { db: Kysely<Database>; actor: Actor; departure: DepartureInput }): Promise<{ id: string }> {
  const { departure: agreement } = props;
  if (agreement.votesAgainst > 0) {
    throw BalanceSettingError(
      'votesAgainst',
      `The council may depart from the balance rules only if no member votes against (section 17); ${agreement.votesAgainst} voted against, so the rules stand`,
    );
  }
  if (agreement.votesFor < 1) throw BalanceSettingError('votesFor', 'Enter how many members voted for the departure: at least 1');
  return writeOperation({ db: props.db, actor: props.actor, ...AS_DEMOCRATIC_SERVICES }, async ({ trx }) => {
    if (!(await queries.findBodyWithKind(trx, agreement.bodyId))) throw BalanceSettingError('bodyId', 'Choose the body');
    if (!(await queries.findGroupName(trx, agreement.groupId))) throw BalanceSettingError('groupId', 'Choose the group giving up the seat');
    const person = await queries.findPersonKind(trx, agreement.personId);
    if (!person || person.kind !== 'member') throw BalanceSettingError('personId', 'Choose the member who takes the seat');
    const members = await queries.membersOn(trx, agreement.agreedOn);
    if (members.find((member) => member.personId === agreement.personId)?.groupId === agreement.groupId) {
      throw BalanceSettingError('personId', 'The member taking the seat must be outside the group giving it up');
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
