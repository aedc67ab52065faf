/** Table types of the import review (migration 20261207_2401). */
import type { ColumnType } from 'kysely';
import type { Stamp } from './columns.ts';

/** An imported paper's lines, as the reader produced them; id is the source_document's. */
export interface SourceTextTable {
  id: string;
  lines: string[];
  created_at: Stamp;
  updated_at: Stamp;
}

export type CorrectionKind = 'person-link' | 'vote-count' | 'apology' | 'minute-merge' | 'minute-split';

export interface ImportCorrectionTable {
  id: string;
  /** The paper's identity: the SHA-256 of its bytes. */
  content_hash: string;
  /** The meeting's body, by its canonical name, and date: the natural key of the meeting in the paper. */
  body_name: string;
  meeting_date: string;
  kind: CorrectionKind;
  /** The record's natural key within the meeting (src/domain/import-review/corrections.ts). */
  record_key: string;
  value: ColumnType<unknown, string, string>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface PaperCheckTable {
  id: string;
  content_hash: string;
  checked_by: string;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A paper nothing was recognised in: not stored, listed with why. */
export interface UnrecognisedPaperTable {
  id: string;
  content_hash: string;
  file_name: string;
  reason: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ImportReviewTables {
  unrecognised_paper: UnrecognisedPaperTable;
  source_text: SourceTextTable;
  import_correction: ImportCorrectionTable;
  paper_check: PaperCheckTable;
}
