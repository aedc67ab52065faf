/**
 * The forward plan's write operations: an officer drafts an entry, publishes it as a notice (the 2012 Regulations'
 * notice rules checked, src/domain/forward-plan/notice.ts), records representations about a private meeting and the
 * response, withdraws an entry, and records the decision with its call-in period. Each is one audited transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, writeOperation } from '../write-operation.ts';
import * as repo from '../../db/repositories/registers/forward-plan.ts';
import type { Database } from '../../db/schema.ts';
import { callInDates } from '../../domain/forward-plan/call-in.ts';
import { NOTICE_ROUTES, noticeProblems, type NoticeFacts } from '../../domain/forward-plan/notice.ts';
import { FieldProblems, fieldProblem, RecordMissing, parse } from './problems.ts';
import { optionalDate, optionalId } from './fields.ts';

const text = (max: number, message?: string) => (message ? z.string().trim().min(1, message).max(max) : z.string().trim().max(max));
const isoDate = (message: string) => z.iso.date({ error: message });

export const EntryInputSchema = z.object({
  subject: text(300, 'Enter the matter to be decided'),
  summary: text(5000).default(''),
  decisionMakerBodyId: optionalId,
  decisionMakerPersonId: optionalId,
  decisionMakerTitle: text(200).default(''),
  plannedDate: isoDate('Enter the date of the decision as YYYY-MM-DD'),
  wards: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
  documents: text(5000).default(''),
  consultees: text(5000).default(''),
  contact: text(500).default(''),
  keyDecision: z.boolean(),
  privateMeeting: z.boolean(),
  exemptParagraphs: z.array(z.number().int().min(1, 'Choose paragraphs 1 to 7 of Schedule 12A').max(7, 'Choose paragraphs 1 to 7 of Schedule 12A')).default([]),
  privateReasons: text(5000).default(''),
  officerNote: text(5000).default(''),
  route: z.enum(NOTICE_ROUTES, 'Choose how notice is given').default('notice'),
  urgencyReasons: text(5000).default(''),
  scrutinyChairPersonId: optionalId,
  scrutinyChairInformedOn: optionalDate('Enter the date the chair was informed as YYYY-MM-DD'),
  scrutinyChairAgreedOn: optionalDate('Enter the date the chair agreed as YYYY-MM-DD'),
});
export type EntryInput = z.input<typeof EntryInputSchema>;

export function factsOf(entry: repo.ForwardPlanEntryRow): NoticeFacts {
  return {
    keyDecision: entry.key_decision,
    privateMeeting: entry.private_meeting,
    exemptParagraphs: entry.exempt_paragraphs,
    privateReasons: entry.private_reasons,
    route: entry.notice_route,
    urgencyReasons: entry.urgency_reasons,
    scrutinyChairPersonId: entry.scrutiny_chair_person_id,
    scrutinyChairInformedOn: entry.scrutiny_chair_informed_on,
    scrutinyChairAgreedOn: entry.scrutiny_chair_agreed_on,
  };
}

async function checkPeople(trx: Kysely<Database>, data: z.infer<typeof EntryInputSchema>): Promise<void> {
  const problems: Array<{ field: string; message: string }> = [];
  if (!data.decisionMakerBodyId && !data.decisionMakerPersonId && !data.decisionMakerTitle)
    problems.push({ field: 'decisionMakerBodyId', message: 'Choose who takes the decision: a body, a member or an officer' });
  const { bodies, people } = await repo.decisionMakerChoices(trx);
  if (data.decisionMakerBodyId && !bodies.some((body) => body.id === data.decisionMakerBodyId))
    problems.push({ field: 'decisionMakerBodyId', message: 'Choose a body from the list' });
  if (data.decisionMakerPersonId && !people.some((person) => person.id === data.decisionMakerPersonId))
    problems.push({ field: 'decisionMakerPersonId', message: 'Choose a person from the list' });
  if (data.scrutinyChairPersonId && !people.some((person) => person.id === data.scrutinyChairPersonId && person.kind === 'member'))
    problems.push({ field: 'scrutinyChairPersonId', message: 'Choose the scrutiny chair from the members' });
  if (data.privateMeeting === false && data.exemptParagraphs.length)
    problems.push({ field: 'exemptParagraphs', message: 'Schedule 12A paragraphs apply only to a meeting held in private' });
  if (problems.length) throw FieldProblems(problems);
}

function columns(data: z.infer<typeof EntryInputSchema>) {
  return {
    subject: data.subject,
    summary: data.summary,
    decision_maker_body_id: data.decisionMakerBodyId ?? null,
    decision_maker_person_id: data.decisionMakerPersonId ?? null,
    decision_maker_title: data.decisionMakerTitle,
    planned_date: data.plannedDate,
    wards: [...new Set(data.wards)],
    documents: data.documents,
    consultees: data.consultees,
    contact: data.contact,
    key_decision: data.keyDecision,
    private_meeting: data.privateMeeting,
    exempt_paragraphs: [...new Set(data.exemptParagraphs)].sort((a, b) => a - b),
    private_reasons: data.privateReasons,
    officer_note: data.officerNote,
    notice_route: data.route,
    urgency_reasons: data.urgencyReasons,
    scrutiny_chair_person_id: data.scrutinyChairPersonId ?? null,
    scrutiny_chair_informed_on: data.scrutinyChairInformedOn ?? null,
    scrutiny_chair_agreed_on: data.scrutinyChairAgreedOn ?? null,
  };
}

/**
 * Creates an entry (no id) or changes one. A published entry stays published only if the change still meets the
 * notice rules from its publication date: a decision brought forward must take the general exception or special urgency.
 */
export async function forwardPlanEntrySaver(props: { db: Kysely<Database>; actor: Actor; id?: string; input: EntryInput }): Promise<{ id: string }> {
  const data = parse(EntryInputSchema, props.input);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    await checkPeople(trx, data);
    if (props.id) {
      const entry = await repo.findEntry(trx, props.id);
      if (!entry) throw RecordMissing('Forward plan entry not found');
      if (entry.withdrawn_on) throw fieldProblem('form', 'This entry was withdrawn and cannot be changed');
      if ((await repo.decisionRecordsOf(trx, [entry.id])).length)
        throw fieldProblem('form', 'The decision has been recorded: the entry can no longer be changed');
      const changed = { ...entry, ...columns(data) } as repo.ForwardPlanEntryRow;
      if (entry.published_on) {
        const problems = noticeProblems(factsOf(changed), entry.published_on, data.plannedDate);
        if (problems.length) throw FieldProblems(problems);
      }
      await repo.updateForwardPlanEntry(trx, entry.id, columns(data));
      return { id: entry.id };
    }
    const id = `forward-plan-${randomUUID()}`;
    const reference = await repo.nextReference(trx, data.plannedDate.slice(0, 4));
    await repo.insertEntry(trx, { id, reference, ...columns(data) });
    return { id };
  });
}

/** Publishes the notice on a date: from then the public can see it, and the notice period is counted from it. */
export async function forwardPlanEntryPublisher(props: { db: Kysely<Database>; actor: Actor; id: string; publishedOn: string }): Promise<void> {
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const entry = await repo.findEntry(trx, props.id);
    if (!entry) throw RecordMissing('Forward plan entry not found');
    if (entry.published_on) throw fieldProblem('form', `This entry was already published on ${entry.published_on}`);
    const problems = noticeProblems(factsOf(entry), props.publishedOn, entry.planned_date);
    if (entry.notice_route === 'special-urgency' && entry.scrutiny_chair_agreed_on && entry.scrutiny_chair_agreed_on > props.publishedOn) {
      problems.push({
        field: 'scrutinyChairAgreedOn',
        message: 'The notice of special urgency follows the chair’s agreement (regulation 11(3)): it cannot be published before it',
      });
    }
    if (problems.length) throw FieldProblems(problems);
    await repo.updateForwardPlanEntry(trx, entry.id, { published_on: props.publishedOn });
  });
}

export async function forwardPlanEntryWithdrawer(props: { db: Kysely<Database>; actor: Actor; id: string; reason: string; on: string }): Promise<void> {
  const reason = props.reason.trim();
  if (!reason) throw fieldProblem('reason', 'Say why the entry is withdrawn');
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const entry = await repo.findEntry(trx, props.id);
    if (!entry) throw RecordMissing('Forward plan entry not found');
    if (!entry.published_on) throw fieldProblem('form', 'Only a published entry can be withdrawn');
    if ((await repo.decisionRecordsOf(trx, [entry.id])).length) throw fieldProblem('form', 'The decision has been recorded: the entry cannot be withdrawn');
    await repo.updateForwardPlanEntry(trx, entry.id, { withdrawn_on: props.on, withdrawn_reason: reason });
  });
}

export const RepresentationInputSchema = z.object({
  receivedOn: isoDate('Enter the date the representation was received as YYYY-MM-DD'),
  text: text(10_000, 'Enter the representation'),
});

/** Regulation 5(3)-(4): representations about why a meeting should be open, kept with the entry and published with it. */
export async function representationRecorder(props: {
  db: Kysely<Database>;
  actor: Actor;
  entryId: string;
  input: z.input<typeof RepresentationInputSchema>;
}): Promise<{ id: string }> {
  const data = parse(RepresentationInputSchema, props.input);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const entry = await repo.findEntry(trx, props.entryId);
    if (!entry) throw RecordMissing('Forward plan entry not found');
    if (!entry.private_meeting) throw fieldProblem('text', 'Representations are about meetings to be held in private: this entry is for a public meeting');
    const id = `representation-${randomUUID()}`;
    await repo.insertRepresentation(trx, { id, entry_id: entry.id, received_on: data.receivedOn, text: data.text });
    return { id };
  });
}

export const ResponseInputSchema = z.object({
  response: text(10_000, 'Enter the response'),
  respondedOn: isoDate('Enter the date of the response as YYYY-MM-DD'),
});

export async function representationResponder(props: {
  db: Kysely<Database>;
  actor: Actor;
  id: string;
  input: z.input<typeof ResponseInputSchema>;
}): Promise<void> {
  const data = parse(ResponseInputSchema, props.input);
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const representation = await repo.findRepresentation(trx, props.id);
    if (!representation) throw RecordMissing('Representation not found');
    if (data.respondedOn < representation.received_on) throw fieldProblem('respondedOn', 'The response cannot be before the representation was received');
    await repo.respondToRepresentation(trx, props.id, data.response, data.respondedOn);
  });
}

export const DecisionInputSchema = z.object({
  decidedOn: isoDate('Enter the date of the decision as YYYY-MM-DD'),
  decision: text(20_000, 'Enter the decision'),
  reasons: text(20_000, 'Enter the reasons for the decision (regulations 12 and 13)'),
  alternativesRejected: text(20_000).default(''),
  conflicts: text(10_000).default(''),
  meetingId: optionalId,
  minuteId: optionalId,
  officerRecord: text(500).default(''),
  publishedOn: isoDate('Enter the date the record is published as YYYY-MM-DD'),
});
export type DecisionInput = z.input<typeof DecisionInputSchema>;

/**
 * Records the decision (regulations 12 and 13): once the notice rules are met for the day it was taken, linked to
 * the meeting and minute (a body's decision) or to the written record of an individual's decision; it enters the
 * decisions register, and its call-in period and implementation date follow from the council's call-in rules.
 */
export async function decisionRecorder(props: {
  db: Kysely<Database>;
  actor: Actor;
  entryId: string;
  input: DecisionInput;
  callInWorkingDays: number;
}): Promise<{ id: string; decisionId: string }> {
  const data = parse(DecisionInputSchema, props.input);
  return writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const entry = await repo.findEntry(trx, props.entryId);
    if (!entry) throw RecordMissing('Forward plan entry not found');
    if (!entry.published_on) throw fieldProblem('form', 'Publish the notice before recording the decision');
    if (entry.withdrawn_on) throw fieldProblem('form', 'This entry was withdrawn');
    if ((await repo.decisionRecordsOf(trx, [entry.id])).length) throw fieldProblem('form', 'The decision has already been recorded');
    const problems = noticeProblems(factsOf(entry), entry.published_on, data.decidedOn).map((problem) => ({
      field: problem.field === 'plannedDate' || problem.field === 'route' ? 'decidedOn' : problem.field,
      message: problem.message,
    }));
    if (data.publishedOn < data.decidedOn) problems.push({ field: 'publishedOn', message: 'The record cannot be published before the decision is taken' });
    if (entry.decision_maker_body_id) {
      if (!data.meetingId) problems.push({ field: 'meetingId', message: 'Choose the meeting at which the decision was taken' });
    } else if (!data.officerRecord) {
      problems.push({ field: 'officerRecord', message: 'Enter the reference of the written record of the decision (regulation 13)' });
    }
    if (data.meetingId) {
      const meeting = await repo.meetingOf(trx, data.meetingId);
      if (!meeting) problems.push({ field: 'meetingId', message: 'Choose a meeting from the list' });
      else {
        if (entry.decision_maker_body_id && meeting.body_id !== entry.decision_maker_body_id)
          problems.push({ field: 'meetingId', message: 'Choose a meeting of the body that takes the decision' });
        if (meeting.date !== data.decidedOn)
          problems.push({ field: 'meetingId', message: `That meeting was on ${meeting.date}, not the date of the decision` });
      }
      if (data.minuteId) {
        const minute = await repo.minuteOf(trx, data.minuteId);
        if (!minute || minute.meeting_id !== data.meetingId) problems.push({ field: 'minuteId', message: 'Choose a minute of that meeting' });
      }
    } else if (data.minuteId) problems.push({ field: 'minuteId', message: 'Choose the meeting before its minute' });
    let dates: ReturnType<typeof callInDates> | undefined;
    try {
      dates = callInDates({ workingDays: props.callInWorkingDays }, entry.notice_route, data.decidedOn, data.publishedOn);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push({ field: 'publishedOn', message: `The call-in period cannot be counted: ${error.message}` });
    }
    if (problems.length || !dates) throw FieldProblems(problems);
    const authorityId = await repo.authorityId(trx);
    if (!authorityId) throw fieldProblem('form', 'The council has no records yet: import its papers or create a body first');
    const decisionId = `decision-${randomUUID()}`;
    await repo.insertDecision(trx, {
      id: decisionId,
      authority_id: authorityId,
      decision_date: data.decidedOn,
      decision_maker_person_id: entry.decision_maker_person_id,
      decision_maker_role: entry.decision_maker_title || null,
      decision_maker_body_id: entry.decision_maker_body_id,
      subject: entry.subject,
      text: data.decision,
      is_key: entry.key_decision,
      is_urgent: entry.notice_route === 'special-urgency',
      urgency_reason: entry.notice_route === 'notice' ? null : entry.urgency_reasons,
      record_number: entry.reference,
      report_id: null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    const id = `decision-record-${randomUUID()}`;
    await repo.insertDecisionRecord(trx, {
      id,
      entry_id: entry.id,
      decided_on: data.decidedOn,
      decision: data.decision,
      reasons: data.reasons,
      alternatives_rejected: data.alternativesRejected,
      conflicts: data.conflicts,
      meeting_id: data.meetingId ?? null,
      minute_id: data.minuteId ?? null,
      officer_record: data.officerRecord,
      published_on: data.publishedOn,
      call_in_ends_on: dates.callInEndsOn,
      implementation_date: dates.implementationDate,
      decision_id: decisionId,
    });
    return { id, decisionId };
  });
}
