/**
 * The members' roster file (issue 18 item 2): one line per councillor, the same columns in the upload and the export,
 * so democratic services can download the roster, edit it in a spreadsheet and upload it again.
 *
 * Committees sit in one cell, separated by semicolons, each with its role in brackets when it is not "member":
 * "Planning Committee (chair); Cabinet; Audit Committee (substitute)".
 */
import { z } from 'zod';
import { isIsoDate } from '../allowances/dates.ts';

export const ROSTER_COLUMNS = [
  'id',
  'honorific',
  'given_name',
  'family_name',
  'group',
  'ward',
  'term_start',
  'term_end',
  'email',
  'phone',
  'committees',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly RosterColumn[] = ['family_name'];

/** Roles on a committee, as councils name them; "chairman" and "vice-chairman" are read as chair and vice-chair. */
export const COMMITTEE_ROLES = ['chair', 'vice-chair', 'member', 'substitute'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

const ROLE_WORDS: Record<string, CommitteeRole> = {
  chair: 'chair',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
  'vice-chair': 'vice-chair',
  'vice chair': 'vice-chair',
  'vice-chairman': 'vice-chair',
  'vice chairman': 'vice-chair',
  'vice-chairwoman': 'vice-chair',
  'vice-chairperson': 'vice-chair',
  member: 'member',
  substitute: 'substitute',
  'substitute member': 'substitute',
};

export function committeeRole(text: string): CommitteeRole | undefined {
  return ROLE_WORDS[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export interface CommitteeEntry {
  committee: string;
  role: CommitteeRole;
}

/** "Planning (chair); Cabinet" -> entries, or the problem with the cell. */
export function parseCommittees(cell: string): { entries: CommitteeEntry[] } | { problem: string } {
  const entries: CommitteeEntry[] = [];
  for (const part of cell
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)) {
    const match = /^(.*?)\s*(?:\(([^()]*)\))?$/.exec(part)!;
    const committee = match[1]!.trim();
    if (!committee) return { problem: `"${part}" names no committee` };
    const role = match[2] === undefined ? 'member' : committeeRole(match[2]);
    if (!role) return { problem: `"${match[2]}" is not a role: use chair, vice-chair, member or substitute` };
    const earlier = entries.find((entry) => entry.committee.toLowerCase() === committee.toLowerCase());
    if (earlier) return { problem: `${committee} is named twice: a member holds one role on a committee` };
    entries.push({ committee, role });
  }
  return { entries };
}

export function formatCommittees(entries: readonly CommitteeEntry[]): string {
  return entries.map((entry) => (entry.role === 'member' ? entry.committee : `${entry.committee} (${entry.role})`)).join('; ');
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);
const optionalText = (max: number, what: string) => z.preprocess(blank, z.string().max(max, `${what} must be ${max} characters or fewer`).optional());
const optionalDate = (what: string) => z.preprocess(blank, z.string().refine(isIsoDate, `${what} must be a real date written like 2026-05-07`).optional());

/** One line of the roster, checked. Field names are the file's column names, so problems name the column. */
export const RosterLineSchema = z
  .object({
    id: optionalText(100, 'The id'),
    honorific: optionalText(30, 'The honorific'),
    given_name: optionalText(100, 'The given name'),
    family_name: z.preprocess(blank, z.string({ error: 'Enter the family name' }).max(100, 'The family name must be 100 characters or fewer')),
    group: optionalText(200, 'The group'),
    ward: optionalText(200, 'The ward'),
    term_start: optionalDate('The start of the term'),
    term_end: optionalDate('The end of the term'),
    email: z.preprocess(blank, z.email('Enter an email address like name@council.gov.uk').optional()),
    phone: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[0-9+()\s-]{6,30}$/, 'Enter a telephone number, like 01234 567890')
        .optional(),
    ),
    committees: z.preprocess(blank, z.string().max(2000).optional()),
  })
  .superRefine((line, context) => {
    if (line.term_start && line.term_end && line.term_end < line.term_start) {
      context.addIssue({ code: 'custom', path: ['term_end'], message: 'The end of the term must be on or after its start' });
    }
  });
export type RosterLine = z.infer<typeof RosterLineSchema>;
