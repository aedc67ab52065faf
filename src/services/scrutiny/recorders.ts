/**
 * The write operations of scrutiny tracking, one function each, each one transaction with the actor set for the
 * audit log. The web forms and the CLI call these; rules come from src/domain/scrutiny. Bad input is refused with a
 * ValidationError naming the field, before anything is written.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { DEFAULT_RESPONSE_MONTHS, overdueStatus, responseDeadline } from '../../domain/scrutiny/deadline.ts';
import { checkResponseAllowed, checkTransition, statusAfterResponse, type ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import { stableId } from '../../domain/stable-id.ts';
import { formatShortDate, todayInLondon } from '../../domain/dates.ts';
import { Forbidden, NotFound, ValidationError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { type Actor, auditName, expectVersion, type SeenVersion, type Trx, writeOperation } from '../write-operation.ts';
import { findPersonRow, findPersonRows } from '../../db/records/people.ts';
import { findMeetingWithBody } from '../../db/records/meetings.ts';

type Problems = Array<{ field: string; message: string }>;

const SCRUTINY_OFFICER: Role = 'scrutiny-officer';
const REFUSAL = 'Only scrutiny officers can change scrutiny records';

/** A scrutiny write: role (when given) and one transaction as the actor, under the write-operation contract. */
function inTransaction<T>(database: DatabaseHandle, actor: Actor, role: Role | undefined, work: (trx: Trx) => Promise<T>): Promise<T> {
  return writeOperation({ db: database.db, actor, role, refusal: REFUSAL }, ({ trx }) => work(trx));
}

function refuse(problems: Problems): void {
  if (problems.length) throw ValidationError(problems);
}

export interface RecommendationRecorderProps {
  database: DatabaseHandle;
  /** Who records it, for the audit log and the status history. */
  actor: Actor;
  /** Defaults to the authority of the meeting's body. */
  authorityId?: string;
  meetingId: string;
  /** The item scrutinised: an existing item on that meeting with this title is reused. */
  itemTitle: string;
  /** Defaults to the next number within the item. */
  number?: number;
  text: string;
  addressee?: string;
  ownerIds: string[];
  /** When the executive received it (s.9FE counts from here); defaults to the meeting; may not be before it. */
  receivedOn?: string;
  /** Defaults to the end of responseMonths beginning with the day of receipt; may not be before the meeting. */
  dueDate?: string;
  responseMonths?: number;
  published?: boolean;
}

/** Records a recommendation a committee made, with its owners; it starts PENDING. Returns its id. */
export async function recommendationRecorder(props: RecommendationRecorderProps): Promise<{ id: string; itemId: string }> {
  return inTransaction(props.database, props.actor, SCRUTINY_OFFICER, async (trx) => {
    const problems: Problems = [];
    const meeting = await findMeetingWithBody(trx, props.meetingId);
    if (!meeting) problems.push({ field: 'meetingId', message: 'Select the meeting that made the recommendation' });
    if (!props.itemTitle.trim()) problems.push({ field: 'itemTitle', message: 'Enter the item the committee considered' });
    if (!props.text.trim()) problems.push({ field: 'text', message: 'Enter the recommendation' });
    if (props.ownerIds.length === 0) problems.push({ field: 'ownerIds', message: 'Select at least one owner' });
    const owners = await findPersonRows(trx, props.ownerIds);
    for (const id of props.ownerIds) {
      if (!owners.some((owner) => owner.id === id)) problems.push({ field: 'ownerIds', message: `There is no officer or member with the id "${id}"` });
    }
    if (meeting && props.dueDate && props.dueDate < meeting.date) {
      problems.push({ field: 'dueDate', message: `The response deadline must be on or after the meeting on ${formatShortDate(meeting.date)}` });
    }
    if (meeting && props.receivedOn && props.receivedOn < meeting.date) {
      problems.push({ field: 'receivedOn', message: `The date the executive received it must be on or after the meeting on ${formatShortDate(meeting.date)}` });
    }
    refuse(problems);
    const items = await store.findItemOnMeeting(trx, meeting!.id);
    const title = props.itemTitle.trim();
    let item = items.find((candidate) => candidate.title.toLowerCase() === title.toLowerCase());
    if (!item) {
      const id = stableId('scrutiny-item', meeting!.id, title);
      await store.insertNew(trx, 'scrutiny_item', [
        {
          id,
          authority_id: props.authorityId ?? meeting!.authority_id,
          kind: 'review',
          body_id: meeting!.body_id,
          meeting_id: meeting!.id,
          title,
          ...store.ITEM_WITHOUT_DETAILS,
          addressed_to: props.addressee ?? null,
          source_document_id: null,
          source_line_from: null,
          source_line_to: null,
        },
      ]);
      item = (await store.findItem(trx, id))!;
    }
    const taken = await trx.selectFrom('scrutiny_recommendation').select('number').where('item_id', '=', item.id).execute();
    const number = props.number ?? Math.max(0, ...taken.map((row) => row.number)) + 1;
    if (taken.some((row) => row.number === number)) refuse([{ field: 'number', message: `Recommendation ${number} of this item is already recorded` }]);
    const id = stableId('scrutiny-recommendation', item.id, number);
    await store.insertNew(trx, 'scrutiny_recommendation', [
      {
        id,
        item_id: item.id,
        number,
        text: props.text.trim(),
        context: null,
        addressee: props.addressee?.trim() || null,
        status: 'PENDING',
        due_date: props.dueDate ?? responseDeadline(props.receivedOn ?? meeting!.date, props.responseMonths ?? DEFAULT_RESPONSE_MONTHS),
        received_on: props.receivedOn ?? null,
        tracking_notes: null,
        published: props.published ?? false,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      },
    ]);
    await store.insertNew(
      trx,
      'scrutiny_action_owner',
      props.ownerIds.map((personId, index) => ({
        id: stableId('scrutiny-owner', id, index + 1),
        recommendation_id: id,
        person_id: personId,
        printed: owners.find((owner) => owner.id === personId)!.family_name,
        instruction: 'to action',
        position: index + 1,
      })),
    );
    await store.insertStatusChange(trx, {
      recommendation_id: id,
      from_status: null,
      to_status: 'PENDING',
      effective_date: meeting!.date,
      reason: 'Recorded',
      actor: auditName(props.actor),
    });
    return { id, itemId: item.id };
  });
}

export interface ResponseRecorderProps {
  database: DatabaseHandle;
  actor: Actor;
  recommendationId: string;
  text: string;
  responseDate: string;
  responderId: string;
  /** When the responder answers for themselves (my actions): refused unless they own an action or hold the portfolio. */
  ownResponseOnly?: boolean;
  /** London's today unless a test says otherwise: a response cannot be dated after it. */
  today?: string;
}

/** Records a response; a recommendation awaiting one becomes RESPONSE RECEIVED. Refused once closed. */
export async function responseRecorder(props: ResponseRecorderProps): Promise<{ id: string; status: ScrutinyStatus }> {
  // No role: an owner answers from "my actions" (ownResponseOnly), the scrutiny officer from the back office.
  return inTransaction(props.database, props.actor, undefined, async (trx) => {
    const recommendation = await store.findRecommendation(trx, props.recommendationId, { forUpdate: true });
    if (!recommendation) throw NotFound('Recommendation not found');
    if (props.ownResponseOnly && !(await store.answersFor(trx, recommendation.id, props.responderId))) {
      throw Forbidden('You are not named as an owner of this recommendation, so you cannot respond to it here. Ask the scrutiny officer.');
    }
    const problems: Problems = [];
    const allowed = checkResponseAllowed(recommendation.status);
    if (!allowed.allowed) problems.push({ field: 'text', message: allowed.reason });
    if (!props.text.trim()) problems.push({ field: 'text', message: 'Enter the response' });
    if (props.responseDate < recommendation.meeting_date) {
      problems.push({
        field: 'responseDate',
        message: `The date of response must be on or after the meeting on ${formatShortDate(recommendation.meeting_date)}`,
      });
    }
    problems.push(...notInFuture('responseDate', 'The date of response', props.responseDate, props.today));
    const responder = await findPersonRow(trx, props.responderId);
    if (!responder) problems.push({ field: 'responderId', message: `There is no officer or member with the id "${props.responderId}"` });
    refuse(problems);
    const count = await trx.selectFrom('scrutiny_response').select('id').where('recommendation_id', '=', recommendation.id).execute();
    const id = stableId('scrutiny-response', recommendation.id, count.length + 1, props.responseDate, props.text.slice(0, 40));
    await store.insertNew(trx, 'scrutiny_response', [
      {
        id,
        recommendation_id: recommendation.id,
        text: props.text.trim(),
        response_date: props.responseDate,
        responder_id: responder!.id,
        responder_printed: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      },
    ]);
    const status = statusAfterResponse(recommendation.status);
    if (status !== recommendation.status) {
      await store.updateRecommendation(trx, recommendation.id, { status });
      await store.insertStatusChange(trx, {
        recommendation_id: recommendation.id,
        from_status: recommendation.status,
        to_status: status,
        effective_date: props.responseDate,
        reason: 'Response recorded',
        actor: auditName(props.actor),
      });
    }
    return { id, status };
  });
}

export interface StatusChangerProps {
  database: DatabaseHandle;
  actor: Actor;
  recommendationId: string;
  to: ScrutinyStatus;
  effectiveDate: string;
  reason: string;
  /** The version the form was read at; a stale one is refused with a conflict. */
  expectedVersion?: SeenVersion;
  /** London's today unless a test says otherwise: a change cannot take effect after it. */
  today?: string;
}

/** Moves a recommendation to another status when the state machine allows it, keeping the change in its history. */
export async function statusChanger(props: StatusChangerProps): Promise<void> {
  await inTransaction(props.database, props.actor, SCRUTINY_OFFICER, async (trx) => {
    const recommendation = await store.findRecommendation(trx, props.recommendationId, { forUpdate: true });
    if (!recommendation) throw NotFound('Recommendation not found');
    expectVersion(recommendation, props.expectedVersion, 'recommendation', 'status');
    const problems: Problems = [];
    const check = checkTransition(recommendation.status, props.to);
    if (!check.allowed) problems.push({ field: 'status', message: check.reason });
    if (!props.reason.trim()) problems.push({ field: 'reason', message: 'Enter why the status changes' });
    if (props.effectiveDate < recommendation.meeting_date) {
      problems.push({ field: 'effectiveDate', message: `The date must be on or after the meeting on ${formatShortDate(recommendation.meeting_date)}` });
    }
    problems.push(...notInFuture('effectiveDate', 'The date', props.effectiveDate, props.today));
    refuse(problems);
    await store.updateRecommendation(trx, recommendation.id, { status: props.to });
    await store.insertStatusChange(trx, {
      recommendation_id: recommendation.id,
      from_status: recommendation.status,
      to_status: props.to,
      effective_date: props.effectiveDate,
      reason: props.reason.trim(),
      actor: auditName(props.actor),
    });
  });
}

/** Makes a recommendation and its responses public, or withdraws them. */
export async function recommendationPublisher(props: {
  database: DatabaseHandle;
  actor: Actor;
  recommendationId: string;
  published: boolean;
  expectedVersion?: SeenVersion;
}): Promise<void> {
  await inTransaction(props.database, props.actor, SCRUTINY_OFFICER, async (trx) => {
    const recommendation = await store.findRecommendation(trx, props.recommendationId, { forUpdate: true });
    if (!recommendation) throw NotFound('Recommendation not found');
    expectVersion(recommendation, props.expectedVersion, 'recommendation', 'published');
    await store.updateRecommendation(trx, recommendation.id, { published: props.published });
  });
}

/**
 * The automatic rule, applied as at a date: every PENDING recommendation past its deadline without a response
 * becomes OUTSTANDING, with the change in its history. Returns the ids changed.
 */
export async function outstandingMarker(props: { database: DatabaseHandle; asAt: string; actor?: Actor }): Promise<string[]> {
  const by: Actor = props.actor ?? { job: 'system:outstanding-rule' };
  const actor = auditName(by);
  return inTransaction(props.database, by, SCRUTINY_OFFICER, async (trx) => {
    const candidates = await store.listRecommendations(trx, { statuses: ['PENDING'] });
    const changed: string[] = [];
    for (const row of candidates) {
      const next = overdueStatus({ status: row.status, dueDate: row.due_date, responses: row.response_count ?? 0 }, props.asAt);
      if (!next) continue;
      await store.updateRecommendation(trx, row.id, { status: next });
      await store.insertStatusChange(trx, {
        recommendation_id: row.id,
        from_status: row.status,
        to_status: next,
        effective_date: props.asAt,
        reason: `No response by the deadline of ${row.due_date}`,
        actor,
      });
      changed.push(row.id);
    }
    return changed;
  });
}

/** Something that has happened (a response, a change of status, a receipt) cannot be dated after today. */
function notInFuture(field: string, label: string, date: string, today = todayInLondon()): Problems {
  return date > today ? [{ field, message: `${label} cannot be in the future: today is ${formatShortDate(today)}` }] : [];
}
