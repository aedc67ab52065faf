/**
 * Bodies, their memberships, and political groups with theirs: the write operations democratic services use to keep
 * the council's structure current. Ids follow the importer's natural keys, so a body created here and the same body
 * found in a later paper are one record.
 */
import { z } from 'zod';
import { insertGroupMembership, listPersonGroupMemberships } from '../../db/records/group-memberships.ts';
import { recordExists } from '../../db/records/guards.ts';
import { findMembershipRow, insertMembership, setMembershipEnd } from '../../db/records/memberships.ts';
import { findGroup, findGroupByName, insertGroup, updateGroup } from '../../db/records/political-groups.ts';
import { slugify, stableId } from '../../domain/stable-id.ts';
import { NotFound } from '../../domain/errors.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { assignFrom } from '../../domain/members/spans.ts';
import { asEditor, expectCurrent, refuse, type CommitteeWriteProps, type Problems } from './context.ts';
import { realDate } from '../date-fields.ts';
import type { SeenVersion } from '../write-operation.ts';
import { findPersonRow } from '../../db/records/people.ts';
import { findBodyRow, findBodyBySlugOrName, insertBody, updateBody } from '../../db/records/bodies.ts';
import { ensureAuthority } from '../../db/records/authorities.ts';

const BODY_KINDS = ['council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other'] as const;
const isoDate = realDate('Enter a real date, like 2011-05-12');
const optionalDate = z.preprocess((value) => (value === '' ? undefined : value), isoDate.optional());

export const BodyFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name of the body').max(200, 'Name must be 200 characters or fewer'),
  kind: z.enum(BODY_KINDS, 'Choose what kind of body it is'),
});
export type BodyFields = z.infer<typeof BodyFieldsSchema>;

export interface BodyCreatorProps extends CommitteeWriteProps, BodyFields {
  authorityName: string;
}

/** Creates a body (committee, panel...) of the authority; refuses a name or URL already taken. */
export async function bodyCreator(props: BodyCreatorProps): Promise<{ id: string; slug: string }> {
  return asEditor(props, async (trx) => {
    const authorityId = await ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
    const slug = slugify(props.name);
    if (!slug) refuse([{ field: 'name', message: 'Enter a name with letters or numbers' }]);
    if (await findBodyBySlugOrName(trx, authorityId, slug, props.name)) refuse([{ field: 'name', message: `There is already a body called ${props.name}` }]);
    const id = stableId('body', props.authorityName, props.name);
    await insertBody(trx, { id, authority_id: authorityId, name: props.name, slug, kind: props.kind, parent_id: null });
    return { id, slug };
  });
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** What a committee's public page says of it besides its name: its terms of reference and its clerk's contact. */
export const BodyPageFieldsSchema = z.object({
  termsOfReference: z.string().trim().max(50_000, 'The terms of reference must be 50,000 characters or fewer').default(''),
  clerkName: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  clerkEmail: z.preprocess(blankToUndefined, z.email('Enter an email address like democratic.services@council.gov.uk').optional()),
  clerkPhone: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9+()\s-]{6,30}$/, 'Enter a telephone number, like 03000 416000')
      .optional(),
  ),
});
export type BodyPageFields = z.infer<typeof BodyPageFieldsSchema>;

export interface BodyEditorProps extends CommitteeWriteProps, BodyFields, Partial<BodyPageFields> {
  id: string;
  /** The version the officer's form was made from. */
  version: SeenVersion;
}

/** Renames or re-kinds a body. The URL (slug) stays, so links people have saved keep working. */
export async function bodyEditor(props: BodyEditorProps): Promise<void> {
  await asEditor(props, async (trx) => {
    const body = await findBodyRow(trx, props.id);
    if (!body) throw NotFound('Body not found');
    const clash = await findBodyBySlugOrName(trx, body.authority_id, slugify(props.name), props.name);
    if (clash && clash.id !== body.id) refuse([{ field: 'name', message: `There is already a body called ${props.name}` }]);
    const page =
      props.termsOfReference === undefined
        ? {}
        : {
            terms_of_reference: props.termsOfReference,
            clerk_name: props.clerkName ?? null,
            clerk_email: props.clerkEmail ?? null,
            clerk_phone: props.clerkPhone ?? null,
          };
    await expectCurrent(trx, 'body', props.id, props.version, 'body');
    await updateBody(trx, props.id, { name: props.name, kind: props.kind, ...page });
  });
}

export const MembershipFieldsSchema = z.object({
  personId: z.string().min(1, 'Choose the member'),
  role: z.string().trim().min(1, 'Enter the role, such as member, chairman or vice-chairman').max(100),
  startDate: optionalDate,
  endDate: optionalDate,
});
export type MembershipFields = z.infer<typeof MembershipFieldsSchema>;

function dateProblems(startDate: string | undefined, endDate: string | undefined): Problems {
  return startDate && endDate && endDate < startDate ? [{ field: 'endDate', message: 'The end date must be the same as or after the start date' }] : [];
}

/** Adds a person to a body for a period, in a role. */
export async function membershipAdder(props: CommitteeWriteProps & MembershipFields & { bodyId: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    if (!(await findBodyRow(trx, props.bodyId))) throw NotFound('Body not found');
    const problems = dateProblems(props.startDate, props.endDate);
    if (!(await findPersonRow(trx, props.personId))) problems.push({ field: 'personId', message: 'Choose a member from the list' });
    refuse(problems);
    const id = stableId('membership', props.personId, props.bodyId, props.role, props.startDate ?? '');
    if (await recordExists(trx, 'membership', id)) refuse([{ field: 'personId', message: 'This membership is already recorded' }]);
    await insertMembership(trx, {
      id,
      person_id: props.personId,
      body_id: props.bodyId,
      role: props.role.toLowerCase(),
      start_date: props.startDate ?? null,
      end_date: props.endDate ?? null,
    });
    return { id };
  });
}

export const GroupFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name of the political group').max(200),
  abbreviation: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().trim().max(20, 'Abbreviation must be 20 characters or fewer').optional(),
  ),
});
export type GroupFields = z.infer<typeof GroupFieldsSchema>;

export async function groupCreator(props: CommitteeWriteProps & GroupFields & { authorityName: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    const authorityId = await ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
    if (await findGroupByName(trx, authorityId, props.name)) refuse([{ field: 'name', message: `There is already a group called ${props.name}` }]);
    const id = stableId('group', props.authorityName, props.name);
    await insertGroup(trx, { id, authority_id: authorityId, name: props.name, abbreviation: props.abbreviation ?? null });
    return { id };
  });
}

export async function groupEditor(props: CommitteeWriteProps & GroupFields & { id: string; version: SeenVersion }): Promise<void> {
  await asEditor(props, async (trx) => {
    const group = await findGroup(trx, props.id);
    if (!group) throw NotFound('Political group not found');
    const clash = await findGroupByName(trx, group.authority_id, props.name);
    if (clash && clash.id !== group.id) refuse([{ field: 'name', message: `There is already a group called ${props.name}` }]);
    await expectCurrent(trx, 'political_group', props.id, props.version, 'political group');
    await updateGroup(trx, props.id, { name: props.name, abbreviation: props.abbreviation ?? null });
  });
}

export const GroupMembershipFieldsSchema = z.object({
  personId: z.string().min(1, 'Choose the member'),
  role: z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(100).optional()),
  startDate: optionalDate,
  endDate: optionalDate,
});
export type GroupMembershipFields = z.infer<typeof GroupMembershipFieldsSchema>;

export async function groupMembershipAdder(props: CommitteeWriteProps & GroupMembershipFields & { groupId: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    if (!(await findGroup(trx, props.groupId))) throw NotFound('Political group not found');
    const problems = dateProblems(props.startDate, props.endDate);
    if (!(await findPersonRow(trx, props.personId))) problems.push({ field: 'personId', message: 'Choose a member from the list' });
    refuse(problems);
    const id = stableId('group-membership', props.personId, props.groupId, props.startDate ?? '');
    if (await recordExists(trx, 'group_membership', id)) refuse([{ field: 'personId', message: 'This membership is already recorded' }]);
    // One political group at a time: a membership from a day ends the member's other group the day before.
    if (props.startDate) {
      const spans = (await listPersonGroupMemberships(trx, props.personId)).map((row) => ({
        id: row.id,
        value: row.group_id,
        start: row.start_date,
        end: row.end_date,
      }));
      const outcome = assignFrom(spans, props.groupId, props.startDate);
      if ('laterSpan' in outcome) {
        refuse([
          { field: 'startDate', message: `This member has a group membership from ${formatShortDate(outcome.laterSpan.start!)}: enter a start date after it` },
        ]);
      } else {
        for (const change of outcome.changes) {
          if (change.kind === 'end') await setMembershipEnd(trx, 'group_membership', change.id, change.end);
          else if (change.kind === 'delete')
            refuse([{ field: 'startDate', message: 'This member joined another group on the same day: end or correct that membership first' }]);
        }
        if (!outcome.changes.some((change) => change.kind === 'insert'))
          refuse([{ field: 'personId', message: 'This member is already in this group on that day' }]);
      }
    } else if ((await listPersonGroupMemberships(trx, props.personId)).some((row) => row.end_date === null)) {
      refuse([
        {
          field: 'startDate',
          message: 'This member is already in a political group: enter the day they joined this one, and the other membership ends the day before',
        },
      ]);
    }
    await insertGroupMembership(trx, {
      id,
      person_id: props.personId,
      group_id: props.groupId,
      role: props.role ?? null,
      start_date: props.startDate ?? null,
      end_date: props.endDate ?? null,
    });
    return { id };
  });
}

export const MembershipEndSchema = z.object({ endDate: realDate('Enter the last day of the membership as a real date, like 2011-05-12') });

/**
 * Ends a membership of a body or a political group on a day (a member leaving a committee, or changing group: end
 * one, then add the other). The record stays, with its dates; the audit log keeps what it said before.
 */
export async function membershipEnder(
  props: CommitteeWriteProps & { table: 'membership' | 'group_membership'; id: string; endDate: string },
): Promise<{ ownerId: string }> {
  return asEditor(props, async (trx) => {
    const row = await findMembershipRow(trx, props.table, props.id);
    if (!row) throw NotFound('Membership not found');
    refuse(dateProblems(row.start_date ?? undefined, props.endDate));
    await setMembershipEnd(trx, props.table, props.id, props.endDate);
    return { ownerId: row.owner_id };
  });
}
