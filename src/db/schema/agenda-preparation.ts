/** Table types of agenda preparation: standing items and report requests (migration 20261207_4201). */
import type { ColumnType } from 'kysely';
import type { Stamp } from './columns.ts';
import type { ReportRequestState } from '../../domain/agenda/report-requests.ts';

/** One of a body's standing items, which every new meeting's agenda starts with. */
export interface StandingItemTable {
  id: string;
  body_id: string;
  position: number;
  title: string;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A report asked of an officer for an agenda item; its text becomes the item's report only when cleared. */
export interface ReportRequestTable {
  id: string;
  agenda_item_id: string;
  officer_account_id: string;
  officer_name: string;
  deadline: string;
  note: string | null;
  state: ColumnType<ReportRequestState, ReportRequestState | undefined, ReportRequestState>;
  submitted_text: string | null;
  original_file_sha256: string | null;
  original_filename: string | null;
  original_media_type: string | null;
  submitted_at: Date | null;
  returned_reason: string | null;
  cleared_at: Date | null;
  report_id: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface AgendaPreparationTables {
  standing_item: StandingItemTable;
  report_request: ReportRequestTable;
}
