import type { ColumnType, Generated } from 'kysely';
import type { Audited, Optional, Sourced, Stamp, Versioned } from './schema/columns.ts';
import type { AgendaItemKind } from '../domain/agenda-item-kind.ts';
import type { StoredVoteOption } from '../domain/vote-options.ts';
import type { MeetingAddressTables } from './schema/meeting-addresses.ts';
import type { AccountsTables } from './schema/accounts.ts';
import type { AgendaPreparationTables } from './schema/agenda-preparation.ts';
import type { AllowancesTables } from './schema/allowances.ts';
import type { FilesTables } from './schema/files.ts';
import type { ImportReviewTables } from './schema/import-review.ts';
import type { OParlMirrorTables } from './schema/oparl-mirror.ts';
import type { OParlTables } from './schema/oparl.ts';
import type { PlansTables } from './schema/plans.ts';
import type { PoliticalBalanceTables } from './schema/political-balance.ts';
import type { PhotosTables } from './schema/photos.ts';
import type { PortalTables } from './schema/portal.ts';
import type { RegistersTables } from './schema/registers.ts';
import type { ScrutinyTables } from './schema/scrutiny.ts';
import type { VisibilityViews } from './schema/visibility.ts';

export interface SourceDocumentTable extends Audited {
  id: string;
  content_hash: string;
  file_name: string;
  format: string;
  kinds: Optional<string[]>;
  bytes: number;
  line_count: number;
  imported_at: Stamp;
}

export interface AuthorityTable extends Audited {
  id: string;
  name: string;
}

export type PersonKind = 'member' | 'officer' | 'external';

export interface PersonTable extends Audited {
  id: string;
  authority_id: string;
  kind: PersonKind;
  honorific: string | null;
  given_name: string | null;
  initials: Optional<string[]>;
  family_name: string;
  post_nominals: Optional<string[]>;
  job_title: string | null;
  /** From the scrutiny migration: owners and Cabinet Members are chased by email. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 20261207_1800: the ward a member represents, their term of office and public contact details. */
  ward_id: Optional<string | null>;
  term_start: Optional<string | null>;
  term_end: Optional<string | null>;
  phone: Optional<string | null>;
  address: Optional<string | null>;
}

export interface WardTable extends Audited {
  id: string;
  authority_id: string;
  name: string;
  slug: string;
}

export interface PersonAliasTable {
  person_id: string;
  printed: string;
}

export interface PoliticalGroupTable extends Audited, Versioned {
  id: string;
  authority_id: string;
  name: string;
  abbreviation: string | null;
}

export interface GroupMembershipTable extends Audited {
  id: string;
  person_id: string;
  group_id: string;
  role: string | null;
  start_date: string | null;
  end_date: string | null;
}

export type BodyKind = 'council' | 'cabinet' | 'committee' | 'sub-committee' | 'panel' | 'board' | 'other';

export interface BodyTable extends Audited, Versioned {
  id: string;
  authority_id: string;
  name: string;
  slug: string;
  kind: BodyKind;
  parent_id: string | null;
  /** Migration 20261207_1800: shown on the committee's public page. */
  terms_of_reference: Optional<string>;
  clerk_name: Optional<string | null>;
  clerk_email: Optional<string | null>;
  clerk_phone: Optional<string | null>;
}

export interface MembershipTable extends Audited {
  id: string;
  person_id: string;
  body_id: string;
  role: Optional<string>;
  start_date: string | null;
  end_date: string | null;
}

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled' | 'postponed';
export type MeetingKind = 'annual' | 'ordinary' | 'extraordinary' | 'special';

export interface MeetingTable extends Audited, Sourced, Versioned {
  id: string;
  body_id: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string | null;
  status: Optional<MeetingStatus>;
  kind: Optional<MeetingKind>;
  cancelled_reason: Optional<string | null>;
  /** Calendar revision (SEQUENCE), raised by a trigger when the date, times, place or status change. */
  sequence: Optional<number>;
  /** A published meeting withdrawn (created in error): the public page shows the reason, its papers are not public. */
  withdrawn_at: Optional<Date | null>;
  withdrawn_reason: Optional<string | null>;
}

export interface ReportTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  subject: string;
  by_text: Optional<string[]>;
  to_text: Optional<string[]>;
  report_date: string | null;
  classification: string | null;
  exempt: Optional<boolean>;
  summary: string | null;
  recommendations: string | null;
  contact: string | null;
  background_documents: string | null;
  full_text: Optional<string>;
  original_file_sha256: Optional<string | null>;
  original_filename: Optional<string | null>;
  original_media_type: Optional<string | null>;
}

export interface AgendaItemTable extends Audited, Sourced, Versioned {
  id: string;
  meeting_id: string;
  number: string;
  position: number;
  title: string;
  description: string | null;
  page_from: number | null;
  page_to: number | null;
  exempt: Optional<boolean>;
  exempt_paragraphs: Optional<number[]>;
  report_id: string | null;
  /** Migration 20261208_0301: a notice of motion, a question, a petition, or any other item. */
  kind: Optional<AgendaItemKind>;
}

export type AttendanceStatus = 'present' | 'apologies' | 'absent' | 'substitute' | 'also-present' | 'in-attendance';

export interface AttendanceTable extends Audited, Sourced {
  id: string;
  meeting_id: string;
  person_id: string;
  status: AttendanceStatus;
  role: string | null;
  printed_name: string;
  substitute_for_person_id: string | null;
}

export interface MinuteTable extends Audited, Sourced, Versioned {
  id: string;
  meeting_id: string;
  number: string;
  position: number;
  title: string;
  agenda_item_id: string | null;
  agenda_item_number: string | null;
  text: Optional<string>;
  exempt: Optional<boolean>;
  exempt_paragraphs: Optional<number[]>;
  approves_meeting_date: string | null;
  approves_meeting_id: string | null;
  application_reference: string | null;
}

export interface DeclarationTable extends Audited, Sourced {
  id: string;
  meeting_id: string;
  person_id: string;
  agenda_item_id: string | null;
  minute_id: string | null;
  agenda_item_number: string | null;
  kind: string;
  reason: string;
}

export interface ResolutionTable extends Audited {
  id: string;
  minute_id: string;
  position: number;
  text: string;
  unanimous: Optional<boolean>;
  /** Set when the resolution was taken out of draft minutes: kept, never shown. */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: Optional<string | null>;
}

/** A motion moved at a meeting (its minute) or given notice of on the agenda (its agenda item), or both. */
export interface MotionTable extends Audited {
  id: string;
  minute_id: string | null;
  position: number;
  text: string | null;
  mover_id: string | null;
  seconder_id: string | null;
  /** Migration 20261208_0301: the agenda item of a notice of motion. */
  agenda_item_id: Optional<string | null>;
  /** "carried", "lost", as decided; null until it is (a notice on an agenda has not been debated). */
  result: Optional<string | null>;
}

export interface VoteEventTable extends Audited, Sourced {
  id: string;
  meeting_id: string;
  minute_id: string | null;
  motion_text: string | null;
  mover_id: string | null;
  seconder_id: string | null;
  for_count: number;
  against_count: number;
  abstain_count: number;
  result: string;
  /** Migration 20261207_4602: the chair who decided a tie with a casting vote. */
  casting_voter_id: Optional<string | null>;
}

/** Absent and not voting are recorded from roll calls but are not votes cast (src/domain/vote-options.ts). */
export type VoteOption = StoredVoteOption;

export interface VoteTable extends Audited {
  vote_event_id: string;
  person_id: string;
  option: VoteOption;
  printed_name: string;
}

export interface QuestionTable extends Audited, Sourced {
  id: string;
  meeting_id: string;
  position: number;
  asked_by_id: string;
  asked_to_id: string | null;
  to_role: string | null;
  question_text: string;
  answer_text: string | null;
}

export interface DecisionTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  decision_date: string;
  decision_maker_person_id: string | null;
  decision_maker_role: string | null;
  decision_maker_body_id: string | null;
  subject: string;
  text: string;
  is_key: Optional<boolean>;
  is_urgent: Optional<boolean>;
  urgency_reason: string | null;
  record_number: string | null;
  report_id: string | null;
}

export interface ImportIssueTable {
  id: Generated<string>;
  source_document_id: string;
  severity: string;
  line: number | null;
  message: string;
  created_at: Stamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Stamp;
  actor: string;
  action: 'insert' | 'update' | 'delete';
  table_name: string;
  record_id: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Every table, so that a query anywhere sees the whole schema without importing a capability's schema module for
 * its side effect. The committee records are declared in this file; each other capability's tables in its own
 * module under schema/.
 */
export interface Database
  extends AccountsTables,
    AgendaPreparationTables,
    MeetingAddressTables,
    AllowancesTables,
    FilesTables,
    ImportReviewTables,
    OParlMirrorTables,
    OParlTables,
    PhotosTables,
    PlansTables,
    PoliticalBalanceTables,
    PortalTables,
    RegistersTables,
    ScrutinyTables,
    VisibilityViews {
  source_document: SourceDocumentTable;
  authority: AuthorityTable;
  person: PersonTable;
  ward: WardTable;
  person_alias: PersonAliasTable;
  political_group: PoliticalGroupTable;
  group_membership: GroupMembershipTable;
  body: BodyTable;
  membership: MembershipTable;
  meeting: MeetingTable;
  report: ReportTable;
  agenda_item: AgendaItemTable;
  attendance: AttendanceTable;
  minute: MinuteTable;
  declaration: DeclarationTable;
  resolution: ResolutionTable;
  motion: MotionTable;
  vote_event: VoteEventTable;
  vote: VoteTable;
  question: QuestionTable;
  decision: DecisionTable;
  import_issue: ImportIssueTable;
  audit_log: AuditLogTable;
}
