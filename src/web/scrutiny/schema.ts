/**
 * What the scrutiny back-office forms and the tracker's query accept, each schema beside its inferred type. Dates
 * arrive as the three boxes of a GOV.UK date input and are checked by dateFromParts before these run.
 */
import { z } from 'zod';
import { SCRUTINY_STATUSES } from '../../domain/scrutiny/status.ts';
import { AGES } from '../../services/scrutiny/tracker.ts';
import { isRealDate } from '../../domain/meetings/date-plausibility.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isRealDate, 'must be a real date'); // Date.parse took 2026-02-31 as 3 March
/** A select's "any" option posts an empty string: that means no filter. */
const blankIsAbsent = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const TrackerQuerySchema = z.object({
  committee: blankIsAbsent(z.string().max(200)),
  portfolio: blankIsAbsent(z.string().max(200)),
  owner: blankIsAbsent(z.string().max(200)),
  status: blankIsAbsent(z.enum(SCRUTINY_STATUSES, 'Choose a status from the list')),
  age: blankIsAbsent(z.enum(Object.keys(AGES) as [keyof typeof AGES, ...Array<keyof typeof AGES>], 'Choose an age from the list')),
  asAt: IsoDate.optional(),
});
export type TrackerQueryInput = z.infer<typeof TrackerQuerySchema>;

const Version = z.coerce.number('The form is out of date: reload the page').int().min(1);

export const RecommendationNewSchema = z.object({
  meetingId: z.string().min(1, 'Select the meeting that made the recommendation'),
  itemTitle: z.string().trim().min(1, 'Enter the item the committee considered').max(300, 'The item must be 300 characters or fewer'),
  text: z.string().trim().min(1, 'Enter the recommendation').max(10_000, 'The recommendation must be 10,000 characters or fewer'),
  addressee: z.string().trim().max(200, 'Addressed to must be 200 characters or fewer').optional(),
  ownerIds: z.array(z.string().min(1)).min(1, 'Select at least one owner'),
  publish: z.literal('yes').optional(),
});
export type RecommendationNew = z.infer<typeof RecommendationNewSchema>;

export const RecommendationEditSchema = z.object({
  text: z.string().trim().min(1, 'Enter the recommendation').max(10_000, 'The recommendation must be 10,000 characters or fewer'),
  addressee: z.string().trim().max(200, 'Addressed to must be 200 characters or fewer').optional(),
  notes: z.string().trim().max(2_000, 'Notes must be 2,000 characters or fewer').optional(),
  version: Version,
});
export type RecommendationEdit = z.infer<typeof RecommendationEditSchema>;

export const StatusChangeSchema = z.object({
  to: z.enum(SCRUTINY_STATUSES, 'Select the new status'),
  reason: z.string().trim().min(1, 'Enter why the status changes').max(2_000, 'The reason must be 2,000 characters or fewer'),
  version: Version,
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const ResponseSchema = z.object({
  responseText: z.string().trim().min(1, 'Enter the response').max(20_000, 'The response must be 20,000 characters or fewer'),
});
export type ResponseInput = z.infer<typeof ResponseSchema>;

export const OfficerResponseSchema = ResponseSchema.extend({
  responderId: z.string().min(1, 'Select who responded'),
});
export type OfficerResponseInput = z.infer<typeof OfficerResponseSchema>;

export const PublishSchema = z.object({ published: z.enum(['yes', 'no']), version: Version });
