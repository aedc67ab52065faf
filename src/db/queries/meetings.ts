/**
 * Read queries for meetings: typed Kysely only, no rules and no formatting (that is the presenters' job).
 * Exempt minutes never leave the database with their text: the public pages must not be able to show it by mistake.
 */
import { sql } from 'kysely';
import { AGENDA_ITEM_COLUMNS } from '../records/agenda-items.ts';
import type { Db, Row } from '../types.ts';

export type PersonNameRow = Pick<Row<'person'>, 'id' | 'kind' | 'honorific' | 'given_name' | 'initials' | 'family_name' | 'post_nominals' | 'job_title'>;

async function findMeeting(db: Db, id: string) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .innerJoin('authority', 'authority.id', 'body.authority_id')
    .leftJoin('meeting_workflow as workflow', 'workflow.id', 'meeting.id')
    .select([
      'meeting.withdrawn_reason',
      // Published but not yet approved at a later meeting: the public sees them labelled "Draft" (issue 18).
      sql<boolean>`(workflow.minutes_published_at is not null and workflow.minutes_approved_at is null)`.as('minutes_draft'),
      'meeting.id',
      'meeting.date',
      'meeting.start_time',
      'meeting.end_time',
      'meeting.location',
      'meeting.status',
      'meeting.kind',
      'meeting.cancelled_reason',
      'body.id as body_id',
      'body.name as body_name',
      'body.slug as body_slug',
      'body.kind as body_kind',
      'authority.name as authority_name',
    ])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
}

async function agendaItems(db: Db, meetingId: string) {
  return (
    db
      .selectFrom('public_agenda_item as agenda_item')
      // An exempt report is not joined at all: its subject and link stay private along with its text.
      .leftJoin('public_report as report', (join) => join.onRef('report.id', '=', 'agenda_item.report_id').on('report.exempt', '=', false))
      .select([...AGENDA_ITEM_COLUMNS])
      .where('agenda_item.meeting_id', '=', meetingId)
      .orderBy('agenda_item.position')
      .execute()
  );
}

async function attendance(db: Db, meetingId: string) {
  return db
    .selectFrom('attendance')
    .select(['id', 'person_id', 'status', 'role', 'printed_name', 'substitute_for_person_id'])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

async function declarations(db: Db, meetingId: string) {
  return db
    .selectFrom('public_declaration as declaration')
    .leftJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'declaration.agenda_item_id')
    .leftJoin('public_minute as minute', 'minute.id', 'declaration.minute_id')
    .select([
      'declaration.id',
      'declaration.person_id',
      'declaration.kind',
      'declaration.reason',
      'declaration.agenda_item_number',
      'agenda_item.number as agenda_item_linked_number',
      'agenda_item.title as agenda_item_title',
      'minute.id as minute_id',
      'minute.number as minute_number',
      'minute.title as minute_title',
    ])
    .where('declaration.meeting_id', '=', meetingId)
    .orderBy('minute.position')
    .orderBy('agenda_item.position')
    .orderBy('declaration.id')
    .execute();
}

async function minutes(db: Db, meetingId: string) {
  return db
    .selectFrom('public_minute as minute')
    .leftJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'minute.agenda_item_id')
    .leftJoin('meeting as approved', 'approved.id', 'minute.approves_meeting_id')
    .leftJoin('body as approved_body', 'approved_body.id', 'approved.body_id')
    .select((eb) => [
      'minute.id',
      'minute.number',
      'minute.position',
      'minute.title',
      'minute.exempt',
      'minute.exempt_paragraphs',
      // Exempt text is withheld here, at the source, so no template or presenter can leak it.
      eb.case().when('minute.exempt', '=', true).then('').else(eb.ref('minute.text')).end().as('text'),
      'minute.agenda_item_number',
      'minute.application_reference',
      'agenda_item.id as agenda_item_id',
      'agenda_item.number as agenda_item_linked_number',
      'agenda_item.title as agenda_item_title',
      'minute.approves_meeting_date',
      'approved.id as approves_meeting_id',
      'approved.date as approved_meeting_date',
      'approved_body.name as approved_body_name',
    ])
    .where('minute.meeting_id', '=', meetingId)
    .orderBy('minute.position')
    .execute();
}

async function resolutions(db: Db, meetingId: string) {
  return (
    db
      .selectFrom('public_resolution as resolution')
      // The view alone decides what is public (its minute published and not exempt, the resolution not withdrawn); the
      // minute table only finds the meeting's and orders them. Joining public_minute again put eleven tables in one
      // query, past the planner's join_collapse_limit of 8, and it read every resolution of the archive (issue 23).
      .innerJoin('minute', 'minute.id', 'resolution.minute_id')
      .select(['resolution.id', 'resolution.minute_id', 'resolution.position', 'resolution.text', 'resolution.unanimous'])
      .where('minute.meeting_id', '=', meetingId)
      .where('resolution.withdrawn_at', 'is', null)
      .orderBy('minute.position')
      .orderBy('resolution.position')
      .execute()
  );
}

async function motions(db: Db, meetingId: string) {
  return (
    db
      .selectFrom('public_motion as motion')
      // As for resolutions: the view decides what is public, the minute table finds and orders. A notice of motion
      // not yet minuted is found through its agenda item.
      .leftJoin('minute', 'minute.id', 'motion.minute_id')
      .leftJoin('agenda_item', 'agenda_item.id', 'motion.agenda_item_id')
      .select([
        'motion.id',
        'motion.minute_id',
        'motion.agenda_item_id',
        'motion.position',
        'motion.text',
        'motion.mover_id',
        'motion.seconder_id',
        'motion.result',
      ])
      .where((eb) =>
        eb.or([eb('minute.meeting_id', '=', meetingId), eb.and([eb('motion.minute_id', 'is', null), eb('agenda_item.meeting_id', '=', meetingId)])]),
      )
      .orderBy('minute.position')
      .orderBy('agenda_item.position')
      .orderBy('motion.position')
      .execute()
  );
}

async function voteEvents(db: Db, meetingId: string) {
  return (
    db
      .selectFrom('public_vote_event as vote_event')
      .leftJoin('public_minute as minute', 'minute.id', 'vote_event.minute_id')
      .select([
        'vote_event.id',
        'vote_event.motion_text',
        'vote_event.mover_id',
        'vote_event.seconder_id',
        'vote_event.for_count',
        'vote_event.against_count',
        'vote_event.abstain_count',
        'vote_event.result',
        'minute.id as minute_id',
        'minute.number as minute_number',
        'minute.title as minute_title',
        'minute.position as minute_position',
      ])
      .where('vote_event.meeting_id', '=', meetingId)
      // A vote on an exempt item would disclose what the exempt minute withholds.
      .where((eb) => eb.or([eb('minute.exempt', 'is', null), eb('minute.exempt', '=', false)]))
      .orderBy('minute.position')
      .orderBy('vote_event.id')
      .execute()
  );
}

/** Each member's vote, with the political group they belonged to on the day of the meeting (null if none is recorded). */
async function votes(db: Db, voteEventIds: string[], date: string) {
  if (voteEventIds.length === 0) return [];
  return db
    .selectFrom('public_vote as vote')
    .innerJoin('person', 'person.id', 'vote.person_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('group_membership as gm')
          .innerJoin('political_group as pg', 'pg.id', 'gm.group_id')
          .select(['pg.name as group_name'])
          .whereRef('gm.person_id', '=', 'vote.person_id')
          .where((w) => w.or([w('gm.start_date', 'is', null), w('gm.start_date', '<=', date)]))
          .where((w) => w.or([w('gm.end_date', 'is', null), w('gm.end_date', '>=', date)]))
          .orderBy('gm.start_date', 'desc')
          .limit(1)
          .as('g'),
      (join) => join.onTrue(),
    )
    .select(['vote.vote_event_id', 'vote.person_id', 'vote.option', 'vote.printed_name', 'g.group_name'])
    .where('vote.vote_event_id', 'in', voteEventIds)
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('vote.person_id')
    .execute();
}

async function questions(db: Db, meetingId: string) {
  return db
    .selectFrom('question')
    .select(['id', 'position', 'asked_by_id', 'asked_to_id', 'to_role', 'question_text', 'answer_text'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/**
 * The scrutiny recommendations made at a meeting, only those published: the rule of the public scrutiny pages
 * (src/web/scrutiny/public-routes.ts), so a draft never shows here before it shows there.
 */
async function recommendations(db: Db, meetingId: string) {
  return db
    .selectFrom('scrutiny_recommendation as recommendation')
    .innerJoin('scrutiny_item as item', 'item.id', 'recommendation.item_id')
    .select([
      'recommendation.id',
      'recommendation.number',
      'recommendation.text',
      'recommendation.status',
      'item.id as item_id',
      'item.title as item_title',
      'item.kind as item_kind',
    ])
    .where('item.meeting_id', '=', meetingId)
    .where('recommendation.published', '=', true)
    .orderBy('item.title')
    .orderBy('item.id')
    .orderBy('recommendation.number')
    .execute();
}
export type MeetingRecommendationRow = Awaited<ReturnType<typeof recommendations>>[number];

async function people(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, PersonNameRow>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name', 'post_nominals', 'job_title'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Everything the public page of one meeting shows, or undefined when there is no such meeting. */
export async function findMeetingRecord(db: Db, id: string) {
  const meeting = await findMeeting(db, id);
  if (!meeting) return undefined;
  // One connection on the embedded engine, so these run in turn there and in parallel on a server.
  const [agenda, attendanceRows, declarationRows, minuteRows, resolutionRows, motionRows, voteEventRows, questionRows, recommendationRows] = await Promise.all([
    agendaItems(db, id),
    attendance(db, id),
    declarations(db, id),
    minutes(db, id),
    resolutions(db, id),
    motions(db, id),
    voteEvents(db, id),
    questions(db, id),
    recommendations(db, id),
  ]);
  const voteRows = await votes(
    db,
    voteEventRows.map((event) => event.id),
    meeting.date,
  );
  const peopleById = await people(db, [
    ...attendanceRows.flatMap((row) => [row.person_id, row.substitute_for_person_id]),
    ...declarationRows.map((row) => row.person_id),
    ...motionRows.flatMap((row) => [row.mover_id, row.seconder_id]),
    ...voteEventRows.flatMap((row) => [row.mover_id, row.seconder_id]),
    ...voteRows.map((row) => row.person_id),
    ...questionRows.flatMap((row) => [row.asked_by_id, row.asked_to_id]),
  ]);
  return {
    meeting,
    agendaItems: agenda,
    attendance: attendanceRows,
    declarations: declarationRows,
    minutes: minuteRows,
    resolutions: resolutionRows,
    motions: motionRows,
    voteEvents: voteEventRows,
    votes: voteRows,
    questions: questionRows,
    recommendations: recommendationRows,
    people: peopleById,
  };
}
export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeetingRecord>>>;
