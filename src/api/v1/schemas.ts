/**
 * The zod schemas of Quorum's JSON API: each validates a request or describes a response, and the OpenAPI document
 * is generated from them (z.toJSONSchema), so what is documented is what is checked.
 */
import { z } from 'zod';
import { AGENDA_ITEM_KINDS } from '../../domain/agenda-item-kind.ts';

export const IdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id')
    .describe('A stable id'),
});
export type IdParams = z.infer<typeof IdParamsSchema>;

const IsoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** Every list: a page size and the opaque cursor from the previous page's `links.next`. */
export const PageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 200' })
    .int('must be a whole number from 1 to 200')
    .min(1, 'must be a whole number from 1 to 200')
    .max(200, 'must be a whole number from 1 to 200')
    .default(50)
    .describe('Records per page (1 to 200)'),
  cursor: z.string().max(200, 'is not a cursor this API issued').optional().describe("Where to continue: the cursor in the previous page's links.next"),
});

export const PeopleQuerySchema = PageQuerySchema.extend({ kind: z.enum(['member', 'officer', 'external']).optional().describe('Only people of this kind') });
export const MeetingsQuerySchema = PageQuerySchema.extend({
  body: z.string().max(128).optional().describe('Only meetings of this body (its id)'),
  from: IsoDate.optional().describe('Only meetings on or after this date'),
  to: IsoDate.optional().describe('Only meetings on or before this date'),
});
export const DecisionsQuerySchema = PageQuerySchema.extend({
  from: IsoDate.optional().describe('Only decisions on or after this date'),
  to: IsoDate.optional().describe('Only decisions on or before this date'),
});
export const VoteEventsQuerySchema = PageQuerySchema.extend({
  meeting: z.string().max(128).optional().describe('Only vote events of this meeting (its id)'),
  body: z.string().max(128).optional().describe('Only vote events of this body (its id)'),
});

const Timestamp = z.string().describe('ISO 8601 date and time (UTC)');

export const ErrorSchema = z
  .object({
    error: z.object({
      id: z.string().describe('Stable error id: validation_error, not_found, internal_error...'),
      status: z.int(),
      message: z.string(),
      problems: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .describe('For validation errors: each bad field and what is wrong'),
    }),
  })
  .meta({ title: 'Error', description: 'The body of every error response' });

export const PageLinksSchema = z.object({
  self: z.string(),
  next: z.string().nullable().describe('The next page, or null on the last page'),
});

export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), links: PageLinksSchema }).meta({ title: id, description: `A page of ${id.replace(/List$/, '')} records` });
}

export const BodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    kind: z.string().describe('council, cabinet, committee, sub-committee, panel, board or other'),
    parentId: z.string().nullable(),
    created: Timestamp,
    modified: Timestamp,
    links: z.object({ self: z.string(), meetings: z.string(), oparl: z.string() }),
  })
  .meta({ title: 'Body' });

const PersonMembershipSchema = z.object({
  id: z.string().describe('The body or political group'),
  name: z.string(),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const PersonSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['member', 'officer', 'external']),
    name: z.string().describe('As the council prints it: honorific, initials or given name, family name'),
    honorific: z.string().nullable(),
    givenName: z.string().nullable(),
    initials: z.array(z.string()),
    familyName: z.string(),
    postNominals: z.array(z.string()),
    jobTitle: z.string().nullable(),
    politicalGroups: z.array(PersonMembershipSchema),
    bodies: z.array(PersonMembershipSchema),
    created: Timestamp,
    modified: Timestamp,
    links: z.object({ self: z.string(), oparl: z.string() }),
  })
  .meta({ title: 'Person' });

export const MeetingSummarySchema = z
  .object({
    id: z.string(),
    bodyId: z.string(),
    bodyName: z.string(),
    date: z.string(),
    startTime: z.string().nullable().describe('HH:MM, local time'),
    endTime: z.string().nullable(),
    location: z.string().nullable(),
    status: z.string(),
    kind: z.string(),
    created: Timestamp,
    modified: Timestamp,
    links: z.object({ self: z.string(), oparl: z.string(), web: z.string() }),
  })
  .meta({ title: 'MeetingSummary' });

export const MeetingSchema = MeetingSummarySchema.extend({
  minutesStatus: z
    .enum(['draft', 'approved', 'published', 'unpublished'])
    .describe(
      'draft: published but not yet approved at a later meeting (its resolutions are provisional); approved: approved as a correct record; published: imported from the council’s published papers; unpublished: no minutes are public',
    ),
  agendaItems: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      description: z.string().nullable().describe('Null for exempt items'),
      exempt: z.boolean(),
      exemptParagraphs: z.array(z.int()).describe('Paragraphs of Schedule 12A to the Local Government Act 1972'),
      pageFrom: z.int().nullable(),
      pageTo: z.int().nullable(),
      reportId: z.string().nullable().describe('The public report; null for exempt items and exempt reports'),
      kind: z.enum(AGENDA_ITEM_KINDS).describe('item, or a notice of motion, a member’s question or a petition'),
      motions: z
        .array(
          z.object({
            text: z.string().nullable(),
            moverId: z.string().nullable(),
            seconderId: z.string().nullable(),
            result: z.string().nullable().describe('Null until the motion is decided'),
          }),
        )
        .describe('Notices of motion given under the item and not yet minuted; empty for exempt items'),
    }),
  ),
  minutes: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      agendaItemId: z.string().nullable(),
      exempt: z.boolean(),
      exemptParagraphs: z.array(z.int()),
      text: z.string().describe('Empty for exempt minutes'),
      resolutions: z.array(z.object({ text: z.string(), unanimous: z.boolean() })),
    }),
  ),
  attendance: z.array(z.object({ personId: z.string(), status: z.string(), role: z.string().nullable(), printedName: z.string() })),
  voteEvents: z.array(z.string().describe('Popolo vote event URL')),
}).meta({ title: 'Meeting' });

export const DecisionSchema = z
  .object({
    id: z.string(),
    decisionDate: z.string(),
    subject: z.string(),
    text: z.string(),
    decisionMakerPersonId: z.string().nullable(),
    decisionMakerRole: z.string().nullable(),
    decisionMakerBodyId: z.string().nullable(),
    isKey: z.boolean(),
    isUrgent: z.boolean(),
    urgencyReason: z.string().nullable(),
    recordNumber: z.string().nullable(),
    reportId: z.string().nullable().describe('The public report; null when there is none or it is exempt'),
    created: Timestamp,
    modified: Timestamp,
    links: z.object({ self: z.string(), report: z.string().nullable() }),
  })
  .meta({ title: 'Decision' });

export const OpenDataFileSchema = z.object({
  name: z.string().describe('File name, such as quorum.json or meetings.csv'),
  kind: z.string().describe('"all" for the JSON document, or the record kind of a CSV file'),
  mediaType: z.string(),
  bytes: z.int(),
  rows: z.int().nullable().describe('Records in a CSV file'),
  url: z.string(),
});

export const OpenDataIndexSchema = z
  .object({
    generatedAt: Timestamp,
    dataVersion: z.string().describe('Changes whenever any record changes; the files are regenerated then'),
    files: z.array(OpenDataFileSchema),
  })
  .meta({ title: 'OpenDataIndex', description: 'The bulk download: the whole public dataset' });

export const OpenDataFileParamsSchema = z.object({
  file: z
    .string()
    .regex(/^[a-z0-9-]+\.(json|csv)$/, 'must be a file name from the open data index')
    .describe('A file name from the index'),
});

// ---- accountability: scrutiny, plans, indicators, allowances ---------------------------------------------------------

export const RecommendationsQuerySchema = PageQuerySchema.extend({
  status: z
    .enum(['PENDING', 'OUTSTANDING', 'TO NOTE ONLY', 'RESPONSE RECEIVED', 'ACCEPTED', 'PARTIALLY ACCEPTED', 'REJECTED', 'IMPLEMENTED', 'CLOSED'])
    .optional()
    .describe('Only recommendations with this status'),
  body: z.string().max(128).optional().describe('Only recommendations of this scrutiny body (its id)'),
});

export const RecommendationSchema = z
  .object({
    id: z.string(),
    number: z.int(),
    text: z.string().nullable(),
    addressee: z.string().nullable(),
    status: z.string(),
    dueDate: z.string().describe('When the executive response is due'),
    item: z.object({ id: z.string(), kind: z.string().describe('call-in, review or posc-recommendation'), title: z.string() }),
    bodyId: z.string(),
    bodyName: z.string(),
    meetingId: z.string(),
    meetingDate: z.string(),
    responses: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        responseDate: z.string().nullable(),
        responderId: z.string().nullable(),
        responderPrinted: z.string().nullable(),
      }),
    ),
    created: z.string(),
    modified: z.string(),
    links: z.object({ self: z.string(), meeting: z.string() }),
  })
  .meta({ title: 'Recommendation', description: 'A published scrutiny recommendation with the executive’s responses' });

export const PlanSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    slug: z.string(),
    issuedMonth: z.string().nullable(),
    ownerBodyId: z.string().nullable(),
    created: z.string(),
    modified: z.string(),
    links: z.object({ self: z.string(), indicators: z.string() }),
  })
  .meta({ title: 'PlanSummary' });

export const PlanSchema = PlanSummarySchema.extend({
  priorities: z.array(
    z.object({
      id: z.string(),
      number: z.int(),
      title: z.string(),
      keyObjectives: z.string(),
      outcomes: z.array(
        z.object({
          id: z.string(),
          ref: z.string(),
          statement: z.string(),
          actions: z.array(
            z.object({
              id: z.string(),
              ref: z.string(),
              text: z.string(),
              rag: z.enum(['red', 'amber', 'green']).nullable().describe('From the latest progress update'),
              updated: z.string().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
}).meta({ title: 'Plan', description: 'An improvement plan: priorities, outcomes and actions with their latest RAG status' });

export const IndicatorsQuerySchema = PageQuerySchema.extend({ plan: z.string().max(128).optional().describe('Only indicators of this plan (its id)') });

export const IndicatorSummarySchema = z
  .object({
    id: z.string(),
    planId: z.string().nullable(),
    name: z.string(),
    slug: z.string(),
    definition: z.string(),
    unit: z.enum(['count', 'percent']),
    polarity: z.enum(['lower-is-better', 'higher-is-better']),
    frequency: z.string(),
    created: z.string(),
    modified: z.string(),
    links: z.object({ self: z.string() }),
  })
  .meta({ title: 'IndicatorSummary' });

export const IndicatorSchema = IndicatorSummarySchema.extend({
  observations: z.array(z.object({ period: z.string().describe('YYYY-MM'), value: z.number(), asAt: z.string(), printedLabel: z.string().nullable() })),
  targets: z.array(z.object({ value: z.number(), comparison: z.enum(['at-most', 'at-least']), deadline: z.string().nullable(), printedLabel: z.string() })),
}).meta({ title: 'Indicator', description: 'A performance indicator with its observations and targets' });

export const AllowancesYearParamsSchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must be an allowances year like 2011-12')
    .describe('The allowances year (1 April to 31 March), such as 2011-12'),
});

const Pence = z
  .string()
  .regex(/^-?\d+$/)
  .describe('An amount in pence, as a string of digits (exact)');

export const AllowancesStatementSchema = z
  .object({
    year: z.object({ label: z.string(), start: z.string(), end: z.string() }),
    rows: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        basicPence: Pence,
        sraPence: Pence,
        coOpteePence: Pence,
        travelPence: Pence,
        subsistencePence: Pence,
        carersPence: Pence,
        forgonePence: Pence,
        totalPence: Pence,
      }),
    ),
    totals: z.object({
      basicPence: Pence,
      sraPence: Pence,
      coOpteePence: Pence,
      travelPence: Pence,
      subsistencePence: Pence,
      carersPence: Pence,
      forgonePence: Pence,
      totalPence: Pence,
    }),
  })
  .meta({ title: 'AllowancesStatement', description: 'The annual statement of allowances and expenses paid to members (Regulation 15)' });
