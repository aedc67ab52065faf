/** Table types for political balance (migration 20261125_0700). */
import type { ColumnType } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Audited = { created_at: Stamp; updated_at: Stamp };

export interface BalanceBodyTable extends Audited {
  id: string;
  seats: number;
  rules_apply: boolean;
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
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface PoliticalBalanceTables {
  balance_body: BalanceBodyTable;
  balance_agreement: BalanceAgreementTable;
}
