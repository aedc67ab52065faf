/**
 * Corrections a democratic services officer makes to what the importer extracted from a paper (issue 17 item 4).
 *
 * Each is keyed by the paper's identity (the SHA-256 of its bytes), the meeting (its body's canonical name and its
 * date) and a natural key of the record within the meeting, never by a generated id: so the same correction finds
 * its record again when the paper is imported again, also by a newer importer that numbers or spans records
 * differently. The record keys:
 * - person-link, apology: the name as printed, tidied (`printedNameKey`);
 * - vote-count: the minute number and the vote's place among that minute's recorded votes (`voteKey`);
 * - minute-merge: the number of the minute joined to the one before it;
 * - minute-split: the number of the minute cut in two.
 */
import { z } from 'zod';
import { stableId } from '../stable-id.ts';

export const CORRECTION_KINDS = ['person-link', 'vote-count', 'apology', 'minute-merge', 'minute-split'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

const count = z.coerce.number({ error: 'Enter a number' }).int('Enter a whole number').min(0, 'Cannot be negative').max(10_000, 'Must be 10,000 or fewer');

export const PersonLinkValue = z.object({ personId: z.string().min(1, 'Choose the person') });
export const VoteCountValue = z.object({ for: count, against: count, abstain: count });
export const ApologyValue = z.object({ personId: z.string().min(1, 'Choose the member'), printed: z.string().trim().min(1).max(200) });
export const MinuteMergeValue = z.object({});
export const MinuteSplitValue = z.object({
  line: z.coerce.number({ error: 'Enter the line number' }).int().min(1, 'Enter a line of the paper'),
  number: z.string().trim().min(1, 'Enter the new minute’s number').max(40, 'Must be 40 characters or fewer'),
  title: z.string().trim().min(1, 'Enter the new minute’s title').max(500, 'Must be 500 characters or fewer'),
});

export type PersonLinkValue = z.infer<typeof PersonLinkValue>;
export type VoteCountValue = z.infer<typeof VoteCountValue>;
export type ApologyValue = z.infer<typeof ApologyValue>;
export type MinuteSplitValue = z.infer<typeof MinuteSplitValue>;

export const CORRECTION_VALUES = {
  'person-link': PersonLinkValue,
  'vote-count': VoteCountValue,
  apology: ApologyValue,
  'minute-merge': MinuteMergeValue,
  'minute-split': MinuteSplitValue,
} as const satisfies Record<CorrectionKind, z.ZodType>;

/** A correction as stored: where it applies and what it says. */
export interface Correction {
  contentHash: string;
  bodyName: string;
  meetingDate: string;
  kind: CorrectionKind;
  recordKey: string;
  value: unknown;
}

/** The name as printed, with spacing and case tidied: "Mr  J. Smith" and "mr j. smith" are one key. */
export function printedNameKey(printed: string): string {
  return printed.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A recorded vote's key: its minute's number and its place (1-based) among that minute's recorded votes. */
export function voteKey(minuteNumber: string | null | undefined, ordinal: number): string {
  return `${minuteNumber ?? ''}#${ordinal}`;
}

/** The meeting's key within a paper's corrections. */
export function meetingKey(bodyName: string, date: string): string {
  return `${bodyName.toLowerCase()}\n${date}`;
}

/** One id per natural key: a second correction of the same record replaces the first. */
export function correctionId(correction: Pick<Correction, 'contentHash' | 'bodyName' | 'meetingDate' | 'kind' | 'recordKey'>): string {
  return stableId('import-correction', correction.contentHash, correction.bodyName, correction.meetingDate, correction.kind, correction.recordKey);
}
