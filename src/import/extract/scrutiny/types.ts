/**
 * What the scrutiny extractors read from a paper: plain records with the lines they came from (1-based, in the whole
 * document). No database access; names stay as printed until persist-scrutiny.ts resolves them.
 */
import type { ImportIssue, SourceSpan } from '../../types.ts';

export interface TrackingRowRecord {
  line: number;
  /** The item as printed, even where it differs from the call-in it tracks. */
  item: string;
  meetingDate: string;
  recommendationNumber: number;
  /** As printed: "PENDING", "TO NOTE ONLY". */
  status: string;
  notes?: string;
}

export interface TrackingSheetRecord extends SourceSpan {
  title: string;
  /** The committee whose follow-up items these are: "Cabinet Scrutiny Committee". */
  committee: string;
  date: string;
  rows: TrackingRowRecord[];
}

/** "Paul Brightwell to discuss with Tony Doran": one owner per name, with what the paper asks of them. */
export interface OwnerRecord {
  /** "Paul Brightwell", or a role: "Cabinet Member". */
  printed: string;
  instruction: string;
}

export interface ResponseRecord extends SourceSpan {
  text: string;
  /** ISO; from the "Date of response:" line that follows. */
  date?: string;
}

export interface RecommendationRecord extends SourceSpan {
  number: number;
  text: string;
  /** A heading printed above it, e.g. "In relation to the follow-up items from 8 December 2010". */
  context?: string;
  responses: ResponseRecord[];
  owners: OwnerRecord[];
}

export interface CallInPointRecord {
  letter: string;
  text: string;
}

export interface CallInRecord extends SourceSpan {
  /** The decision or report scrutinised. */
  title: string;
  /** A bracketed line under the title, e.g. the proposal called in. */
  subtitle?: string;
  meetingDate: string;
  committee: string;
  /** "Mrs J Whittle", as printed after "Cabinet portfolio:". */
  portfolio?: string;
  synopsis?: string;
  reason?: string;
  points: CallInPointRecord[];
  /** People thanked for attending, as printed. */
  witnesses: string[];
  recommendations: RecommendationRecord[];
  /** The Cabinet Member's overall response printed after the recommendations. */
  executiveResponse?: { text: string; date?: string };
}

/** A Policy Overview and Scrutiny Committee's recommendation to Cabinet (Cabinet report, paragraph 2(2)). */
export interface PoscRecommendationRecord extends SourceSpan {
  from: string;
  meetingDate: string;
  to: string;
  text: string;
}

export interface CabinetReportRecord extends SourceSpan {
  subject: string;
  to: string;
  date?: string;
}

export interface ScrutinyExtract {
  trackingSheets: TrackingSheetRecord[];
  callIns: CallInRecord[];
  poscRecommendations: PoscRecommendationRecord[];
  cabinetReport?: CabinetReportRecord;
  issues: ImportIssue[];
}
