import { personNameSql } from './person-name-sql.ts';
import type { Db, NewRow, Row } from '../../types.ts';

export type OutsideBodyRow = Row<'outside_body'>;
export type AppointmentRow = Row<'outside_body_appointment'> & {
  person_name: string;
  meeting_date: string | null;
  meeting_body_name: string | null;
  minute_number: string | null;
};

export async function listOutsideBodies(db: Db): Promise<OutsideBodyRow[]> {
  return db.selectFrom('outside_body').selectAll().orderBy('name').execute();
}

export async function findOutsideBody(db: Db, id: string): Promise<OutsideBodyRow | undefined> {
  return db.selectFrom('outside_body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOutsideBodyBySlug(db: Db, slug: string): Promise<OutsideBodyRow | undefined> {
  return db.selectFrom('outside_body').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertOutsideBody(db: Db, row: NewRow<'outside_body'>): Promise<void> {
  await db.insertInto('outside_body').values(row).execute();
}

export async function updateOutsideBody(db: Db, id: string, changes: Partial<NewRow<'outside_body'>>): Promise<void> {
  await db.updateTable('outside_body').set(changes).where('id', '=', id).execute();
}

export async function appointmentsOf(db: Db, outsideBodyIds: readonly string[]): Promise<AppointmentRow[]> {
  if (!outsideBodyIds.length) return [];
  return (await db
    .selectFrom('outside_body_appointment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('meeting as m', 'm.id', 'a.appointed_at_meeting_id')
    .leftJoin('body as b', 'b.id', 'm.body_id')
    .leftJoin('minute as mi', 'mi.id', 'a.appointed_at_minute_id')
    .selectAll('a')
    .select([personNameSql('p').as('person_name'), 'm.date as meeting_date', 'b.name as meeting_body_name', 'mi.number as minute_number'])
    .where('a.outside_body_id', 'in', outsideBodyIds)
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id')
    .execute()) as AppointmentRow[];
}

export async function findAppointment(db: Db, id: string): Promise<Row<'outside_body_appointment'> | undefined> {
  return db.selectFrom('outside_body_appointment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAppointment(db: Db, row: NewRow<'outside_body_appointment'>): Promise<void> {
  await db.insertInto('outside_body_appointment').values(row).execute();
}

export async function endAppointment(db: Db, id: string, endsOn: string): Promise<void> {
  await db.updateTable('outside_body_appointment').set({ ends_on: endsOn }).where('id', '=', id).execute();
}

export type ReportBackRow = Row<'outside_body_report'> & {
  meeting_id: string;
  meeting_date: string;
  body_name: string;
  item_title: string;
  item_number: string;
  person_name: string;
};

/** Reports back on an outside body's appointments, to meetings whose agenda is public (the item is not exempt). */
export async function reportsBack(db: Db, appointmentIds: readonly string[]): Promise<ReportBackRow[]> {
  if (!appointmentIds.length) return [];
  return (await db
    .selectFrom('outside_body_report as r')
    .innerJoin('outside_body_appointment as a', 'a.id', 'r.appointment_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .selectAll('r')
    .select([
      'm.id as meeting_id',
      'm.date as meeting_date',
      'b.name as body_name',
      'i.title as item_title',
      'i.number as item_number',
      personNameSql('p').as('person_name'),
    ])
    .where('r.appointment_id', 'in', appointmentIds)
    .where('i.exempt', '=', false)
    .orderBy('m.date', 'desc')
    .execute()) as ReportBackRow[];
}

export async function insertReportBack(db: Db, row: NewRow<'outside_body_report'>): Promise<void> {
  await db.insertInto('outside_body_report').values(row).execute();
}
