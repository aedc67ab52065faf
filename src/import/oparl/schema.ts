/**
 * The OParl 1.1 objects the importer reads, as zod schemas: only the fields it uses are checked, every other field
 * (vendor extensions, fields of later versions) passes through untouched. An object that fails is reported with its
 * URL and the field at fault and is not written (never half a record).
 */
import { z } from 'zod';

const url = z.string().url();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
/** OParl date-times carry an offset ("2013-01-04T08:00:00+01:00"); "Z" is accepted too. */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/, 'a date-time with an offset');
const typed = (name: string) => z.string().refine((value) => value.endsWith(`/${name}`), `a https://schema.oparl.org/1.1/${name}`);

const base = { id: url, created: dateTime.optional(), modified: dateTime.optional(), deleted: z.boolean().optional() };

/** A deleted object (OParl 1.1 section 2.8) says only that it is gone. */
export const DeletedSchema = z.object({ id: url, type: z.string(), deleted: z.literal(true), modified: dateTime.optional() }).passthrough();

export const SystemSchema = z.object({ ...base, type: typed('System'), name: z.string().optional(), body: url }).passthrough();

export const BodySchema = z
  .object({ ...base, type: typed('Body'), name: z.string().min(1), organization: url, person: url, meeting: url, paper: url })
  .passthrough();
export type OParlBody = z.infer<typeof BodySchema>;

export const OrganizationSchema = z
  .object({
    ...base,
    type: typed('Organization'),
    name: z.string().min(1),
    shortName: z.string().optional(),
    organizationType: z.string().optional(),
    classification: z.string().optional(),
    subOrganizationOf: url.optional(),
  })
  .passthrough();
export type OParlOrganization = z.infer<typeof OrganizationSchema>;

export const MembershipSchema = z
  .object({
    ...base,
    type: typed('Membership'),
    person: url.optional(),
    organization: url,
    role: z.string().optional(),
    startDate: date.optional(),
    endDate: date.optional(),
  })
  .passthrough();
export type OParlMembership = z.infer<typeof MembershipSchema>;

export const PersonSchema = z
  .object({
    ...base,
    type: typed('Person'),
    name: z.string().optional(),
    familyName: z.string().optional(),
    givenName: z.string().optional(),
    formOfAddress: z.string().optional(),
    title: z.array(z.string()).optional(),
    status: z.array(z.string()).optional(),
    membership: z.array(MembershipSchema).optional(),
  })
  .passthrough()
  .refine((person) => Boolean(person.familyName?.trim() || person.name?.trim()), { message: 'a person needs a familyName or a name', path: ['familyName'] });
export type OParlPerson = z.infer<typeof PersonSchema>;

export const LocationSchema = z.object({ id: url.optional(), description: z.string().optional() }).passthrough();

export const AgendaItemSchema = z
  .object({
    ...base,
    type: typed('AgendaItem'),
    meeting: url.optional(),
    number: z.string().optional(),
    order: z.number().int().min(0).optional(),
    name: z.string().min(1),
    public: z.boolean().optional(),
    consultation: url.optional(),
    resolutionText: z.string().optional(),
    keyword: z.array(z.string()).optional(),
    'quorum:exemptParagraphs': z.array(z.number().int().positive()).optional(),
  })
  .passthrough();
export type OParlAgendaItem = z.infer<typeof AgendaItemSchema>;

export const MeetingSchema = z
  .object({
    ...base,
    type: typed('Meeting'),
    name: z.string().optional(),
    meetingState: z.string().optional(),
    cancelled: z.boolean().optional(),
    start: dateTime.optional(),
    end: dateTime.optional(),
    'quorum:date': date.optional(),
    location: LocationSchema.optional(),
    organization: z.array(url).optional(),
    participant: z.array(url).optional(),
    agendaItem: z.array(AgendaItemSchema).optional(),
  })
  .passthrough()
  .refine((meeting) => Boolean(meeting.start || meeting['quorum:date']), { message: 'a meeting needs a start (its date)', path: ['start'] });
export type OParlMeeting = z.infer<typeof MeetingSchema>;

export const FileSchema = z
  .object({
    ...base,
    type: typed('File'),
    name: z.string().optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    date: date.optional(),
    size: z.number().int().min(0).optional(),
    sha1Checksum: z.string().optional(),
    text: z.string().optional(),
    accessUrl: url,
    downloadUrl: url.optional(),
  })
  .passthrough();
export type OParlFile = z.infer<typeof FileSchema>;

export const ConsultationSchema = z.object({ ...base, type: typed('Consultation'), agendaItem: url.optional(), meeting: url.optional() }).passthrough();

export const PaperSchema = z
  .object({
    ...base,
    type: typed('Paper'),
    name: z.string().min(1),
    date: date.optional(),
    mainFile: FileSchema.optional(),
    consultation: z.array(ConsultationSchema).optional(),
    'quorum:by': z.array(z.string()).optional(),
    'quorum:to': z.array(z.string()).optional(),
  })
  .passthrough();
export type OParlPaper = z.infer<typeof PaperSchema>;

/** One page of an external list (OParl 1.1 section 2.6). */
export const ListPageSchema = z
  .object({
    data: z.array(z.unknown()),
    links: z.object({ next: url.optional() }).passthrough().optional(),
    pagination: z
      .object({ totalElements: z.number().int().min(0).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** zod problems as "field: message", the project's one form of a validation error. */
export function describeProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(object)'}: ${issue.message}`).join('; ');
}
