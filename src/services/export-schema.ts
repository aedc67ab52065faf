/**
 * The JSON export document (`quorum export --json`), documented field by field in docs/export.md.
 *
 * The schema mirrors the database's own constraints and no more: anything the database can hold must survive an
 * export and a restore, so a stricter rule here (say, a non-empty title) would make a real backup unrestorable.
 * Objects are strict: a restore rejects fields it does not know rather than silently dropping data written by a
 * newer Quorum.
 */
import { z } from 'zod';
import { AGENDA_ITEM_KINDS } from '../domain/agenda-item-kind.ts';
import { STORED_VOTE_OPTIONS } from '../domain/vote-options.ts';
import { RegistersExportSchema } from './registers/export-section.ts';
import { EXPORT_SECTIONS, type SectionName } from './export/sections.ts';
import { sectionSchema } from './export/table-section.ts';

export const EXPORT_FORMAT = 'quorum-export';
/** Version 2 (issue 21): every capability's records, and the committee records' columns version 1 left out. */
export const EXPORT_VERSION = 2;
/** The versions this Quorum restores; older ones are read by services/export/read-version-1.ts. */
export const READABLE_VERSIONS = [1, 2] as const;

const Id = z.string();
const got = (input: unknown) => (input === undefined ? '' : `, got ${JSON.stringify(input)}`);
const IsoDate = z.iso.date({ error: (issue) => `expected a date as YYYY-MM-DD${got(issue.input)}` });
/** Council times carry no seconds; the database's `time` is cut to minutes on export. */
const ClockTime = z.iso.time({ precision: -1, error: (issue) => `expected a time as HH:MM${got(issue.input)}` });
const Timestamp = z.iso.datetime({ offset: true, error: (issue) => `expected an ISO 8601 date and time${got(issue.input)}` });
const Int = z.int32();
const TextList = z.array(z.string());

/** Where in an imported paper a record came from; null for records entered by hand. */
export const SourceRefSchema = z
  .strictObject({
    documentId: Id,
    lineFrom: Int.nullable(),
    lineTo: Int.nullable(),
  })
  .nullable();
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const SourceDocumentSchema = z.strictObject({
  id: Id,
  contentHash: z.string(),
  fileName: z.string(),
  format: z.string(),
  kinds: TextList,
  bytes: Int,
  lineCount: Int,
  importedAt: Timestamp,
});
export type ExportSourceDocument = z.infer<typeof SourceDocumentSchema>;

export const PersonSchema = z.strictObject({
  id: Id,
  kind: z.enum(['member', 'officer', 'external']),
  honorific: z.string().nullable(),
  givenName: z.string().nullable(),
  initials: TextList,
  familyName: z.string(),
  postNominals: TextList,
  jobTitle: z.string().nullable(),
  /** Every printed form under which the person has appeared. */
  aliases: TextList,
  /** Derived from the name parts for readers of the file; ignored on restore. */
  displayName: z.string(),
});
export type ExportPerson = z.infer<typeof PersonSchema>;

export const GroupMembershipSchema = z.strictObject({
  id: Id,
  personId: Id,
  role: z.string().nullable(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
});

/** A political group, with its members. */
export const GroupSchema = z.strictObject({
  id: Id,
  name: z.string(),
  abbreviation: z.string().nullable(),
  memberships: z.array(GroupMembershipSchema),
});
export type ExportGroup = z.infer<typeof GroupSchema>;

export const BodySchema = z.strictObject({
  id: Id,
  name: z.string(),
  slug: z.string(),
  kind: z.enum(['council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other']),
  parentId: Id.nullable(),
});
export type ExportBody = z.infer<typeof BodySchema>;

export const MembershipSchema = z.strictObject({
  id: Id,
  personId: Id,
  bodyId: Id,
  role: z.string(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
});
export type ExportMembership = z.infer<typeof MembershipSchema>;

export const MotionSchema = z.strictObject({
  id: Id,
  position: Int,
  text: z.string().nullable(),
  moverId: Id.nullable(),
  seconderId: Id.nullable(),
  /** How it was decided, when recorded on the motion (absent while undecided, as a notice of motion on an agenda). */
  result: z.string().optional(),
  /** A minute's motion that was given notice of under an agenda item: that item (absent otherwise). */
  agendaItemId: Id.optional(),
});

export type ExportMotion = z.infer<typeof MotionSchema>;

export const AgendaItemSchema = z.strictObject({
  id: Id,
  number: z.string(),
  position: Int,
  title: z.string(),
  description: z.string().nullable(),
  pageFrom: Int.nullable(),
  pageTo: Int.nullable(),
  exempt: z.boolean(),
  exemptParagraphs: z.array(Int),
  reportId: Id.nullable(),
  source: SourceRefSchema,
  /** A notice of motion, a question or a petition (absent for an ordinary item, and from exports made before kinds). */
  kind: z.enum(AGENDA_ITEM_KINDS).exclude(['item']).optional(),
  /** The notices of motion printed under the item and not yet minuted (absent when none). */
  motions: z.array(MotionSchema).optional(),
});
export type ExportAgendaItem = z.infer<typeof AgendaItemSchema>;

export const AttendanceSchema = z.strictObject({
  id: Id,
  personId: Id,
  status: z.enum(['present', 'apologies', 'absent', 'substitute', 'also-present', 'in-attendance']),
  role: z.string().nullable(),
  printedName: z.string(),
  substituteForPersonId: Id.nullable(),
  source: SourceRefSchema,
});
export type ExportAttendance = z.infer<typeof AttendanceSchema>;

export const DeclarationSchema = z.strictObject({
  id: Id,
  personId: Id,
  agendaItemId: Id.nullable(),
  minuteId: Id.nullable(),
  agendaItemNumber: z.string().nullable(),
  kind: z.string(),
  reason: z.string(),
  source: SourceRefSchema,
});
export type ExportDeclaration = z.infer<typeof DeclarationSchema>;

export const ResolutionSchema = z.strictObject({
  id: Id,
  position: Int,
  text: z.string(),
  unanimous: z.boolean(),
});

export const MinuteSchema = z.strictObject({
  id: Id,
  number: z.string(),
  position: Int,
  title: z.string(),
  agendaItemId: Id.nullable(),
  agendaItemNumber: z.string().nullable(),
  text: z.string(),
  exempt: z.boolean(),
  exemptParagraphs: z.array(Int),
  /** For a minute approving earlier minutes: the date printed, and the meeting it resolved to (if any). */
  approvesMeetingDate: IsoDate.nullable(),
  approvesMeetingId: Id.nullable(),
  applicationReference: z.string().nullable(),
  source: SourceRefSchema,
  resolutions: z.array(ResolutionSchema),
  motions: z.array(MotionSchema),
});
export type ExportMinute = z.infer<typeof MinuteSchema>;

export const VoteSchema = z.strictObject({
  personId: Id,
  /** absent and not_voting: named by a roll call, but not votes cast (not in the event's counts). */
  option: z.enum(STORED_VOTE_OPTIONS),
  printedName: z.string(),
});

export const VoteEventSchema = z.strictObject({
  id: Id,
  minuteId: Id.nullable(),
  motionText: z.string().nullable(),
  moverId: Id.nullable(),
  seconderId: Id.nullable(),
  forCount: Int,
  againstCount: Int,
  abstainCount: Int,
  result: z.string(),
  /** The chair who decided a tie with a casting vote (absent from exports made before it was recorded). */
  castingVoterId: Id.nullable().optional(),
  source: SourceRefSchema,
  votes: z.array(VoteSchema),
});
export type ExportVoteEvent = z.infer<typeof VoteEventSchema>;

export const QuestionSchema = z.strictObject({
  id: Id,
  position: Int,
  askedById: Id,
  askedToId: Id.nullable(),
  toRole: z.string().nullable(),
  questionText: z.string(),
  answerText: z.string().nullable(),
  source: SourceRefSchema,
});
export type ExportQuestion = z.infer<typeof QuestionSchema>;

export const MeetingSchema = z.strictObject({
  id: Id,
  bodyId: Id,
  date: IsoDate,
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  location: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled', 'postponed']),
  kind: z.enum(['annual', 'ordinary', 'extraordinary', 'special']),
  source: SourceRefSchema,
  agendaItems: z.array(AgendaItemSchema),
  attendance: z.array(AttendanceSchema),
  declarations: z.array(DeclarationSchema),
  minutes: z.array(MinuteSchema),
  voteEvents: z.array(VoteEventSchema),
  questions: z.array(QuestionSchema),
});
export type ExportMeeting = z.infer<typeof MeetingSchema>;

export const ReportSchema = z.strictObject({
  id: Id,
  subject: z.string(),
  by: TextList,
  to: TextList,
  reportDate: IsoDate.nullable(),
  classification: z.string().nullable(),
  exempt: z.boolean(),
  summary: z.string().nullable(),
  recommendations: z.string().nullable(),
  contact: z.string().nullable(),
  backgroundDocuments: z.string().nullable(),
  fullText: z.string(),
  source: SourceRefSchema,
});
export type ExportReport = z.infer<typeof ReportSchema>;

export const DecisionSchema = z.strictObject({
  id: Id,
  decisionDate: IsoDate,
  decisionMakerPersonId: Id.nullable(),
  decisionMakerRole: z.string().nullable(),
  decisionMakerBodyId: Id.nullable(),
  subject: z.string(),
  text: z.string(),
  isKey: z.boolean(),
  isUrgent: z.boolean(),
  urgencyReason: z.string().nullable(),
  recordNumber: z.string().nullable(),
  reportId: Id.nullable(),
  source: SourceRefSchema,
});
export type ExportDecision = z.infer<typeof DecisionSchema>;

/** Version 1 as written before issue 21; still restorable (services/export/read-version-1.ts). */
export const ExportDocumentV1Schema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}": this is not a Quorum export` }),
  version: z.literal(1),
  exportedAt: Timestamp,
  /** False when exempt text was left out (see docs/export.md, "Exempt information"). */
  includesExempt: z.boolean(),
  authority: z.strictObject({ id: Id, name: z.string() }),
  sources: z.array(SourceDocumentSchema),
  people: z.array(PersonSchema),
  groups: z.array(GroupSchema),
  bodies: z.array(BodySchema),
  memberships: z.array(MembershipSchema),
  meetings: z.array(MeetingSchema),
  reports: z.array(ReportSchema),
  decisions: z.array(DecisionSchema),
  /** The statutory registers (services/registers/export-section.ts); absent in exports made before them. */
  registers: RegistersExportSchema.optional(),
});
export type ExportDocumentV1 = z.infer<typeof ExportDocumentV1Schema>;

// ---- version 2: the committee records' remaining columns, and every capability's section -------------------------

export const PersonV2Schema = PersonSchema.extend({
  /** For reminders and sign-in links; null in a public export. */
  email: z.string().nullable(),
  /** The ward (electoral division) a member represents (an entry in `wards`). */
  wardId: Id.nullable().optional(),
  /** The member's term of office. */
  termStart: IsoDate.nullable().optional(),
  termEnd: IsoDate.nullable().optional(),
  /** Contact details; null in a public export, like the email address. */
  phone: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});

export const WardSchema = z.strictObject({ id: Id, name: z.string(), slug: z.string() });
export type ExportWard = z.infer<typeof WardSchema>;

/** A body with what its public page shows of it: terms of reference and the clerk to contact. */
export const BodyV2Schema = BodySchema.extend({
  termsOfReference: z.string().optional(),
  clerkName: z.string().nullable().optional(),
  clerkEmail: z.string().nullable().optional(),
  clerkPhone: z.string().nullable().optional(),
});
export type ExportPersonV2 = z.infer<typeof PersonV2Schema>;

export const ResolutionV2Schema = ResolutionSchema.extend({
  /** When a resolution was withdrawn (rescinded), and by whom; null while it stands. */
  withdrawnAt: Timestamp.nullable(),
  withdrawnBy: z.string().nullable(),
});

export const MinuteV2Schema = MinuteSchema.extend({ resolutions: z.array(ResolutionV2Schema) });
export type ExportMinuteV2 = z.infer<typeof MinuteV2Schema>;

export const MeetingV2Schema = MeetingSchema.extend({
  cancelledReason: z.string().nullable(),
  /** When a published meeting was withdrawn, and the public reason; null while it stands (docs/back-office.md). */
  withdrawnAt: Timestamp.nullable(),
  withdrawnReason: z.string().nullable(),
  /** Bumped by the database on every change (iCalendar SEQUENCE). */
  sequence: Int,
  minutes: z.array(MinuteV2Schema),
});
export type ExportMeetingV2 = z.infer<typeof MeetingV2Schema>;

export const ReportV2Schema = ReportSchema.extend({
  /** The report's original file, if one was uploaded: its bytes are in `files.storedFiles`. Null in a public export. */
  originalFileSha256: z.string().nullable(),
  originalFilename: z.string().nullable(),
  originalMediaType: z.string().nullable(),
});
export type ExportReportV2 = z.infer<typeof ReportV2Schema>;

/** The records of one row-for-row section (services/export/table-section.ts): lists of rows by name. */
export type SectionRecords = Record<string, Array<Record<string, unknown>>>;

const ExportCoreSchema = ExportDocumentV1Schema.extend({
  version: z.literal(EXPORT_VERSION, { error: `must be ${READABLE_VERSIONS.join(' or ')}: this Quorum reads exports of those versions` }),
  people: z.array(PersonV2Schema),
  /** Wards (electoral divisions); absent in exports written before wards were recorded. */
  wards: z.array(WardSchema).optional(),
  bodies: z.array(BodyV2Schema),
  meetings: z.array(MeetingV2Schema),
  reports: z.array(ReportV2Schema),
  registers: RegistersExportSchema,
});

const sectionShapes = Object.fromEntries(EXPORT_SECTIONS.map((section) => [section.name, sectionSchema(section)]));

export const ExportDocumentSchema = ExportCoreSchema.extend(sectionShapes) as unknown as z.ZodType<ExportDocument>;
export type ExportDocument = z.infer<typeof ExportCoreSchema> & Record<SectionName, SectionRecords>;
