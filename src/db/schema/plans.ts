import type { Audited, Optional, Sourced } from './columns.ts';
import type { Recurrence, Timescale } from '../../domain/plans/timescale.ts';
import type { ActionStatus } from '../../domain/plans/action-status.ts';

export type Rag = 'red' | 'amber' | 'green';
export type IndicatorUnit = 'count' | 'percent';
export type Polarity = 'lower-is-better' | 'higher-is-better';
export type TargetComparison = 'at-most' | 'at-least';

export interface PlanTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  title: string;
  slug: string;
  issued_month: string | null;
  owner_body_id: string | null;
}

export interface PlanGovernanceTable extends Audited {
  id: string;
  plan_id: string;
  body_id: string;
  position: number;
}

export interface PlanPriorityTable extends Audited, Sourced {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  key_objectives: Optional<string>;
}

export interface PlanOutcomeTable extends Audited, Sourced {
  id: string;
  plan_id: string;
  priority_id: string;
  ref: string;
  statement: string;
}

export interface PlanActionTable extends Audited, Sourced {
  id: string;
  plan_id: string;
  /** Null for an action read from prose: its plan printed no outcomes. */
  outcome_id: string | null;
  ref: string;
  position: number;
  text: string;
  joint_with: string | null;
  /** As a paper stated it (src/domain/plans/action-status.ts); null when none was printed. */
  status: ActionStatus | null;
}

export interface PlanMilestoneTable extends Audited, Sourced {
  id: string;
  action_id: string;
  position: number;
  timescale_text: string;
  timescale_kind: Timescale['kind'];
  start_date: string | null;
  end_date: string | null;
  recurrence: Recurrence | null;
  until_date: string | null;
  review: Optional<boolean>;
}

export interface PlanMeasureTable extends Audited {
  id: string;
  milestone_id: string;
  position: number;
  text: string;
}

export interface PlanLeadTable extends Audited {
  id: string;
  plan_id: string;
  priority_id: string | null;
  milestone_id: string | null;
  position: number;
  person_id: string | null;
  role: string | null;
}

export interface RequirementSetTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  plan_id: string | null;
  prefix: string;
  name: string;
  source: string;
}

export interface RequirementTable extends Audited, Sourced {
  id: string;
  set_id: string;
  code: string;
  number: number;
  text: string;
  area: string | null;
  due_category: string | null;
  due_date: string | null;
}

export interface PlanActionRequirementTable extends Audited {
  id: string;
  action_id: string;
  requirement_id: string;
}

export interface PlanProgressUpdateTable extends Audited {
  id: string;
  action_id: string;
  measure_id: string | null;
  update_date: string;
  rag: Rag;
  narrative: string;
  measure_completed: Optional<boolean>;
  author_name: string;
  author_person_id: string | null;
}

export interface IndicatorTable extends Audited, Sourced {
  id: string;
  authority_id: string;
  plan_id: string | null;
  name: string;
  slug: string;
  definition: string;
  impact: string | null;
  unit: IndicatorUnit;
  polarity: Polarity;
  frequency: Optional<'weekly' | 'monthly' | 'quarterly' | 'annually'>;
  position: Optional<number>;
  on_dashboard: Optional<boolean>;
}

export interface IndicatorObservationTable extends Audited, Sourced {
  id: string;
  indicator_id: string;
  period: string;
  value: number;
  as_at: string;
  printed_label: string | null;
  commentary: string | null;
}

export interface IndicatorTargetTable extends Audited {
  id: string;
  indicator_id: string;
  requirement_id: string | null;
  value: number;
  comparison: TargetComparison;
  deadline: string | null;
  printed_label: string;
  note: string | null;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface PlansTables {
  plan: PlanTable;
  plan_governance: PlanGovernanceTable;
  plan_priority: PlanPriorityTable;
  plan_outcome: PlanOutcomeTable;
  plan_action: PlanActionTable;
  plan_milestone: PlanMilestoneTable;
  plan_measure: PlanMeasureTable;
  plan_lead: PlanLeadTable;
  requirement_set: RequirementSetTable;
  requirement: RequirementTable;
  plan_action_requirement: PlanActionRequirementTable;
  plan_progress_update: PlanProgressUpdateTable;
  indicator: IndicatorTable;
  indicator_observation: IndicatorObservationTable;
  indicator_target: IndicatorTargetTable;
}
