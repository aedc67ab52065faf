/** Kysely types of the allowances tables (migration 20261125_0600_allowances.ts); src/db/schema.ts adds them to the Database type. */
import type { ColumnType } from 'kysely';
import type { Audited, Optional } from './columns.ts';

/** bigint and numeric come back as strings on both engines; write bigint or string. */
type Int8 = ColumnType<string, string | bigint, string | bigint>;
type Numeric = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type SchemeStatus = 'adopted' | 'proposed';
export type HoldingKind = 'basic' | 'sra' | 'co-optee';
export type ClaimStatus = 'submitted' | 'approved' | 'rejected';

export interface AllowanceSchemeTable extends Audited {
  id: string;
  authority_id: string;
  title: string;
  status: SchemeStatus;
  year_label: string | null;
  period_text: string | null;
  effective_from: string;
  effective_to: string | null;
  effective_to_text: string | null;
  adopted_by: string | null;
  adopted_on: string | null;
  adopted_meeting_id: string | null;
  amended_on: Optional<string[]>;
  based_on_scheme_id: string | null;
  basic_allowance_pence: Int8;
  basic_allowance_note: string | null;
  carers_max_pence_per_hour: ColumnType<string | null, string | bigint | null, string | bigint | null>;
  /** The extractor's single figure; the limits that apply are allowance_claim_limit's, per kind of claim. */
  claim_time_limit_months: number | null;
  rules: Optional<string[]>;
  /** The day it takes effect (migration 20261207_2002); null: from effective_from. */
  takes_effect_on: Optional<string | null>;
  /** No member receives more than one special responsibility allowance under this scheme. */
  one_sra_only: Optional<boolean>;
  sections: Json<Array<{ heading: string; paragraphs: string[] }>>;
  proposals: Json<Array<{ kind: string; summary: string }>>;
  source_document_id: string | null;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface AllowanceSraPostTable extends Audited {
  id: string;
  scheme_id: string;
  position: number;
  group_name: Optional<string>;
  name: string;
  printed: string;
  percent_of_leader: string | null;
  amount_pence: Int8;
  max_holders: number | null;
  qualifier: string | null;
  applies_to: Optional<string[]>;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface AllowanceMileageBandTable extends Audited {
  id: string;
  scheme_id: string;
  effective_from: string;
  position: number;
  up_to_miles: number | null;
  pence_per_mile: Numeric;
}

export interface AllowanceJourneyPurposeTable extends Audited {
  id: string;
  scheme_id: string;
  code: string;
  text: string;
}

export interface AllowanceCoOpteeRateTable extends Audited {
  id: string;
  scheme_id: string;
  role: string;
  per_year_pence: ColumnType<string | null, string | bigint | null, string | bigint | null>;
  per_day_pence: ColumnType<string | null, string | bigint | null, string | bigint | null>;
}

export interface AllowanceHoldingTable extends Audited {
  id: string;
  person_id: string;
  kind: HoldingKind;
  scheme_id: string;
  sra_post_id: string | null;
  co_optee_rate_id: string | null;
  membership_id: string | null;
  start_date: string;
  end_date: string | null;
}

export interface AllowanceForgoneTable extends Audited {
  id: string;
  person_id: string;
  year_start: string;
  kind: HoldingKind | 'all';
  amount_pence: ColumnType<string | null, string | bigint | null, string | bigint | null>;
  recorded_on: string;
  note: string | null;
}

export interface AllowanceClaimTable extends Audited {
  id: string;
  person_id: string;
  scheme_id: string;
  kind: string;
  duty_date: string;
  claimed_on: string;
  description: Optional<string>;
  purpose_code: string | null;
  miles: string | null;
  miles_before: string | null;
  mileage_parts: Json<Array<{ miles: string; pencePerMile: string; amountPence: string }>>;
  hours: string | null;
  dependants: number | null;
  days: number | null;
  cost_pence: ColumnType<string | null, string | bigint | null, string | bigint | null>;
  receipt_reference: string | null;
  payable_pence: Int8;
  note: string | null;
  status: Optional<ClaimStatus>;
  submitted_by: string;
  decided_by: string | null;
  decided_on: string | null;
  decision_note: string | null;
}

export type PaymentHead = 'basic' | 'sra' | 'co-optee' | 'travel' | 'subsistence' | 'carers';

/** A sum paid to a member (migration 20261207_2003): an allowance up to a day, or one approved claim. */
export interface AllowancePaymentTable extends Audited {
  id: string;
  run_id: string;
  person_id: string;
  head: PaymentHead;
  amount_pence: Int8;
  paid_on: string;
  covers_to: string | null;
  claim_id: string | null;
}

/** A scheme's time limit for one kind of claim (Regulation 14), in months from the duty. */
export interface AllowanceClaimLimitTable extends Audited {
  id: string;
  scheme_id: string;
  claim_kind: string;
  months: number;
}

export interface AllowanceClaimReceiptTable extends Audited {
  id: string;
  claim_id: string;
  file_sha256: string;
  filename: string;
  media_type: string;
  byte_size: number;
  uploaded_by: string;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface AllowancesTables {
  allowance_claim_receipt: AllowanceClaimReceiptTable;
  allowance_claim_limit: AllowanceClaimLimitTable;
  allowance_payment: AllowancePaymentTable;
  allowance_scheme: AllowanceSchemeTable;
  allowance_sra_post: AllowanceSraPostTable;
  allowance_mileage_band: AllowanceMileageBandTable;
  allowance_journey_purpose: AllowanceJourneyPurposeTable;
  allowance_co_optee_rate: AllowanceCoOpteeRateTable;
  allowance_holding: AllowanceHoldingTable;
  allowance_forgone: AllowanceForgoneTable;
  allowance_claim: AllowanceClaimTable;
}
