/**
 * Outside bodies: democratic services record the organisations the council appoints to (fire authority, police and
 * crime panel, charities, partnerships), appoint members with a role and a term at a meeting, end appointments, and
 * link an appointee's report back to the agenda item of the meeting that received it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, writeOperation } from '../write-operation.ts';
import * as repo from '../../db/repositories/registers/outside-bodies.ts';
import { meetingOf, minuteOf } from '../../db/repositories/registers/forward-plan.ts';
import type { Database } from '../../db/schema.ts';
import { slugify } from '../../domain/stable-id.ts';
import { overlaps, vacancies } from '../../domain/outside-bodies/vacancies.ts';
import { FieldProblems, fieldProblem, RecordMissing, parse } from './problems.ts';
import { optionalDate, optionalId } from './fields.ts';
import { findPersonName } from '../../db/records/people.ts';
import { findAgendaItemPlacement } from '../../db/records/agenda-items.ts';

export const OutsideBodyInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name of the body').max(300),
  description: z.string().trim().max(5000).default(''),
  category: z.string().trim().max(200).default(''),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter the website as a full address, like https://www.example.org' })]).default(''),
  places: z.coerce
    .number({ error: 'Enter the number of places as a whole number' })
    .int('Enter the number of places as a whole number')
    .min(0, 'Enter 0 to 100 places')
    .max(100, 'Enter 0 to 100 places'),
});
export type OutsideBodyInput = z.input<typeof OutsideBodyInputSchema>;

export async function outsideBodySaver(props: {
  db: Kysely<Database>;
  actor: Actor;
  id?: string;
  input: OutsideBodyInput;
}): Promise<{ id: string; slug: string }> {
  const data = parse(OutsideBodyInputSchema, props.input);
  return writeOperation(
    { db: props.db, actor: props.actor, role: 'democratic-services', refusal: 'Only democratic services officers can change outside bodies' },
    async ({ trx }) => {
      const slug = slugify(data.name) || 'outside-body';
      const clash = await repo.findOutsideBodyBySlug(trx, slug);
      if (clash && clash.id !== props.id) throw fieldProblem('name', `There is already an outside body called ${clash.name}`);
      if (props.id) {
        if (!(await repo.findOutsideBody(trx, props.id))) throw RecordMissing('Outside body not found');
        await repo.updateOutsideBody(trx, props.id, { ...data, slug });
        return { id: props.id, slug };
      }
      const id = `outside-body-${randomUUID()}`;
      await repo.insertOutsideBody(trx, { id, slug, ...data });
      return { id, slug };
    },
  );
}

export const AppointmentInputSchema = z.object({
  personId: z.string().trim().min(1, 'Choose who is appointed'),
  role: z.string().trim().max(200).default(''),
  startsOn: z.iso.date({ error: 'Enter the start of the term as YYYY-MM-DD' }),
  endsOn: optionalDate('Enter the end of the term as YYYY-MM-DD'),
  meetingId: optionalId,
  minuteId: optionalId,
});
export type AppointmentInput = z.input<typeof AppointmentInputSchema>;

/** Appoints a person to a place for a term; refused when every place is filled then, or they already hold one. */
export async function appointmentMaker(props: { db: Kysely<Database>; actor: Actor; outsideBodyId: string; input: AppointmentInput }): Promise<{ id: string }> {
  const data = parse(AppointmentInputSchema, props.input);
  return writeOperation(
    { db: props.db, actor: props.actor, role: 'democratic-services', refusal: 'Only democratic services officers can change outside bodies' },
    async ({ trx }) => {
      const body = await repo.findOutsideBody(trx, props.outsideBodyId);
      if (!body) throw RecordMissing('Outside body not found');
      const problems: Array<{ field: string; message: string }> = [];
      if (!(await findPersonName(trx, data.personId))) problems.push({ field: 'personId', message: 'Choose a person from the list' });
      if (data.endsOn && data.endsOn < data.startsOn) problems.push({ field: 'endsOn', message: 'The term cannot end before it starts' });
      const term = { startsOn: data.startsOn, endsOn: data.endsOn ?? null };
      const existing = await repo.appointmentsOf(trx, [body.id]);
      if (
        existing.some(
          (appointment) => appointment.person_id === data.personId && overlaps(term, { startsOn: appointment.starts_on, endsOn: appointment.ends_on }),
        )
      ) {
        problems.push({ field: 'personId', message: 'This person already holds a place on the body for part of that term' });
      }
      if (
        vacancies(
          body.places,
          existing.map((appointment) => ({ startsOn: appointment.starts_on, endsOn: appointment.ends_on })),
          data.startsOn,
        ) === 0
      ) {
        problems.push({ field: 'startsOn', message: `Every one of the ${body.places} places is filled on ${data.startsOn}: end an appointment first` });
      }
      if (data.meetingId && !(await meetingOf(trx, data.meetingId)))
        problems.push({ field: 'meetingId', message: 'Choose the appointing meeting from the list' });
      if (data.minuteId) {
        const minute = await minuteOf(trx, data.minuteId);
        if (!minute || minute.meeting_id !== data.meetingId) problems.push({ field: 'minuteId', message: 'Choose a minute of the appointing meeting' });
      }
      if (problems.length) throw FieldProblems(problems);
      const id = `appointment-${randomUUID()}`;
      await repo.insertAppointment(trx, {
        id,
        outside_body_id: body.id,
        person_id: data.personId,
        role: data.role,
        starts_on: data.startsOn,
        ends_on: data.endsOn ?? null,
        appointed_at_meeting_id: data.meetingId ?? null,
        appointed_at_minute_id: data.minuteId ?? null,
      });
      return { id };
    },
  );
}

export async function appointmentEnder(props: { db: Kysely<Database>; actor: Actor; id: string; endsOn: string }): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(props.endsOn) || Number.isNaN(Date.parse(props.endsOn)))
    throw fieldProblem('endsOn', 'Enter the last day of the term as YYYY-MM-DD');
  await writeOperation(
    { db: props.db, actor: props.actor, role: 'democratic-services', refusal: 'Only democratic services officers can change outside bodies' },
    async ({ trx }) => {
      const appointment = await repo.findAppointment(trx, props.id);
      if (!appointment) throw RecordMissing('Appointment not found');
      if (props.endsOn < appointment.starts_on) throw fieldProblem('endsOn', `The term cannot end before it started on ${appointment.starts_on}`);
      await repo.endAppointment(trx, props.id, props.endsOn);
    },
  );
}

/** The appointee's report back, as an item on a meeting's agenda. */
export async function reportBackRecorder(props: {
  db: Kysely<Database>;
  actor: Actor;
  appointmentId: string;
  agendaItemId: string;
  summary: string;
}): Promise<{ id: string }> {
  return writeOperation(
    { db: props.db, actor: props.actor, role: 'democratic-services', refusal: 'Only democratic services officers can change outside bodies' },
    async ({ trx }) => {
      const appointment = await repo.findAppointment(trx, props.appointmentId);
      if (!appointment) throw RecordMissing('Appointment not found');
      if (!(await findAgendaItemPlacement(trx, props.agendaItemId)))
        throw fieldProblem('agendaItemId', 'Choose the agenda item at which the report was received');
      const id = `report-back-${randomUUID()}`;
      await repo.insertReportBack(trx, { id, appointment_id: appointment.id, agenda_item_id: props.agendaItemId, summary: props.summary.trim() });
      return { id };
    },
  );
}
