/** The JSON API's schemas for the statutory registers: forward plan entries, members' registers, outside bodies. */
import { z } from 'zod';
import { INTEREST_CATEGORIES } from '../../domain/interests/categories.ts';
import { NOTICE_ROUTES } from '../../domain/forward-plan/notice.ts';

const IsoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const Day = z.string().describe('A date as YYYY-MM-DD');

export const ForwardPlanQuerySchema = z.object({
  from: IsoDate.optional().describe('Only entries whose decision is planned on or after this date'),
  to: IsoDate.optional().describe('Only entries whose decision is planned on or before this date'),
  status: z.enum(['planned', 'decided']).optional().describe('Only entries still to be decided, or decided'),
});

export const ForwardPlanEntrySchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    subject: z.string(),
    summary: z.string(),
    decisionMaker: z.object({ text: z.string(), bodyId: z.string().nullable(), personId: z.string().nullable(), title: z.string() }),
    plannedDate: Day,
    wards: z.array(z.string()),
    documents: z.string(),
    consultees: z.string(),
    contact: z.string(),
    keyDecision: z.boolean(),
    noticeRoute: z.enum(NOTICE_ROUTES).describe('notice (28 clear days, regulation 9), general-exception (regulation 10) or special-urgency (regulation 11)'),
    noticeRouteLabel: z.string(),
    urgencyReasons: z.string(),
    scrutinyChair: z.object({ personId: z.string(), name: z.string().nullable(), informedOn: Day.nullable(), agreedOn: Day.nullable() }).nullable(),
    publishedOn: Day,
    privateMeeting: z
      .object({
        exemptParagraphs: z.array(z.int()).describe('Paragraphs of Schedule 12A to the Local Government Act 1972'),
        reasons: z.string(),
        furtherNoticeDue: Day,
        representations: z.array(z.object({ receivedOn: Day, text: z.string(), response: z.string(), respondedOn: Day.nullable() })),
      })
      .nullable(),
    decision: z
      .object({
        decidedOn: Day,
        decision: z.string(),
        reasons: z.string(),
        alternativesRejected: z.string(),
        conflicts: z.string(),
        meetingId: z.string().nullable(),
        minuteId: z.string().nullable(),
        officerRecord: z.string(),
        publishedOn: Day,
        callInEndsOn: Day.nullable().describe('The last day it may be called in; null when not subject to call-in'),
        implementationDate: Day,
        decisionId: z.string().nullable(),
      })
      .nullable(),
    links: z.object({ self: z.string(), html: z.string() }),
  })
  .meta({ title: 'ForwardPlanEntry', description: 'A published notice of a key decision or private meeting, with its decision once taken' });

export const PublicInterestSchema = z.object({
  entryKey: z.string().describe('Stays the same from version to version of the register'),
  category: z.enum(INTEREST_CATEGORIES),
  categoryLabel: z.string(),
  description: z.string().describe('The interest, or the statutory wording when withheld under s.32(2) Localism Act 2011'),
  withheld: z.boolean(),
  registeredOn: Day,
});

export const GiftSchema = z.object({
  id: z.string(),
  kind: z.enum(['gift', 'hospitality']),
  description: z.string(),
  donor: z.string(),
  valuePence: z.int(),
  receivedOn: Day,
  registeredOn: Day,
  late: z.boolean().describe('Registered more than 28 days after receipt'),
});

export const MemberInterestsSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    register: z
      .object({ version: z.int(), publishedOn: Day, entries: z.array(PublicInterestSchema) })
      .nullable()
      .describe('The newest published version, or null'),
    versions: z.array(z.object({ version: z.int(), publishedOn: Day })),
    gifts: z.array(GiftSchema),
    links: z.object({ self: z.string(), html: z.string(), person: z.string() }),
  })
  .meta({ title: 'MemberInterests', description: 'A member’s published register of interests and gifts and hospitality' });

export const AppointmentSchema = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  role: z.string(),
  startsOn: Day,
  endsOn: Day.nullable(),
  appointedAtMeetingId: z.string().nullable(),
  appointedAtMinuteId: z.string().nullable(),
  reportsBack: z.array(z.object({ meetingId: z.string(), agendaItemId: z.string(), meetingDate: Day, summary: z.string() })),
});

export const OutsideBodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    category: z.string(),
    description: z.string(),
    website: z.string(),
    places: z.int(),
    vacancies: z.int().describe('Places not filled today'),
    appointments: z.array(AppointmentSchema),
    links: z.object({ self: z.string(), html: z.string() }),
  })
  .meta({ title: 'OutsideBody', description: 'An organisation the council appoints to, with its appointments' });

export const completeList = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({ data: z.array(item), links: z.object({ self: z.string(), next: z.null().describe('Always null: the list is complete') }) })
    .meta({ title: id, description: `Every ${id.replace(/List$/, '')} record` });
