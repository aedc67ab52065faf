import type { Audited, Optional } from './columns.ts';
import type { NoticeRoute } from '../../domain/forward-plan/notice.ts';
import type { InterestCategory } from '../../domain/interests/categories.ts';

export interface ForwardPlanEntryTable extends Audited {
  id: string;
  reference: string;
  subject: string;
  summary: Optional<string>;
  decision_maker_body_id: string | null;
  decision_maker_person_id: string | null;
  decision_maker_title: Optional<string>;
  planned_date: string;
  wards: Optional<string[]>;
  documents: Optional<string>;
  consultees: Optional<string>;
  contact: Optional<string>;
  key_decision: Optional<boolean>;
  private_meeting: Optional<boolean>;
  exempt_paragraphs: Optional<number[]>;
  private_reasons: Optional<string>;
  officer_note: Optional<string>;
  notice_route: Optional<NoticeRoute>;
  urgency_reasons: Optional<string>;
  scrutiny_chair_person_id: Optional<string | null>;
  scrutiny_chair_informed_on: Optional<string | null>;
  scrutiny_chair_agreed_on: Optional<string | null>;
  published_on: Optional<string | null>;
  withdrawn_on: Optional<string | null>;
  withdrawn_reason: Optional<string>;
}

export interface ForwardPlanRepresentationTable extends Audited {
  id: string;
  entry_id: string;
  received_on: string;
  text: string;
  response: Optional<string>;
  responded_on: Optional<string | null>;
}

export interface ExecutiveDecisionRecordTable extends Audited {
  id: string;
  entry_id: string;
  decided_on: string;
  decision: string;
  reasons: string;
  alternatives_rejected: Optional<string>;
  conflicts: Optional<string>;
  meeting_id: string | null;
  minute_id: string | null;
  officer_record: Optional<string>;
  published_on: string;
  call_in_ends_on: string | null;
  implementation_date: string;
  decision_id: string | null;
}

export type RegisterStatus = 'draft' | 'submitted' | 'published';

export interface InterestRegisterTable extends Audited {
  id: string;
  person_id: string;
  version: number;
  status: RegisterStatus;
  submitted_on: Optional<string | null>;
  published_on: Optional<string | null>;
  published_by: Optional<string | null>;
  review_note: Optional<string>;
}

export interface InterestEntryTable extends Audited {
  id: string;
  register_id: string;
  entry_key: string;
  position: number;
  category: InterestCategory;
  description: string;
  spouse_partner: Optional<boolean>;
  sensitive: Optional<boolean>;
  registered_on: string;
}

export interface GiftHospitalityTable extends Audited {
  id: string;
  person_id: string;
  kind: 'gift' | 'hospitality';
  description: string;
  donor: string;
  value_pence: number;
  received_on: string;
  registered_on: string;
  published_on: Optional<string | null>;
}

export interface DeclarationInterestTable extends Audited {
  /** The declaration's id. */
  id: string;
  entry_key: string | null;
  flagged_on: string | null;
  flag_reason: Optional<string>;
  resolved_on: Optional<string | null>;
  resolution: Optional<string>;
}

export interface OutsideBodyTable extends Audited {
  id: string;
  name: string;
  slug: string;
  description: Optional<string>;
  category: Optional<string>;
  website: Optional<string>;
  places: number;
}

export interface OutsideBodyAppointmentTable extends Audited {
  id: string;
  outside_body_id: string;
  person_id: string;
  role: Optional<string>;
  starts_on: string;
  ends_on: Optional<string | null>;
  appointed_at_meeting_id: Optional<string | null>;
  appointed_at_minute_id: Optional<string | null>;
}

export interface OutsideBodyReportTable extends Audited {
  id: string;
  appointment_id: string;
  agenda_item_id: string;
  summary: Optional<string>;
}

/** This capability's tables, part of the Database type. */
export interface RegistersTables {
  forward_plan_entry: ForwardPlanEntryTable;
  forward_plan_representation: ForwardPlanRepresentationTable;
  executive_decision_record: ExecutiveDecisionRecordTable;
  interest_register: InterestRegisterTable;
  interest_entry: InterestEntryTable;
  gift_hospitality: GiftHospitalityTable;
  declaration_interest: DeclarationInterestTable;
  outside_body: OutsideBodyTable;
  outside_body_appointment: OutsideBodyAppointmentTable;
  outside_body_report: OutsideBodyReportTable;
}
