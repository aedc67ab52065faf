/** zod schemas of the political balance pages' inputs. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { optionalDateEntry } from '../../domain/date-entry.ts';
import { BODY_KINDS } from '../../domain/political-balance/allocate.ts';

const date = optionalDateEntry('The date');
const id = (message: string) => z.string().trim().min(1, message).max(200, message);

const votes = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number);

export const DateQuerySchema = z.object({ date });

/** A what-if: a member moving to a group ("" for no group), or a seat changing hands at a by-election. */
export const WhatIfQuerySchema = z.object({
  date,
  person: z.string().trim().max(200).optional(),
  group: z.string().trim().max(200).optional(),
  from: z.string().trim().max(200).optional(),
  to: z.string().trim().max(200).optional(),
});

export const BodyParamsSchema = z.object({ id: z.string().min(1).max(200) });

export const BodySettingsFormSchema = z.object({
  seats: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'Enter the number of seats as a whole number, like 13')
    .transform(Number)
    .refine((seats) => seats >= 1 && seats <= 500, 'Enter the number of seats from 1 to 500'),
  rulesApply: z.enum(['yes', 'no'], 'Choose whether the political balance rules apply to this body'),
  kind: z.enum(BODY_KINDS, 'Choose what kind of body it is'),
  version: z.string().optional(),
});

export const AgreementFormSchema = z.object({
  bodyId: id('Choose the body'),
  groupId: id('Choose the group giving up the seat'),
  personId: id('Choose the member who takes the seat'),
  agreedOn: z.string().trim().min(1, 'Enter the date it was agreed').refine(isIsoDate, 'Enter the date it was agreed as YYYY-MM-DD, like 2011-04-06'),
  votesFor: votes('Enter how many members voted for it, as a whole number'),
  votesAgainst: votes('Enter how many members voted against it, as a whole number (0 if none)'),
  votesAbstained: votes('Enter how many members abstained, as a whole number (0 if none)'),
  note: z.string().trim().max(1000, 'The note must be 1000 characters or fewer').optional(),
});
