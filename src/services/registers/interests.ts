/**
 * The register of members' interests, written by the member and published by democratic services:
 * - a member edits a draft version of their register (made from the last published one, each interest keeping its
 *   key), then submits it; democratic services publish it (dated) or return it with a note;
 * - gifts and hospitality are registered with their value, donor and dates, late ones flagged, and published with the
 *   member's next register;
 * - a declaration at a meeting is linked to the interest in the register in force that day, or flagged to the
 *   monitoring officer as not in the register; the monitoring officer resolves flags.
 * Who may see a sensitive interest's details is decided by canSeeWithheld.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { type Actor, auditName, writeOperation } from '../write-operation.ts';
import * as repo from '../../db/repositories/registers/interests.ts';
import type { Database } from '../../db/schema.ts';
import { INTEREST_CATEGORIES } from '../../domain/interests/categories.ts';
import { isLate } from '../../domain/interests/gifts.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { fieldProblem, NotPermitted, RecordMissing, parse } from './problems.ts';
import { findPersonName } from '../../db/records/people.ts';

/**
 * Localism Act 2011 s.32: only the member and the monitoring officer (who agreed the interest is sensitive) see its
 * details. Democratic services, who publish registers, see that an interest is withheld but not what it is.
 */
export function canSeeWithheld(user: SessionUser | null | undefined, personId: string): boolean {
  return !!user && (user.roles.includes('monitoring-officer') || user.personId === personId);
}

async function member(trx: Transaction<Database>, personId: string) {
  const person = await findPersonName(trx, personId);
  if (!person || person.kind !== 'member') throw RecordMissing('Member not found');
  return person;
}

/** The member's draft: the newest version if it is a draft or submitted (editing takes back the submission), else a new one copied from the newest. */
async function draftOf(trx: Transaction<Database>, personId: string): Promise<repo.RegisterRow> {
  const [latest] = await repo.versionsOf(trx, personId);
  if (latest && latest.status !== 'published') {
    if (latest.status === 'submitted') await repo.updateVersion(trx, latest.id, { status: 'draft', submitted_on: null });
    return { ...latest, status: 'draft' };
  }
  const id = `interest-register-${randomUUID()}`;
  const version = (latest?.version ?? 0) + 1;
  await repo.insertVersion(trx, { id, person_id: personId, version, status: 'draft' });
  if (latest) {
    const entries = await repo.entriesOf(trx, [latest.id]);
    await repo.insertEntries(
      trx,
      entries.map((entry) => ({
        id: `interest-${randomUUID()}`,
        register_id: id,
        entry_key: entry.entry_key,
        position: entry.position,
        category: entry.category,
        description: entry.description,
        spouse_partner: entry.spouse_partner,
        sensitive: entry.sensitive,
        registered_on: entry.registered_on,
      })),
    );
  }
  return (await repo.findVersion(trx, id))!;
}

export const InterestInputSchema = z.object({
  category: z.enum(INTEREST_CATEGORIES, 'Choose the kind of interest'),
  description: z.string().trim().min(1, 'Describe the interest').max(2000, 'Describe the interest in 2000 characters or fewer'),
  spousePartner: z.boolean(),
  sensitive: z.boolean(),
});
export type InterestInput = z.input<typeof InterestInputSchema>;

/** Adds an interest to the member's draft register (no entryKey), or changes one; the date it was first registered is kept. */
export async function interestSaver(props: {
  db: Kysely<Database>;
  actor: Actor;
  personId: string;
  entryKey?: string;
  input: InterestInput;
  today: string;
}): Promise<{ entryKey: string }> {
  const data = parse(InterestInputSchema, props.input);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await member(trx, props.personId);
    const draft = await draftOf(trx, props.personId);
    const entries = await repo.entriesOf(trx, [draft.id]);
    if (props.entryKey) {
      const entry = entries.find((candidate) => candidate.entry_key === props.entryKey);
      if (!entry) throw RecordMissing('Interest not found');
      await repo.updateInterestEntry(trx, entry.id, {
        category: data.category,
        description: data.description,
        spouse_partner: data.spousePartner,
        sensitive: data.sensitive,
      });
      return { entryKey: entry.entry_key };
    }
    const entryKey = `interest-${randomUUID()}`;
    const position = entries.reduce((max, entry) => Math.max(max, entry.position), 0) + 1;
    await repo.insertEntries(trx, [
      {
        id: `interest-${randomUUID()}`,
        register_id: draft.id,
        entry_key: entryKey,
        position,
        category: data.category,
        description: data.description,
        spouse_partner: data.spousePartner,
        sensitive: data.sensitive,
        registered_on: props.today,
      },
    ]);
    return { entryKey };
  });
}

/** Takes an interest out of the draft (the published versions keep it). */
export async function interestRemover(props: { db: Kysely<Database>; actor: Actor; personId: string; entryKey: string }): Promise<void> {
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await member(trx, props.personId);
    const draft = await draftOf(trx, props.personId);
    const entry = (await repo.entriesOf(trx, [draft.id])).find((candidate) => candidate.entry_key === props.entryKey);
    if (!entry) throw RecordMissing('Interest not found');
    await repo.deleteEntry(trx, entry.id);
  });
}

/** The member sends their draft to democratic services for review (an empty register is a nil return, and allowed). */
export async function registerSubmitter(props: { db: Kysely<Database>; actor: Actor; personId: string; today: string }): Promise<void> {
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await member(trx, props.personId);
    const draft = await draftOf(trx, props.personId);
    await repo.updateVersion(trx, draft.id, { status: 'submitted', submitted_on: props.today, review_note: '' });
  });
}

/** Democratic services publish a submitted register, dated; the member's unpublished gifts and hospitality go with it. */
export async function registerPublisher(props: { db: Kysely<Database>; actor: Actor; versionId: string; today: string }): Promise<void> {
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const version = await repo.findVersion(trx, props.versionId);
    if (!version) throw RecordMissing('Register not found');
    if (version.status !== 'submitted')
      throw fieldProblem(
        'form',
        version.status === 'published' ? `This version was published on ${version.published_on}` : 'The member has not submitted this version',
      );
    await repo.updateVersion(trx, version.id, { status: 'published', published_on: props.today, published_by: auditName(props.actor) });
    await repo.publishGiftsOf(trx, version.person_id, props.today);
  });
}

export async function registerReturner(props: { db: Kysely<Database>; actor: Actor; versionId: string; note: string }): Promise<void> {
  const note = props.note.trim();
  if (!note) throw fieldProblem('note', 'Say what the member should change');
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const version = await repo.findVersion(trx, props.versionId);
    if (!version) throw RecordMissing('Register not found');
    if (version.status !== 'submitted') throw fieldProblem('form', 'Only a submitted register can be returned');
    await repo.updateVersion(trx, version.id, { status: 'draft', submitted_on: null, review_note: note });
  });
}

export const GiftInputSchema = z.object({
  kind: z.enum(['gift', 'hospitality'], 'Choose gift or hospitality'),
  description: z.string().trim().min(1, 'Describe the gift or hospitality').max(2000),
  donor: z.string().trim().min(1, 'Enter who gave or offered it').max(300),
  value: z
    .string()
    .trim()
    .regex(/^£?\d{1,6}(\.\d{1,2})?$/, 'Enter the value in pounds, like 75 or 75.50'),
  receivedOn: z.iso.date({ error: 'Enter the date received as YYYY-MM-DD' }),
});
export type GiftInput = z.input<typeof GiftInputSchema>;

/** Registers a gift or hospitality today; late (more than 28 days after receipt) is flagged, never refused. */
export async function giftRegistrar(props: {
  db: Kysely<Database>;
  actor: Actor;
  personId: string;
  input: GiftInput;
  today: string;
}): Promise<{ id: string; late: boolean }> {
  const data = parse(GiftInputSchema, props.input);
  if (data.receivedOn > props.today) throw fieldProblem('receivedOn', 'The date received cannot be in the future');
  const valuePence = Math.round(Number(data.value.replace('£', '')) * 100);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await member(trx, props.personId);
    const id = `gift-${randomUUID()}`;
    await repo.insertGift(trx, {
      id,
      person_id: props.personId,
      kind: data.kind,
      description: data.description,
      donor: data.donor,
      value_pence: valuePence,
      received_on: data.receivedOn,
      registered_on: props.today,
    });
    return { id, late: isLate(data.receivedOn, props.today) };
  });
}

/**
 * Links a declaration made at a meeting to the interest in the member's register in force that day, or (no entry
 * key) flags it to the monitoring officer as declared but not registered.
 */
export async function declarationLinker(props: {
  db: Kysely<Database>;
  actor: Actor;
  declarationId: string;
  entryKey: string | null;
  today: string;
}): Promise<{ flagged: boolean }> {
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const declaration = await repo.findDeclaration(trx, props.declarationId);
    if (!declaration) throw RecordMissing('Declaration not found');
    const register = await repo.publishedOn(trx, declaration.person_id, declaration.meeting_date);
    if (props.entryKey) {
      const entries = register ? await repo.entriesOf(trx, [register.id]) : [];
      if (!entries.some((entry) => entry.entry_key === props.entryKey))
        throw fieldProblem('entryKey', 'Choose an interest from the member’s register as it stood on the day of the meeting');
      await repo.saveDeclarationLink(trx, { id: declaration.id, entry_key: props.entryKey, flagged_on: null, flag_reason: '' });
      return { flagged: false };
    }
    const reason = register
      ? `Declared at the meeting on ${declaration.meeting_date} but not in the register published on ${register.published_on}`
      : `Declared at the meeting on ${declaration.meeting_date}; the member had no published register that day`;
    await repo.saveDeclarationLink(trx, { id: declaration.id, entry_key: null, flagged_on: props.today, flag_reason: reason });
    return { flagged: true };
  });
}

/** The monitoring officer closes a flag with what was done (the member registered it, a dispensation, no action). */
export async function flagResolver(props: {
  db: Kysely<Database>;
  actor: SessionUser;
  declarationId: string;
  resolution: string;
  today: string;
}): Promise<void> {
  if (!props.actor.roles.includes('monitoring-officer')) throw NotPermitted('Only the monitoring officer resolves flags');
  const resolution = props.resolution.trim();
  if (!resolution) throw fieldProblem('resolution', 'Say how the flag was resolved');
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const declaration = await repo.findDeclaration(trx, props.declarationId);
    if (!declaration || !declaration.flagged_on) throw RecordMissing('Flag not found');
    await repo.resolveFlag(trx, declaration.id, props.today, resolution);
  });
}
