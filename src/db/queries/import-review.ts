/**
 * Reads of the import review (issue 17 items 3 and 4): every imported paper with what it gave, and one paper's text
 * beside the records extracted from it, each with its lines.
 */
import { sql } from 'kysely';
import { personNameSql } from '../repositories/registers/person-name-sql.ts';
import type { Db, Row } from '../types.ts';

export interface ImportedPaperRow {
  id: string;
  file_name: string;
  format: string;
  kinds: string[];
  imported_at: Date;
  line_count: number;
  meetings: number;
  attendance: number;
  minutes: number;
  declarations: number;
  vote_events: number;
  reports: number;
  decisions: number;
  errors: number;
  warnings: number;
  corrections: number;
  checked: boolean;
}

const countBySource = (table: string) => sql<number>`(select count(*)::int from ${sql.table(table)} t where t.source_document_id = s.id)`;

/** Every imported paper, newest first, with what it gave and its problems. */
export async function listImportedPapers(db: Db): Promise<ImportedPaperRow[]> {
  const result = await sql<ImportedPaperRow>`
    select s.id, s.file_name, s.format, s.kinds, s.imported_at, s.line_count,
      (select count(distinct meeting_id)::int from (
        select meeting_id from attendance where source_document_id = s.id
        union all select meeting_id from minute where source_document_id = s.id
        union all select id from meeting where source_document_id = s.id) m) as meetings,
      ${countBySource('attendance')} as attendance,
      ${countBySource('minute')} as minutes,
      ${countBySource('declaration')} as declarations,
      ${countBySource('vote_event')} as vote_events,
      ${countBySource('report')} as reports,
      ${countBySource('decision')} as decisions,
      (select count(*)::int from import_issue i where i.source_document_id = s.id and i.severity = 'error') as errors,
      (select count(*)::int from import_issue i where i.source_document_id = s.id and i.severity <> 'error') as warnings,
      (select count(*)::int from import_correction c where c.content_hash = s.content_hash) as corrections,
      exists (select 1 from paper_check c where c.content_hash = s.content_hash) as checked
    from source_document s
    order by s.imported_at desc, s.file_name`.execute(db);
  return result.rows;
}

/** Papers nothing was recognised in, newest first; not those imported since (by a newer importer). */
export async function listUnrecognised(db: Db): Promise<Array<Row<'unrecognised_paper'>>> {
  return db
    .selectFrom('unrecognised_paper as u')
    .selectAll('u')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('source_document as s').select('s.id').whereRef('s.content_hash', '=', 'u.content_hash'))))
    .orderBy('u.updated_at', 'desc')
    .orderBy('u.file_name')
    .execute();
}

export interface ReviewMeeting {
  id: string;
  body_name: string;
  date: string;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface ReviewAttendance {
  id: string;
  meeting_id: string;
  person_id: string;
  person_name: string;
  printed_name: string;
  status: string;
  role: string | null;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface ReviewMinute {
  id: string;
  meeting_id: string;
  number: string;
  title: string;
  text: string;
  resolutions: number;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface ReviewMotion {
  minute_id: string;
  position: number;
  text: string | null;
  mover_name: string | null;
  seconder_name: string | null;
}

export interface ReviewDeclaration {
  id: string;
  meeting_id: string;
  person_name: string;
  kind: string;
  reason: string;
  agenda_item_number: string | null;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface ReviewVoteEvent {
  id: string;
  meeting_id: string;
  minute_number: string | null;
  motion_text: string | null;
  for_count: number;
  against_count: number;
  abstain_count: number;
  result: string;
  named_for: number;
  named_against: number;
  named_abstain: number;
  source_line_from: number | null;
  source_line_to: number | null;
}

export interface PaperReview {
  source: Row<'source_document'>;
  lines: string[] | undefined;
  issues: Array<Pick<Row<'import_issue'>, 'severity' | 'line' | 'message'>>;
  checked: Row<'paper_check'> | undefined;
  meetings: ReviewMeeting[];
  attendance: ReviewAttendance[];
  minutes: ReviewMinute[];
  motions: ReviewMotion[];
  declarations: ReviewDeclaration[];
  voteEvents: ReviewVoteEvent[];
}

export async function paperReview(db: Db, sourceId: string): Promise<PaperReview | undefined> {
  const source = await db.selectFrom('source_document').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!source) return undefined;
  const [text, issues, checked, attendance, minutes, declarations, voteEvents] = await Promise.all([
    db.selectFrom('source_text').select('lines').where('id', '=', sourceId).executeTakeFirst(),
    db.selectFrom('import_issue').select(['severity', 'line', 'message']).where('source_document_id', '=', sourceId).orderBy('line').orderBy('id').execute(),
    db.selectFrom('paper_check').selectAll().where('content_hash', '=', source.content_hash).executeTakeFirst(),
    db
      .selectFrom('attendance as a')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .select([
        'a.id',
        'a.meeting_id',
        'a.person_id',
        personNameSql('p').as('person_name'),
        'a.printed_name',
        'a.status',
        'a.role',
        'a.source_line_from',
        'a.source_line_to',
      ])
      .where('a.source_document_id', '=', sourceId)
      .orderBy('a.source_line_from')
      .orderBy('a.printed_name')
      .execute(),
    db
      .selectFrom('minute as m')
      .select(['m.id', 'm.meeting_id', 'm.number', 'm.title', 'm.text', 'm.source_line_from', 'm.source_line_to'])
      .select((eb) => eb.selectFrom('resolution as r').select(sql<number>`count(*)::int`.as('n')).whereRef('r.minute_id', '=', 'm.id').as('resolutions'))
      .where('m.source_document_id', '=', sourceId)
      .orderBy('m.meeting_id')
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('declaration as d')
      .innerJoin('person as p', 'p.id', 'd.person_id')
      .select([
        'd.id',
        'd.meeting_id',
        personNameSql('p').as('person_name'),
        'd.kind',
        'd.reason',
        'd.agenda_item_number',
        'd.source_line_from',
        'd.source_line_to',
      ])
      .where('d.source_document_id', '=', sourceId)
      .orderBy('d.source_line_from')
      .execute(),
    db
      .selectFrom('vote_event as v')
      .leftJoin('minute as m', 'm.id', 'v.minute_id')
      .select([
        'v.id',
        'v.meeting_id',
        'm.number as minute_number',
        'v.motion_text',
        'v.for_count',
        'v.against_count',
        'v.abstain_count',
        'v.result',
        'v.source_line_from',
        'v.source_line_to',
      ])
      .select((eb) => [
        eb
          .selectFrom('vote')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('vote.vote_event_id', '=', 'v.id')
          .where('vote.option', '=', 'for')
          .as('named_for'),
        eb
          .selectFrom('vote')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('vote.vote_event_id', '=', 'v.id')
          .where('vote.option', '=', 'against')
          .as('named_against'),
        eb
          .selectFrom('vote')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('vote.vote_event_id', '=', 'v.id')
          .where('vote.option', '=', 'abstain')
          .as('named_abstain'),
      ])
      .where('v.source_document_id', '=', sourceId)
      .orderBy('v.source_line_from')
      .orderBy('v.id')
      .execute(),
  ]);
  const minuteIds = minutes.map((minute) => minute.id);
  const meetingIds = [...new Set([...attendance, ...minutes, ...declarations, ...voteEvents].map((row) => row.meeting_id))];
  const [meetings, motions] = await Promise.all([
    db
      .selectFrom('meeting as m')
      .innerJoin('body as b', 'b.id', 'm.body_id')
      .select(['m.id', 'b.name as body_name', 'm.date', 'm.source_line_from', 'm.source_line_to', 'm.source_document_id'])
      .where((eb) => eb.or([eb('m.source_document_id', '=', sourceId), ...(meetingIds.length ? [eb('m.id', 'in', meetingIds)] : [])]))
      .orderBy('m.date')
      .orderBy('b.name')
      .execute(),
    minuteIds.length
      ? db
          .selectFrom('motion as mo')
          .leftJoin('person as mover', 'mover.id', 'mo.mover_id')
          .leftJoin('person as seconder', 'seconder.id', 'mo.seconder_id')
          .select([
            'mo.minute_id',
            'mo.position',
            'mo.text',
            sql<string | null>`case when mover.id is null then null else ${personNameSql('mover')} end`.as('mover_name'),
            sql<string | null>`case when seconder.id is null then null else ${personNameSql('seconder')} end`.as('seconder_name'),
          ])
          .where('mo.minute_id', 'in', minuteIds)
          // The review lists a minute's motions; a notice of motion on an agenda has no minute.
          .$narrowType<{ minute_id: string }>()
          .orderBy('mo.minute_id')
          .orderBy('mo.position')
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    source,
    lines: text?.lines,
    issues,
    checked,
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      body_name: meeting.body_name,
      date: meeting.date,
      source_line_from: meeting.source_document_id === sourceId ? meeting.source_line_from : null,
      source_line_to: meeting.source_document_id === sourceId ? meeting.source_line_to : null,
    })),
    attendance,
    minutes: minutes.map((minute) => ({ ...minute, resolutions: minute.resolutions ?? 0 })),
    motions,
    declarations,
    voteEvents: voteEvents.map((event) => ({
      ...event,
      named_for: event.named_for ?? 0,
      named_against: event.named_against ?? 0,
      named_abstain: event.named_abstain ?? 0,
    })),
  };
}

/** Members and officers of the council, to link a printed name to: by family name. */
export async function peopleToLink(db: Db): Promise<Array<{ id: string; name: string; kind: string }>> {
  return db
    .selectFrom('person as p')
    .select(['p.id', personNameSql('p').as('name'), 'p.kind'])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
}
