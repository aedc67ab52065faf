/**
 * Entitlements: postHolderAppointer records that a person holds an entitlement from/to (the basic allowance, an
 * SRA post, a co-optee's annual rate), refusing one that would take a post past its maximum number of holders;
 * allowanceForgoer records a member forgoing all or part of an entitlement for a year (Regulation 13).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { type Actor, writeOperation } from '../write-operation.ts';
import { allowanceYearOf, isIsoDate } from '../../domain/allowances/dates.ts';
import { exceedsMaxHolders } from '../../domain/allowances/entitlements.ts';
import { AllowanceNotFound, AllowanceRuleError } from './errors.ts';
import { findPersonName } from '../../db/records/people.ts';

export interface PostHolderAppointerProps {
  db: Kysely<Database>;
  actor: Actor;
  personId: string;
  schemeId: string;
  kind: 'basic' | 'sra' | 'co-optee';
  sraPostId?: string;
  coOpteeRateId?: string;
  membershipId?: string;
  start: string;
  end?: string | null;
}

export async function postHolderAppointer(props: PostHolderAppointerProps): Promise<{ id: string }> {
  const end = props.end ?? null;
  if (!isIsoDate(props.start)) throw AllowanceRuleError([{ field: 'start', rule: 'Enter the start as a real date' }]);
  if (end !== null && (!isIsoDate(end) || end < props.start))
    throw AllowanceRuleError([{ field: 'end', rule: 'The end must be a real date on or after the start' }]);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    if (!(await findPersonName(trx, props.personId))) throw AllowanceNotFound('No such person');
    if (props.kind === 'sra') {
      if (!props.sraPostId) throw AllowanceRuleError([{ field: 'sraPostId', rule: 'Choose the post' }]);
      await repo.lockPost(trx, props.sraPostId);
      const post = await repo.findPost(trx, props.sraPostId);
      if (!post) throw AllowanceNotFound('No such post');
      const holders = await repo.holdersOfPost(trx, post.id);
      const full = exceedsMaxHolders(
        holders.map((holder) => ({ start: holder.start_date, end: holder.end_date })),
        { start: props.start, end },
        post.max_holders,
      );
      if (full) {
        throw AllowanceRuleError([
          {
            field: 'sraPostId',
            rule: `${post.name}: the scheme allows at most ${post.max_holders} holders, and on ${full} there would be ${post.max_holders! + 1}`,
          },
        ]);
      }
    }
    if (props.membershipId) {
      // The role the allowance is paid for must be the member's own, and held while the allowance is.
      const membership = await repo.findMembershipTerm(trx, props.membershipId);
      if (!membership || membership.person_id !== props.personId) throw AllowanceRuleError([{ field: 'membershipId', rule: 'Choose a role the member holds' }]);
      const startsAfter = membership.start_date !== null && end !== null && membership.start_date > end;
      const endsBefore = membership.end_date !== null && membership.end_date < props.start;
      if (startsAfter || endsBefore)
        throw AllowanceRuleError([{ field: 'membershipId', rule: `The member did not hold that role between ${props.start} and ${end ?? 'now'}` }]);
    }
    const id = `holding-${randomUUID()}`;
    await repo.insertHolding(trx, {
      id,
      person_id: props.personId,
      kind: props.kind,
      scheme_id: props.schemeId,
      sra_post_id: props.kind === 'sra' ? props.sraPostId! : null,
      co_optee_rate_id: props.kind === 'co-optee' ? (props.coOpteeRateId ?? null) : null,
      membership_id: props.membershipId ?? null,
      start_date: props.start,
      end_date: end,
    });
    return { id };
  });
}

export interface AllowanceForgoerProps {
  db: Kysely<Database>;
  actor: Actor;
  personId: string;
  /** Any date in the allowances year forgone. */
  yearOf: string;
  kind: 'basic' | 'sra' | 'co-optee' | 'all';
  /** null: the whole entitlement. */
  amountPence: bigint | null;
  recordedOn: string;
  note?: string;
}

export async function allowanceForgoer(props: AllowanceForgoerProps): Promise<{ id: string }> {
  if (props.amountPence !== null && props.amountPence <= 0n)
    throw AllowanceRuleError([{ field: 'amount', rule: 'Enter an amount more than £0, or forgo the whole entitlement' }]);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    if (!(await findPersonName(trx, props.personId))) throw AllowanceNotFound('No such person');
    const id = `forgone-${randomUUID()}`;
    await repo.insertForgone(trx, {
      id,
      person_id: props.personId,
      year_start: allowanceYearOf(props.yearOf).start,
      kind: props.kind,
      amount_pence: props.amountPence,
      recorded_on: props.recordedOn,
      note: props.note ?? null,
    });
    return { id };
  });
}
