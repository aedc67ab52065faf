/** Table types for political balance (migrations 20261125_0700, 20261207_2001). */
import type { ColumnType } from 'kysely';
import type { Audited } from './columns.ts';
import type { BodyKind } from '../../domain/political-balance/allocate.ts';

export interface BalanceBodyTable extends Audited {
  id: string;
  seats: number;
  rules_apply: boolean;
  /** What Schedule 1 LGHA 1989 makes of it: only ordinary committees count towards rule (c). */
  kind: ColumnType<BodyKind, BodyKind | undefined, BodyKind>;
}

export interface BalanceAgreementTable extends Audited {
  id: string;
  body_id: string;
  group_id: string;
  person_id: string;
  agreed_on: string;
  meeting_id: string | null;
  note: ColumnType<string, string | undefined, string>;
  ended_on: string | null;
  /** The council's vote on the departure (s.17: none may vote against); null on rows recorded before it was kept. */
  votes_for: ColumnType<number | null, number | null | undefined, number | null>;
  votes_against: ColumnType<number | null, number | null | undefined, number | null>;
  votes_abstained: ColumnType<number | null, number | null | undefined, number | null>;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface PoliticalBalanceTables {
  balance_body: BalanceBodyTable;
  balance_agreement: BalanceAgreementTable;
}
