import type { Db } from '../../types.ts';

export async function findPublicReport(db: Db, id: string) {
  return db
    .selectFrom('public_report as report')
    .select([
      'id',
      'subject',
      'by_text',
      'to_text',
      'report_date',
      'classification',
      'summary',
      'recommendations',
      'contact',
      'background_documents',
      'full_text',
      'original_file_sha256',
      'original_filename',
      'original_media_type',
    ])
    .where('id', '=', id)
    .where('exempt', '=', false)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('public_agenda_item as agenda_item')
            .select('agenda_item.id')
            .whereRef('agenda_item.report_id', '=', 'report.id')
            .where('agenda_item.exempt', '=', true),
        ),
      ),
    )
    .executeTakeFirst();
}

export async function reportAgendaItems(db: Db, reportId: string) {
  return db
    .selectFrom('public_agenda_item as agenda_item')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('public_minute as minute', 'minute.agenda_item_id', 'agenda_item.id')
    .select([
      'agenda_item.number',
      'agenda_item.title',
      'meeting.id as meeting_id',
      'meeting.date',
      'body.name as body_name',
      'body.slug as body_slug',
      'minute.number as minute_number',
    ])
    .where('agenda_item.report_id', '=', reportId)
    .orderBy('meeting.date')
    .execute();
}

export async function reportDecisions(db: Db, reportId: string) {
  return db.selectFrom('decision').select(['id', 'subject', 'decision_date']).where('report_id', '=', reportId).orderBy('decision_date').execute();
}
