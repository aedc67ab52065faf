/**
 * The contract between the stages of the import pipeline:
 * read (bytes -> lines) -> segment + classify -> extract (lines -> plain records) -> resolve + persist.
 *
 * Extractors produce these plain records and never touch the database. Every record carries the
 * line range it came from (1-based, inclusive, in the whole document) so a user can see where a fact came from.
 */

/** A document as text, one entry per line; line numbers are 1-based: lines[0] is line 1. */
export interface TextDocument {
  /** The file name as given (for messages). */
  name: string;
  /** Which reader produced it. */
  format: 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'json';
  lines: string[];
  /** Non-fatal notes from reading, e.g. "decoded as Windows-1252". */
  warnings: string[];
}

export interface SourceSpan {
  lineFrom: number;
  lineTo: number;
}

export type SegmentKind =
  | 'summons' // front sheet + agenda of a meeting
  | 'minutes' // minutes of a meeting of any body
  | 'questions' // a member's question to a Cabinet Member, with the answer
  | 'report' // a report with By / To / Subject headers
  | 'urgent-decisions' // quarterly report on urgent key decisions (a report with decisions in it)
  | 'tracking-sheet' // scrutiny follow-up tracking sheet (issue: scrutiny tracking)
  | 'call-in' // scrutiny call-in with recommendations and responses (issue: scrutiny tracking)
  | 'improvement-plan' // improvement plan action tables (issue: improvement plans)
  | 'allowances-scheme' // members' allowances scheme (issue: allowances)
  | 'other';

export interface Segment extends SourceSpan {
  kind: SegmentKind;
  /** A short human description, e.g. "Minutes of the Governance and Audit Committee, 16 March 2011". */
  title: string;
  /** The lines of this segment: lines[0] is document line `lineFrom`. */
  lines: string[];
}

/** A person's name as printed (src/domain/person-name.ts, where names are parsed). */
export type { PrintedName } from '../domain/person-name.ts';
import type { PrintedName } from '../domain/person-name.ts';
import type { AgendaItemKind } from '../domain/agenda-item-kind.ts';
import type { StoredVoteOption } from '../domain/vote-options.ts';

export type AttendanceStatus = 'present' | 'apologies' | 'substitute' | 'also-present' | 'in-attendance';

export interface AttendanceRecord extends SourceSpan {
  name: PrintedName;
  status: AttendanceStatus;
  /** Role at this meeting or job title as printed in brackets: "Chairman", "Vice-Chairman", "Managing Director". */
  role?: string;
  /** For officers and external attendees ("IN ATTENDANCE", "OFFICERS"): true. Members: false. */
  officer: boolean;
  /** For substitutes: the member substituted for. */
  substituteFor?: PrintedName;
}

export interface AgendaItemRecord extends SourceSpan {
  /** As printed: "5", "A4", "C1". */
  number: string;
  title: string;
  /** Further lines printed under the item (e.g. the name of the minutes or decision it covers). */
  description?: string;
  pageFrom?: number;
  pageTo?: number;
  exempt: boolean;
  /** Schedule 12A paragraph numbers when exempt. */
  exemptParagraphs: number[];
  /** A notice of motion, a question, a petition (src/domain/agenda-item-kind.ts); an ordinary item when absent. */
  kind?: AgendaItemKind;
  /** The notices of motion printed under the item: mover, seconder and words, with no result (not yet debated). */
  motions?: MotionRecord[];
}

export interface ResolutionRecord extends SourceSpan {
  text: string;
  unanimous: boolean;
}

export interface VoteRecord {
  name: PrintedName;
  /** A roll call's absent and not-voting members are recorded, but are not votes cast (src/domain/vote-options.ts). */
  option: StoredVoteOption;
}

export interface VoteEventRecord extends SourceSpan {
  /** The motion put to the vote, as printed (without quotes). */
  motionText?: string;
  mover?: PrintedName;
  seconder?: PrintedName;
  forCount: number;
  againstCount: number;
  abstainCount: number;
  /** "Carried" / "Lost" as printed. */
  result: string;
  votes: VoteRecord[];
  /** The chair who decided a tie with a casting vote, when printed. */
  castingVoter?: PrintedName;
}

export interface MotionRecord extends SourceSpan {
  text?: string;
  mover?: PrintedName;
  seconder?: PrintedName;
}

export interface DeclarationRecord extends SourceSpan {
  name: PrintedName;
  /** "personal", "prejudicial", "disclosable pecuniary", or "other" (e.g. a statement of a fresh mind). */
  kind: string;
  /** Agenda item number as referred to in the declaration, if any. */
  agendaItemNumber?: string;
  /** Minute number under which it was recorded. */
  minuteNumber?: string;
  reason: string;
}

export interface MinuteRecord extends SourceSpan {
  /** As printed: "19". */
  number: string;
  title: string;
  /** The agenda item this minute records, when printed ("(Item 5)" -> "5", "(Item A4)" -> "A4"). */
  agendaItemNumber?: string;
  text: string;
  exempt: boolean;
  exemptParagraphs: number[];
  resolutions: ResolutionRecord[];
  motions: MotionRecord[];
  /** When this minute approves the minutes of an earlier meeting: that meeting's date (ISO). */
  approvesMinutesOf?: string;
  /** Planning application reference, e.g. "GR/10/1127". */
  applicationReference?: string;
}

export interface QuestionRecord extends SourceSpan {
  askedBy: PrintedName;
  /** Whom it is put to; absent when the paper does not say (an agenda's "Question by Councillor A"). */
  askedTo?: PrintedName;
  /** The role of the person asked, e.g. "Cabinet Member for Customer and Communities". */
  toRole?: string;
  question: string;
  answer?: string;
}

export type MeetingKind = 'annual' | 'ordinary' | 'extraordinary' | 'special';

/**
 * What one segment says about one meeting. Several segments may describe the same meeting
 * (the summons gives its agenda, a questions paper its questions): they are merged by body name and date.
 */
export interface MeetingRecord extends SourceSpan {
  bodyName: string;
  /** ISO date, "2011-04-06". */
  date: string;
  /** "10:00", when printed. */
  startTime?: string;
  endTime?: string;
  location?: string;
  kind?: MeetingKind;
  agendaItems: AgendaItemRecord[];
  attendance: AttendanceRecord[];
  declarations: DeclarationRecord[];
  minutes: MinuteRecord[];
  voteEvents: Array<VoteEventRecord & { minuteNumber?: string }>;
  questions: QuestionRecord[];
  /** Officers the paper names without recording them as attending: the meeting's contact, a report's presenter. */
  officers?: OfficerMention[];
}

/** An officer named by a paper ("Contact: Jane Smith  Committee Manager"), with the job title when printed. */
export interface OfficerMention extends SourceSpan {
  name: PrintedName;
  jobTitle?: string;
}

export interface ReportRecord extends SourceSpan {
  subject: string;
  /** Authors as printed, one per line: "Roger Gough – Cabinet Member for ...". */
  by: string[];
  /** The body and meeting date(s) it goes to. */
  to: Array<{ bodyName: string; date?: string }>;
  date?: string;
  classification?: string;
  exempt: boolean;
  summary?: string;
  recommendations?: string;
  contact?: string;
  backgroundDocuments?: string;
  fullText: string;
}

export interface DecisionRecord extends SourceSpan {
  date: string;
  /** An individual decision maker (Cabinet Member) as printed... */
  decisionMaker?: PrintedName;
  decisionMakerRole?: string;
  /** ...or a body. */
  decisionMakerBody?: string;
  subject: string;
  text: string;
  key: boolean;
  urgent: boolean;
  urgencyReason?: string;
  recordNumber?: string;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found while importing: where, and what. Ambiguous names are reported here, never guessed. */
export interface ImportIssue {
  severity: IssueSeverity;
  line?: number;
  message: string;
}

/** Everything extracted from one document. */
export interface PaperExtract {
  segments: Array<Omit<Segment, 'lines'>>;
  meetings: MeetingRecord[];
  reports: ReportRecord[];
  decisions: DecisionRecord[];
  issues: ImportIssue[];
}
