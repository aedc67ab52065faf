/**
 * What the improvement-plan extractors read out of a plan and its appendices: plain records with the lines they came
 * from (1-based, whole document), no database access. Persisted by import/persist/plans.ts.
 */
import type { SourceSpan } from '../../types.ts';
import type { Timescale } from '../../../domain/plans/timescale.ts';
import type { ActionStatus } from '../../../domain/plans/action-status.ts';

/** A delivery lead as printed: a person ("Rob Semens") or a role that stays a role ("Heads of Service"). */
export type LeadRecord = { kind: 'person'; name: string } | { kind: 'role'; role: string };

export interface MilestoneRecord extends SourceSpan {
  timescale: Timescale;
  /** One "Targets & Measures" line each. */
  measures: string[];
  leads: LeadRecord[];
}

export interface ActionRecord extends SourceSpan {
  /** "2.1.3" */
  ref: string;
  text: string;
  /** "Joint with Partners", "Joint with Health"... as printed beside the action; undefined when not joint. */
  jointWith?: string;
  /** Requirement codes cited in the row: "IN 3", "O 14", "CT 1". */
  requirements: string[];
  milestones: MilestoneRecord[];
  /** As the paper states it, for actions read from prose ("have been completed", "Status: on track"). */
  status?: ActionStatus;
}

export interface OutcomeRecord extends SourceSpan {
  /** "2.1" */
  ref: string;
  statement: string;
}

export interface PriorityRecord extends SourceSpan {
  number: number;
  title: string;
  keyObjectives: string;
  /** "Priority Leads (Accountable)" */
  leads: LeadRecord[];
}

export interface RequirementRecord extends SourceSpan {
  /** "IN 3", "O 14", "CT 1" */
  code: string;
  number: number;
  text: string;
  /** Ofsted: "Immediately", "Within three months", "Within six months". */
  dueCategory?: string;
  /** Ofsted: "Safeguarding" / "Looked after children". */
  area?: string;
}

export interface RequirementSetRecord extends SourceSpan {
  /** "IN", "O", "CT" */
  prefix: string;
  name: string;
  source: string;
  requirements: RequirementRecord[];
}

export interface LeadTitleRecord extends SourceSpan {
  name: string;
  jobTitle: string;
}

export interface PlanRecord extends SourceSpan {
  title: string;
  /** "2011-03": plans are dated by month. */
  date?: string;
  ownerBodyName?: string;
  reportsTo: string[];
  priorities: PriorityRecord[];
  outcomes: OutcomeRecord[];
  actions: ActionRecord[];
  requirementSets: RequirementSetRecord[];
  leadTitles: LeadTitleRecord[];
  /** Roles named with the people who fill them: "Heads of Service" -> Karen Graham, ... */
  roleHolders: Array<{ role: string; name: string; area?: string }>;
}

export interface IndicatorRecord extends SourceSpan {
  name: string;
  definition: string;
  /** "Impact:" as printed: why it matters. */
  impact?: string;
  unit: 'count' | 'percent';
  polarity: 'lower-is-better' | 'higher-is-better';
  frequency: 'monthly';
}

/** A figure printed in a progress report: "Reduced unallocated cases from 2269 to 973" between February and April. */
export interface ObservationRecord extends SourceSpan {
  /** As printed: "unallocated cases". */
  label: string;
  /** "2011-02" */
  period: string;
  value: number;
}

export interface TargetRecord extends SourceSpan {
  /** The clause as printed: "unallocated cases over 28 days". */
  label: string;
  requirementCode: string;
  value: number;
  comparison: 'at-most' | 'at-least';
  /** "2011-08" */
  deadline?: string;
  /** For a target stated as its complement ("vacancy rate to 10%" for an indicator of posts filled). */
  note?: string;
}
