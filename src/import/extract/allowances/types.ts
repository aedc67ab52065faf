/**
 * What the allowances extractor reads from a paper: a Members' Allowances Scheme as printed, and the Independent
 * Remuneration Panel's proposals to change it. Plain records with their source lines; amounts in pence (bigint),
 * percentages as the decimal strings printed.
 */
import type { SourceSpan } from '../../types.ts';
import type { MileageBand } from '../../../domain/allowances/mileage.ts';

export interface SraPostRecord extends SourceSpan {
  /** The heading it is printed under: "Executive", "Council", "Opposition". */
  group: string;
  /** "Cabinet Members", without the bracketed maximum or note marks. */
  name: string;
  /** As printed: "Cabinet Members (maximum 9)". */
  printed: string;
  percentOfLeader: string | null;
  amountPence: bigint;
  maxHolders: number | null;
  /** A qualification printed in brackets that is not a maximum: "for period of review". */
  qualifier: string | null;
  /** The bodies or roles the post covers, from its note: "Governance & Audit", "Policy Overview (x8)". */
  appliesTo: string[];
}

export interface CoOpteeRateRecord extends SourceSpan {
  role: string;
  perYearPence: bigint | null;
  perDayPence: bigint | null;
}

export interface SchemeSectionRecord extends SourceSpan {
  heading: string;
  paragraphs: string[];
}

export interface AllowanceSchemeRecord extends SourceSpan {
  title: string;
  /** As printed after "For the period": "8 June 2009 to the election of the Council in May 2013". */
  periodText: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The end as printed when it is not a date: "the election of the Council in May 2013". */
  effectiveToText: string | null;
  adoptedBy: string | null;
  adoptedOn: string | null;
  amendedOn: string[];
  basicAllowancePence: bigint;
  basicAllowanceNote: string | null;
  posts: SraPostRecord[];
  /** Notes under the SRA table that are rules rather than a post's bodies: "No Member to receive more than one ...". */
  rules: string[];
  mileageBands: MileageBand[];
  journeyPurposes: Array<{ code: string; text: string }>;
  claimTimeLimitMonths: number | null;
  carersMaxPencePerHour: bigint | null;
  coOpteeRates: CoOpteeRateRecord[];
  /** Every section after the SRA table, in the scheme's words: the scheme's rules as text. */
  sections: SchemeSectionRecord[];
}

export type ProposalKind = 'basic-allowance-reduction' | 'sra-reduction' | 'post-maximum' | 'mileage-rate' | 'forgo-provision' | 'claim-time-limit';

export interface ProposalRecord extends SourceSpan {
  kind: ProposalKind;
  /** A short description in Quorum's words. */
  summary: string;
  percent?: string;
  postName?: string;
  maxHolders?: number;
  pencePerMile?: string;
  months?: number;
}

export interface RemunerationReportRecord extends SourceSpan {
  subject: string;
  /** The allowances year the proposals are for: "2011/12". */
  year: string | null;
  /** The meeting it goes to: body as printed and ISO date. */
  toBodyName: string | null;
  toDate: string | null;
  /** The date the Panel signed the report. */
  reportDate: string | null;
  panelMembers: string[];
  proposals: ProposalRecord[];
}

export interface AllowancesExtract {
  schemes: AllowanceSchemeRecord[];
  remunerationReports: RemunerationReportRecord[];
  issues: Array<{ severity: 'error' | 'warning'; line?: number; message: string }>;
}
