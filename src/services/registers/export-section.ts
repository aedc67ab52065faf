/**
 * The registers in `quorum export --json` (docs/export.md, "Registers"): every row of the forward plan, the registers
 * of interests and outside bodies, field by field as in the database (camelCase), so a restore brings them all back.
 * With --public only what the public may see: published, unwithdrawn forward plan entries without officers' notes;
 * published versions of registers with sensitive interests withheld and whose an interest is not said (null); published
 * gifts; no declaration links or flags (they are the monitoring officer's).
 */
import { z } from 'zod';
import type { ExportTables } from '../../db/queries/export.ts';
import { INTEREST_CATEGORIES, WITHHELD_WORDING } from '../../domain/interests/categories.ts';
import { NOTICE_ROUTES } from '../../domain/forward-plan/notice.ts';
import type { NewRow, Row } from '../../db/types.ts';

const Id = z.string();
const Day = z.iso.date();
const Text = z.string();

const ForwardPlanEntry = z.strictObject({
  id: Id,
  reference: Text,
  subject: Text,
  summary: Text,
  decisionMakerBodyId: Id.nullable(),
  decisionMakerPersonId: Id.nullable(),
  decisionMakerTitle: Text,
  plannedDate: Day,
  wards: z.array(Text),
  documents: Text,
  consultees: Text,
  contact: Text,
  keyDecision: z.boolean(),
  privateMeeting: z.boolean(),
  exemptParagraphs: z.array(z.int()),
  privateReasons: Text,
  officerNote: Text,
  noticeRoute: z.enum(NOTICE_ROUTES),
  urgencyReasons: Text,
  scrutinyChairPersonId: Id.nullable(),
  scrutinyChairInformedOn: Day.nullable(),
  scrutinyChairAgreedOn: Day.nullable(),
  publishedOn: Day.nullable(),
  withdrawnOn: Day.nullable(),
  withdrawnReason: Text,
});
const Representation = z.strictObject({ id: Id, entryId: Id, receivedOn: Day, text: Text, response: Text, respondedOn: Day.nullable() });
const DecisionRecord = z.strictObject({
  id: Id,
  entryId: Id,
  decidedOn: Day,
  decision: Text,
  reasons: Text,
  alternativesRejected: Text,
  conflicts: Text,
  meetingId: Id.nullable(),
  minuteId: Id.nullable(),
  officerRecord: Text,
  publishedOn: Day,
  callInEndsOn: Day.nullable(),
  implementationDate: Day,
  decisionId: Id.nullable(),
});
const InterestRegister = z.strictObject({
  id: Id,
  personId: Id,
  version: z.int(),
  status: z.enum(['draft', 'submitted', 'published']),
  submittedOn: Day.nullable(),
  publishedOn: Day.nullable(),
  publishedBy: Text.nullable(),
  reviewNote: Text,
});
const InterestEntry = z.strictObject({
  id: Id,
  registerId: Id,
  entryKey: Id,
  position: z.int(),
  category: z.enum(INTEREST_CATEGORIES),
  description: Text,
  /** null in a public export: whose an interest is is not said. */
  spousePartner: z.boolean().nullable(),
  sensitive: z.boolean(),
  registeredOn: Day,
});
const Gift = z.strictObject({
  id: Id,
  personId: Id,
  kind: z.enum(['gift', 'hospitality']),
  description: Text,
  donor: Text,
  valuePence: z.int(),
  receivedOn: Day,
  registeredOn: Day,
  publishedOn: Day.nullable(),
});
const DeclarationLink = z.strictObject({
  id: Id,
  entryKey: Id.nullable(),
  flaggedOn: Day.nullable(),
  flagReason: Text,
  resolvedOn: Day.nullable(),
  resolution: Text,
});
const OutsideBody = z.strictObject({ id: Id, name: Text, slug: Text, description: Text, category: Text, website: Text, places: z.int() });
const Appointment = z.strictObject({
  id: Id,
  outsideBodyId: Id,
  personId: Id,
  role: Text,
  startsOn: Day,
  endsOn: Day.nullable(),
  appointedAtMeetingId: Id.nullable(),
  appointedAtMinuteId: Id.nullable(),
});
const ReportBack = z.strictObject({ id: Id, appointmentId: Id, agendaItemId: Id, summary: Text });

export const RegistersExportSchema = z.strictObject({
  forwardPlanEntries: z.array(ForwardPlanEntry),
  forwardPlanRepresentations: z.array(Representation),
  executiveDecisionRecords: z.array(DecisionRecord),
  interestRegisters: z.array(InterestRegister),
  interestEntries: z.array(InterestEntry),
  giftsAndHospitality: z.array(Gift),
  declarationLinks: z.array(DeclarationLink),
  outsideBodies: z.array(OutsideBody),
  outsideBodyAppointments: z.array(Appointment),
  outsideBodyReports: z.array(ReportBack),
});
export type RegistersExport = z.infer<typeof RegistersExportSchema>;

/** Section name -> table, in an order that satisfies every foreign key on restore. */
const TABLES = {
  forwardPlanEntries: 'forward_plan_entry',
  forwardPlanRepresentations: 'forward_plan_representation',
  executiveDecisionRecords: 'executive_decision_record',
  interestRegisters: 'interest_register',
  interestEntries: 'interest_entry',
  giftsAndHospitality: 'gift_hospitality',
  declarationLinks: 'declaration_interest',
  outsideBodies: 'outside_body',
  outsideBodyAppointments: 'outside_body_appointment',
  outsideBodyReports: 'outside_body_report',
} as const satisfies Record<keyof RegistersExport, keyof ExportTables>;

const camel = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * A row as the document writes it: camelCase keys, without the created/updated stamps (as elsewhere in the export:
 * they say when a row was written to this database, and a restore stamps its own).
 */
function fromRow(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => key !== 'created_at' && key !== 'updated_at')
      .map(([key, value]) => [camel(key), value]),
  );
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function registersSection(t: ExportTables, includeExempt: boolean): RegistersExport {
  const entries = t.forward_plan_entry.filter((row) => includeExempt || (row.published_on !== null && row.withdrawn_on === null));
  const entryIds = new Set(entries.map((row) => row.id));
  const registers = t.interest_register.filter((row) => includeExempt || row.status === 'published');
  const registerIds = new Set(registers.map((row) => row.id));
  const publicEntry = (row: Row<'interest_entry'>) =>
    includeExempt ? fromRow(row) : { ...fromRow(row), spousePartner: null, description: row.sensitive ? WITHHELD_WORDING : row.description };
  return RegistersExportSchema.parse({
    forwardPlanEntries: byId(entries).map((row) => (includeExempt ? fromRow(row) : { ...fromRow(row), officerNote: '' })),
    forwardPlanRepresentations: byId(t.forward_plan_representation.filter((row) => entryIds.has(row.entry_id))).map(fromRow),
    executiveDecisionRecords: byId(t.executive_decision_record.filter((row) => entryIds.has(row.entry_id))).map(fromRow),
    interestRegisters: byId(registers).map((row) => (includeExempt ? fromRow(row) : { ...fromRow(row), publishedBy: null, reviewNote: '' })),
    interestEntries: byId(t.interest_entry.filter((row) => registerIds.has(row.register_id))).map(publicEntry),
    giftsAndHospitality: byId(t.gift_hospitality.filter((row) => includeExempt || row.published_on !== null)).map(fromRow),
    declarationLinks: includeExempt ? byId(t.declaration_interest).map(fromRow) : [],
    outsideBodies: byId(t.outside_body).map(fromRow),
    outsideBodyAppointments: byId(t.outside_body_appointment).map(fromRow),
    outsideBodyReports: byId(t.outside_body_report).map(fromRow),
  });
}

export interface RegistersRestoreStep {
  label: string;
  table: (typeof TABLES)[keyof typeof TABLES];
  rows: Array<NewRow<(typeof TABLES)[keyof typeof TABLES]>>;
}

/** The section's records as table rows, parents first; a withheld "whose" (null) restores as the member's own. */
export function registersRestoreSteps(section: RegistersExport | undefined): RegistersRestoreStep[] {
  if (!section) return [];
  return (Object.keys(TABLES) as Array<keyof RegistersExport>).map((key) => ({
    label: key,
    table: TABLES[key],
    rows: (section[key] as Array<Record<string, unknown>>).map((record) =>
      Object.fromEntries(Object.entries(record).map(([field, value]) => [snake(field), field === 'spousePartner' && value === null ? false : value])),
    ) as RegistersRestoreStep['rows'],
  }));
}
