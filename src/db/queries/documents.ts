/**
 * Read queries for the generated documents (agenda pack, minutes): typed Kysely only, no layout and no wording.
 * The audience is decided here, at the source: for the public, exempt reports are not joined and exempt minutes come
 * back without their text, motions or votes, so no generator can print them by mistake.
 */
import { sql } from 'kysely';
// For its types: meeting_workflow (when the agenda was published).
import { AGENDA_ITEM_COLUMNS } from '../records/agenda-items.ts';
import type { Db } from '../types.ts';

/** Who a document is made for: the public (what anonymous users get) or officers (exempt content included). */
export type DocumentAudience = 'public' | 'officers';

type RuledTable = 'agenda_item' | 'report' | 'minute' | 'resolution' | 'vote_event' | 'vote';

/**
 * The table to read for the audience: for the public, the visibility rule's view of it (migration 20261207_1560:
 * published papers only, exempt text blanked), under the table's own name. The view has the table's columns, so the
 * type is the table's.
 */
function source<T extends RuledTable>(table: T, audience: DocumentAudience): T {
  return (audience === 'public' ? `public_${table} as ${table}` : table) as T;
}

export async function findDocumentMeeting(db: Db, id: string) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .innerJoin('authority', 'authority.id', 'body.authority_id')
    .leftJoin('meeting_workflow', 'meeting_workflow.id', 'meeting.id')
    .select([
      'meeting.id',
      'meeting.date',
      'meeting.start_time',
      'meeting.end_time',
      'meeting.location',
      'meeting.status',
      'meeting.kind',
      'body.id as body_id',
      'body.name as body_name',
      'body.kind as body_kind',
      'authority.id as authority_id',
      'authority.name as authority_name',
      'meeting_workflow.agenda_published_at',
      // Published but not approved at a later meeting: printed as DRAFT (issue 18).
      sql<boolean>`(meeting_workflow.minutes_published_at is not null and meeting_workflow.minutes_approved_at is null)`.as('minutes_draft'),
    ])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
}
export type DocumentMeetingRow = NonNullable<Awaited<ReturnType<typeof findDocumentMeeting>>>;

/** The meeting of the named body on a date, for agenda items that carry another meeting's minutes. */
export async function findMeetingIdByBodyName(db: Db, props: { authorityId: string; bodyName: string; date: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select('meeting.id')
    .where('body.authority_id', '=', props.authorityId)
    .where((eb) => eb(eb.fn('lower', ['body.name']), '=', props.bodyName.toLowerCase()))
    .where('meeting.date', '=', props.date)
    .executeTakeFirst();
  return row?.id;
}

export async function agendaWithReports(db: Db, meetingId: string, audience: DocumentAudience) {
  return db
    .selectFrom(source('agenda_item', audience))
    .leftJoin(source('report', audience), (join) => {
      const joined = join.onRef('report.id', '=', 'agenda_item.report_id');
      // For the public, an exempt report (or the report of an exempt item) is not joined at all.
      return audience === 'public' ? joined.on('report.exempt', '=', false).on('agenda_item.exempt', '=', false) : joined;
    })
    .select([
      ...AGENDA_ITEM_COLUMNS,
      'report.exempt as report_exempt',
      'report.full_text as report_full_text',
      'report.original_file_sha256 as report_original_sha256',
      'report.original_filename as report_original_filename',
      'report.original_media_type as report_original_media_type',
      // After the agenda's publication: the item's papers form a supplementary pack.
      'agenda_item.created_at as item_created_at',
    ])
    .where('agenda_item.meeting_id', '=', meetingId)
    .orderBy('agenda_item.position')
    .execute();
}
export type AgendaReportRow = Awaited<ReturnType<typeof agendaWithReports>>[number];

/** Whether the meeting has minutes the audience may read, and how far they have gone (published, approved). */
export async function minutesStateOf(db: Db, meetingId: string, audience: DocumentAudience) {
  return (
    db
      .selectFrom('meeting')
      .leftJoin('meeting_workflow', 'meeting_workflow.id', 'meeting.id')
      // The meeting that approved the minutes as a correct record, for their label ("Approved on ... at ...").
      .leftJoin('meeting as approving', 'approving.id', 'meeting_workflow.minutes_approved_at_meeting_id')
      .leftJoin('body as approving_body', 'approving_body.id', 'approving.body_id')
      .select((eb) => [
        eb
          .selectFrom(source('minute', audience))
          .select((inner) => inner.fn.countAll<string>().as('count'))
          .whereRef('minute.meeting_id', '=', 'meeting.id')
          .as('minutes'),
        'meeting_workflow.id as workflow_id',
        'meeting_workflow.minutes_published_at',
        'meeting_workflow.minutes_approved_at',
        'approving.date as approving_date',
        'approving_body.name as approving_body_name',
      ])
      .where('meeting.id', '=', meetingId)
      .executeTakeFirst()
  );
}

export async function questionsOf(db: Db, meetingId: string) {
  return (
    db
      .selectFrom('question')
      .innerJoin('person as asker', 'asker.id', 'question.asked_by_id')
      // A question may be printed without whom it is put to (migration 20261207_4601).
      .leftJoin('person as answerer', 'answerer.id', 'question.asked_to_id')
      .select([
        'question.id',
        'question.position',
        'question.to_role',
        'question.question_text',
        'question.answer_text',
        'asker.honorific as asker_honorific',
        'asker.given_name as asker_given_name',
        'asker.initials as asker_initials',
        'asker.family_name as asker_family_name',
        'answerer.honorific as answerer_honorific',
        'answerer.given_name as answerer_given_name',
        'answerer.initials as answerer_initials',
        'answerer.family_name as answerer_family_name',
      ])
      .where('question.meeting_id', '=', meetingId)
      .orderBy('question.position')
      .execute()
  );
}
export type QuestionRow = Awaited<ReturnType<typeof questionsOf>>[number];

async function attendanceOf(db: Db, meetingId: string) {
  return db
    .selectFrom('attendance')
    .innerJoin('person', 'person.id', 'attendance.person_id')
    .select(['attendance.id', 'attendance.status', 'attendance.role', 'attendance.printed_name', 'person.kind', 'person.family_name', 'person.given_name'])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy('attendance.source_line_from')
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('attendance.id')
    .execute();
}

async function minutesOf(db: Db, meetingId: string, audience: DocumentAudience) {
  return db
    .selectFrom(source('minute', audience))
    .select((eb) => [
      'minute.id',
      'minute.number',
      'minute.position',
      'minute.title',
      'minute.exempt',
      'minute.exempt_paragraphs',
      (audience === 'public' ? eb.case().when('minute.exempt', '=', true).then('').else(eb.ref('minute.text')).end() : eb.ref('minute.text')).as('text'),
    ])
    .where('minute.meeting_id', '=', meetingId)
    .orderBy('minute.position')
    .execute();
}

async function resolutionsOf(db: Db, meetingId: string, audience: DocumentAudience) {
  let query = db
    .selectFrom(source('resolution', audience))
    .innerJoin(source('minute', audience), 'minute.id', 'resolution.minute_id')
    .select(['resolution.id', 'resolution.minute_id', 'resolution.text', 'resolution.unanimous'])
    .where('minute.meeting_id', '=', meetingId)
    .where('resolution.withdrawn_at', 'is', null);
  if (audience === 'public') query = query.where('minute.exempt', '=', false);
  return query.orderBy('minute.position').orderBy('resolution.position').execute();
}

async function voteEventsOf(db: Db, meetingId: string, audience: DocumentAudience) {
  let query = db
    .selectFrom(source('vote_event', audience))
    .leftJoin(source('minute', audience), 'minute.id', 'vote_event.minute_id')
    .leftJoin('person as mover', 'mover.id', 'vote_event.mover_id')
    .leftJoin('person as seconder', 'seconder.id', 'vote_event.seconder_id')
    .select([
      'vote_event.id',
      'vote_event.minute_id',
      'vote_event.motion_text',
      'vote_event.for_count',
      'vote_event.against_count',
      'vote_event.abstain_count',
      'vote_event.result',
      'mover.honorific as mover_honorific',
      'mover.initials as mover_initials',
      'mover.family_name as mover_family_name',
      'seconder.honorific as seconder_honorific',
      'seconder.initials as seconder_initials',
      'seconder.family_name as seconder_family_name',
    ])
    .where('vote_event.meeting_id', '=', meetingId);
  // A vote on an exempt item would disclose what the exempt minute withholds.
  if (audience === 'public') query = query.where((eb) => eb.or([eb('minute.exempt', 'is', null), eb('minute.exempt', '=', false)]));
  return query.orderBy('minute.position').orderBy('vote_event.id').execute();
}

async function votesOf(db: Db, voteEventIds: string[], audience: DocumentAudience) {
  if (voteEventIds.length === 0) return [];
  return db
    .selectFrom(source('vote', audience))
    .innerJoin('person', 'person.id', 'vote.person_id')
    .select(['vote.vote_event_id', 'vote.option', 'vote.printed_name'])
    .where('vote.vote_event_id', 'in', voteEventIds)
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('vote.printed_name')
    .execute();
}

/** Everything the minutes of one meeting print, for the audience, or undefined when there is no such meeting. */
export async function findMinutesRecord(db: Db, meetingId: string, audience: DocumentAudience) {
  const meeting = await findDocumentMeeting(db, meetingId);
  if (!meeting) return undefined;
  const [attendance, minutes, resolutions, voteEvents] = await Promise.all([
    attendanceOf(db, meetingId),
    minutesOf(db, meetingId, audience),
    resolutionsOf(db, meetingId, audience),
    voteEventsOf(db, meetingId, audience),
  ]);
  const votes = await votesOf(
    db,
    voteEvents.map((event) => event.id),
    audience,
  );
  return { meeting, attendance, minutes, resolutions, voteEvents, votes };
}
export type MinutesRecord = NonNullable<Awaited<ReturnType<typeof findMinutesRecord>>>;
