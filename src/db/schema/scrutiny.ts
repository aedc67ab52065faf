/** Kysely types of the scrutiny tables (migration 20261125_0200_scrutiny.ts); src/db/schema.ts adds them to the Database type. */
import type { ColumnType, Generated } from 'kysely';
import type { Audited, Optional, Sourced, Stamp } from './columns.ts';
import type { ScrutinyStatus } from '../../domain/scrutiny/status.ts';

export type ScrutinyItemKind = 'call-in' | 'review' | 'posc-recommendation';

export interface CallInPoint {
  letter: string;
  text: string;
}

export interface ScrutinyItemTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  kind: ScrutinyItemKind;
  body_id: string;
  meeting_id: string;
  title: string;
  subtitle: string | null;
  portfolio_printed: string | null;
  portfolio_holder_id: string | null;
  synopsis: string | null;
  call_in_reason: string | null;
  call_in_points: ColumnType<CallInPoint[], string | undefined, string>;
  witnesses: Optional<string[]>;
  decision_id: string | null;
  report_id: string | null;
  addressed_to: string | null;
  executive_response: string | null;
  executive_response_date: string | null;
}

export interface ScrutinyRecommendationTable extends Audited, Sourced {
  id: string;
  item_id: string;
  number: number;
  text: string | null;
  context: string | null;
  addressee: string | null;
  status: ScrutinyStatus;
  due_date: string;
  /** When the executive received it (migration 20261207_2000); null: on the day of the meeting that made it. */
  received_on: Optional<string | null>;
  tracking_notes: string | null;
  published: Optional<boolean>;
  /** Bumped by every update (migration 0201): forms send back the version they read, and stale saves are refused. */
  version: Optional<number>;
}

export interface ScrutinyActionOwnerTable extends Audited {
  id: string;
  recommendation_id: string;
  person_id: string | null;
  printed: string;
  instruction: string | null;
  position: number;
}

export interface ScrutinyResponseTable extends Audited, Sourced {
  id: string;
  recommendation_id: string;
  text: string;
  response_date: string | null;
  responder_id: string | null;
  responder_printed: string | null;
}

export interface ScrutinyStatusChangeTable {
  id: Generated<string>;
  recommendation_id: string;
  from_status: ScrutinyStatus | null;
  to_status: ScrutinyStatus;
  effective_date: string;
  reason: string;
  actor: string;
  created_at: Stamp;
}

export interface ScrutinyTrackingSheetTable extends Audited, Sourced {
  id: string;
  body_id: string;
  sheet_date: string;
  title: string;
}

export interface ScrutinyTrackingRowTable extends Audited {
  id: string;
  sheet_id: string;
  position: number;
  item_printed: string;
  meeting_date: string;
  recommendation_number: number;
  status_printed: string;
  notes: string | null;
  recommendation_id: string | null;
  source_line: number | null;
}

export type ReminderKind = 'before-deadline' | 'after-deadline' | 'weekly-digest';

export interface ScrutinyReminderTable {
  id: Generated<string>;
  kind: ReminderKind;
  dedupe_key: string;
  person_id: string;
  email: string;
  recommendation_ids: Optional<string[]>;
  as_at: string;
  subject: string;
  message_id: string | null;
  sent_at: Stamp;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface ScrutinyTables {
  scrutiny_item: ScrutinyItemTable;
  scrutiny_recommendation: ScrutinyRecommendationTable;
  scrutiny_action_owner: ScrutinyActionOwnerTable;
  scrutiny_response: ScrutinyResponseTable;
  scrutiny_status_change: ScrutinyStatusChangeTable;
  scrutiny_tracking_sheet: ScrutinyTrackingSheetTable;
  scrutiny_tracking_row: ScrutinyTrackingRowTable;
  scrutiny_reminder: ScrutinyReminderTable;
}
