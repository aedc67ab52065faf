/**
 * What happened at a meeting: attendance, declarations of interest, minutes (with resolutions and a motion's mover
 * and seconder) and recorded votes by member. Every one of these is refused once the minutes are approved.
 */
import { z } from 'zod';
import { findAttendance, insertAttendance } from '../../db/records/attendance.ts';
import { insertDeclaration } from '../../db/records/declarations.ts';
import { recordExists } from '../../db/records/guards.ts';
import { findMinute, insertMinute, updateMinute } from '../../db/records/minutes.ts';
import { insertMotion, listMotions } from '../../db/records/motions.ts';
import { insertResolution, reviseResolutions } from '../../db/records/resolutions.ts';
import { countVoteEvents, insertVoteEvent } from '../../db/records/votes.ts';
import { formatName } from '../../domain/person-name.ts';
import { stableId } from '../../domain/stable-id.ts';
import { NotFound } from '../../domain/errors.ts';
import { asEditor, assertMinutesOpen, expectCurrent, refuse, type CommitteeWriteProps, type Problems, type Trx } from './context.ts';
import { auditName, type SeenVersion } from '../write-operation.ts';
import type { Row } from '../../db/types.ts';
import { findPersonRow } from '../../db/records/people.ts';
import { findMeetingForEdit, nextPosition } from '../../db/records/meetings.ts';
import { listAgendaItemRows } from '../../db/records/agenda-items.ts';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export function printedName(person: Pick<Row<'person'>, 'honorific' | 'given_name' | 'family_name' | 'initials'>): string {
  return formatName({
    honorific: person.honorific ?? undefined,
    givenName: person.given_name ?? undefined,
    initials: person.initials ?? [],
    familyName: person.family_name,
    postNominals: [],
  });
}

async function meetingOpenForMinutes(trx: Trx, meetingId: string) {
  const meeting = await findMeetingForEdit(trx, meetingId);
  if (!meeting) throw NotFound('Meeting not found');
  await assertMinutesOpen(trx, meeting.id);
  return meeting;
}

export const AttendanceFieldsSchema = z.object({
  personId: z.string().min(1, 'Choose who attended or sent apologies'),
  status: z.enum(
    ['present', 'apologies', 'substitute', 'also-present', 'in-attendance'],
    'Choose present, apologies, substitute, also present or in attendance',
  ),
  substituteForPersonId: z.preprocess(blankToUndefined, z.string().optional()),
  role: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
export type AttendanceFields = z.infer<typeof AttendanceFieldsSchema>;

/** Records one person's attendance (a substitute says for whom). */
export async function attendanceRecorder(props: CommitteeWriteProps & AttendanceFields & { meetingId: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    const meeting = await meetingOpenForMinutes(trx, props.meetingId);
    const problems: Problems = [];
    const person = await findPersonRow(trx, props.personId);
    if (!person) problems.push({ field: 'personId', message: 'Choose a person from the list' });
    if (props.status === 'substitute' && !props.substituteForPersonId)
      problems.push({ field: 'substituteForPersonId', message: 'Choose the member this person substituted for' });
    if (props.status !== 'substitute' && props.substituteForPersonId)
      problems.push({ field: 'substituteForPersonId', message: 'Only a substitute substitutes for someone' });
    if (props.substituteForPersonId && props.substituteForPersonId === props.personId)
      problems.push({ field: 'substituteForPersonId', message: 'A member cannot substitute for themselves' });
    if (person && (await findAttendance(trx, meeting.id, person.id)))
      problems.push({ field: 'personId', message: `${printedName(person)} is already recorded for this meeting` });
    refuse(problems);
    const id = stableId('attendance', meeting.id, props.personId, props.status);
    await insertAttendance(trx, {
      id,
      meeting_id: meeting.id,
      person_id: props.personId,
      status: props.status,
      role: props.role ?? null,
      printed_name: printedName(person!),
      substitute_for_person_id: props.substituteForPersonId ?? null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    return { id };
  });
}

export const DeclarationFieldsSchema = z.object({
  personId: z.string().min(1, 'Choose the member making the declaration'),
  agendaItemNumber: z.preprocess(blankToUndefined, z.string().trim().max(20).optional()),
  kind: z.enum(['disclosable pecuniary', 'other significant', 'personal', 'prejudicial', 'predetermination'], 'Choose the kind of interest'),
  reason: z.string().trim().min(1, 'Enter what the interest is').max(2000),
});
export type DeclarationFields = z.infer<typeof DeclarationFieldsSchema>;

export async function declarationRecorder(props: CommitteeWriteProps & DeclarationFields & { meetingId: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    const meeting = await meetingOpenForMinutes(trx, props.meetingId);
    const problems: Problems = [];
    if (!(await findPersonRow(trx, props.personId))) problems.push({ field: 'personId', message: 'Choose a member from the list' });
    const items = await listAgendaItemRows(trx, meeting.id);
    const item = props.agendaItemNumber ? items.find((candidate) => candidate.number === props.agendaItemNumber) : undefined;
    if (props.agendaItemNumber && !item) problems.push({ field: 'agendaItemNumber', message: `There is no item ${props.agendaItemNumber} on this agenda` });
    refuse(problems);
    const id = stableId('declaration', meeting.id, props.personId, props.agendaItemNumber ?? '', props.reason);
    if (await recordExists(trx, 'declaration', id)) refuse([{ field: 'reason', message: 'This declaration is already recorded' }]);
    await insertDeclaration(trx, {
      id,
      meeting_id: meeting.id,
      person_id: props.personId,
      agenda_item_id: item?.id ?? null,
      minute_id: null,
      agenda_item_number: props.agendaItemNumber ?? null,
      kind: props.kind,
      reason: props.reason,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    return { id };
  });
}

const lines = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
      : (value ?? []),
  z.array(z.string().max(10_000)),
);

export const MinuteFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Enter the title of the minute').max(500),
  agendaItemNumber: z.preprocess(blankToUndefined, z.string().trim().max(20).optional()),
  text: z.string().trim().max(200_000).default(''),
  /** One resolution per line ("RESOLVED that..."). */
  resolutions: lines,
  exempt: z.preprocess((value) => value === 'yes' || value === true, z.boolean()),
});
export type MinuteFields = z.infer<typeof MinuteFieldsSchema>;

function minuteProblems(fields: MinuteFields): Problems {
  return fields.text || fields.resolutions.length ? [] : [{ field: 'text', message: 'Enter the minute, or at least one resolution' }];
}

/** Writes the next numbered minute of a meeting, with its resolutions. */
export async function minuteWriter(props: CommitteeWriteProps & MinuteFields & { meetingId: string }): Promise<{ id: string; number: string }> {
  return asEditor(props, async (trx) => {
    const meeting = await meetingOpenForMinutes(trx, props.meetingId);
    const problems = minuteProblems(props);
    const item = props.agendaItemNumber
      ? (await listAgendaItemRows(trx, meeting.id)).find((candidate) => candidate.number === props.agendaItemNumber)
      : undefined;
    if (props.agendaItemNumber && !item) problems.push({ field: 'agendaItemNumber', message: `There is no item ${props.agendaItemNumber} on this agenda` });
    refuse(problems);
    const position = await nextPosition(trx, 'minute', meeting.id);
    const number = String(position);
    const id = stableId('minute', meeting.id, number);
    await insertMinute(trx, {
      id,
      meeting_id: meeting.id,
      number,
      position,
      title: props.title,
      agenda_item_id: item?.id ?? null,
      agenda_item_number: item?.number ?? null,
      text: props.text,
      exempt: props.exempt || Boolean(item?.exempt),
      exempt_paragraphs: item?.exempt_paragraphs ?? [],
      approves_meeting_date: null,
      approves_meeting_id: null,
      application_reference: null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    for (const [index, text] of props.resolutions.entries()) {
      await insertResolution(trx, { id: stableId('resolution', id, index + 1), minute_id: id, position: index + 1, text, unanimous: false });
    }
    return { id, number };
  });
}

/** Changes a draft minute and its resolutions, if nobody else has since the officer opened it. */
export async function minuteEditor(props: CommitteeWriteProps & MinuteFields & { id: string; version: SeenVersion }): Promise<void> {
  await asEditor(props, async (trx) => {
    const minute = await findMinute(trx, props.id);
    if (!minute) throw NotFound('Minute not found');
    await assertMinutesOpen(trx, minute.meeting_id);
    refuse(minuteProblems(props));
    await expectCurrent(trx, 'minute', minute.id, props.version, 'minute');
    await updateMinute(trx, minute.id, { title: props.title, text: props.text, exempt: props.exempt });
    await reviseResolutions(trx, minute.id, props.resolutions, auditName(props.actor), (position) => stableId('resolution', minute.id, position));
  });
}

export const VoteEventFieldsSchema = z.object({
  motionText: z.string().trim().min(1, 'Enter the motion that was voted on').max(10_000),
  moverId: z.string().min(1, 'Choose who moved the motion'),
  seconderId: z.string().min(1, 'Choose who seconded the motion'),
  /** personId -> for / against / abstain, for each member who voted. */
  votes: z.record(z.string(), z.enum(['for', 'against', 'abstain'])),
});
export type VoteEventFields = z.infer<typeof VoteEventFieldsSchema>;

/** Records a motion (mover, seconder) and the recorded vote on it, member by member; the result follows the counts. */
export async function voteEventRecorder(props: CommitteeWriteProps & VoteEventFields & { minuteId: string }): Promise<{ id: string; result: string }> {
  return asEditor(props, async (trx) => {
    const minute = await findMinute(trx, props.minuteId);
    if (!minute) throw NotFound('Minute not found');
    await assertMinutesOpen(trx, minute.meeting_id);
    const problems: Problems = [];
    if (props.moverId === props.seconderId) problems.push({ field: 'seconderId', message: 'The seconder must be someone other than the mover' });
    const voters = Object.keys(props.votes);
    if (voters.length === 0) problems.push({ field: 'votes', message: 'Record how at least one member voted' });
    const people = new Map<string, Row<'person'>>();
    for (const id of new Set([props.moverId, props.seconderId, ...voters])) {
      const person = await findPersonRow(trx, id);
      if (person) people.set(id, person);
      else
        problems.push({ field: id === props.moverId ? 'moverId' : id === props.seconderId ? 'seconderId' : 'votes', message: 'Choose members from the list' });
    }
    refuse(problems);
    const counts = { for: 0, against: 0, abstain: 0 };
    for (const option of Object.values(props.votes)) counts[option] += 1;
    const result = counts.for > counts.against ? 'carried' : 'lost';
    const index = (await countVoteEvents(trx, minute.meeting_id)) + 1;
    const id = stableId('vote-event', minute.meeting_id, minute.number, index);
    const motions = await listMotions(trx, [minute.id]);
    await insertMotion(trx, {
      id: stableId('motion', minute.id, motions.length + 1),
      minute_id: minute.id,
      position: motions.length + 1,
      text: props.motionText,
      mover_id: props.moverId,
      seconder_id: props.seconderId,
    });
    await insertVoteEvent(
      trx,
      {
        id,
        meeting_id: minute.meeting_id,
        minute_id: minute.id,
        motion_text: props.motionText,
        mover_id: props.moverId,
        seconder_id: props.seconderId,
        for_count: counts.for,
        against_count: counts.against,
        abstain_count: counts.abstain,
        result,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      },
      Object.entries(props.votes).map(([personId, option]) => ({
        vote_event_id: id,
        person_id: personId,
        option,
        printed_name: printedName(people.get(personId)!),
      })),
    );
    return { id, result };
  });
}
