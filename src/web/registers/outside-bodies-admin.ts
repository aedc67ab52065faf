/** Outside bodies in the back office: democratic services record bodies, appoint to them, end terms and link reports back. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import type { Db } from '../../db/types.ts';
import * as repo from '../../db/repositories/registers/outside-bodies.ts';
import { agendaItemByNumber, decisionMakerChoices, listMeetingChoicesInScope, minuteByNumber } from '../../db/repositories/registers/forward-plan.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { appointmentEnder, appointmentMaker, outsideBodySaver, reportBackRecorder } from '../../services/registers/outside-bodies.ts';
import { FieldProblems } from '../../services/registers/problems.ts';
import { formErrors, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { formValues, idParam, one, options, submit } from './form.ts';
import { appointmentView } from './outside-bodies-public.ts';

type Values = Record<string, string | string[]>;

const bodyInput = (values: Values) => ({
  name: one(values.name),
  description: one(values.description),
  category: one(values.category),
  website: one(values.website),
  places: one(values.places),
});

export function registerOutsideBodiesAdminRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  const { db } = database;
  const democraticServices = { preHandler: requireRole('democratic-services') };
  app.get(ROUTES['outsideBodies.admin'], democraticServices, (_request, reply) => listPage(db, reply));
  app.get(ROUTES['outsideBodies.admin.new'], democraticServices, (_request, reply) => newPage(reply, {}));
  app.post(ROUTES['outsideBodies.admin.new'], democraticServices, (request, reply) => createBody(db, request, reply));
  app.get(ROUTES['outsideBodies.admin.body'], democraticServices, (request, reply) => bodyPage(db, reply, idParam(request.params)));
  app.post(ROUTES['outsideBodies.admin.body'], democraticServices, (request, reply) => saveBody(db, request, reply));
  app.post(ROUTES['outsideBodies.admin.appoint'], democraticServices, (request, reply) => appoint(db, request, reply));
  app.post(ROUTES['outsideBodies.admin.end'], democraticServices, (request, reply) => endAppointment(db, request, reply));
  app.post(ROUTES['outsideBodies.admin.report'], democraticServices, (request, reply) => recordReportBack(db, request, reply));
}

async function listPage(db: Db, reply: FastifyReply) {
  const bodies = await repo.listOutsideBodies(db);
  return reply.view('registers/admin/outside-bodies.njk', {
    pageTitle: 'Outside bodies',
    bodies: bodies.map((body) => ({ name: body.name, places: body.places, href: linkTo('outsideBodies.admin.body', { id: body.id }) })),
    newHref: linkTo('outsideBodies.admin.new'),
    publicHref: linkTo('outsideBodies.list'),
  });
}

async function newPage(reply: FastifyReply, values: Values, problems?: Problem[]) {
  return reply.code(problems?.length ? 400 : 200).view('registers/admin/outside-body-form.njk', {
    pageTitle: `${problems?.length ? 'Error: ' : ''}New outside body`,
    heading: 'New outside body',
    values,
    errors: problems?.length ? formErrors(problems) : undefined,
    action: linkTo('outsideBodies.admin.new'),
    backHref: linkTo('outsideBodies.admin'),
  });
}

async function createBody(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const values = formValues(request.body);
  return submit(
    async () => linkTo('outsideBodies.admin.body', { id: (await outsideBodySaver({ db, actor: request.user!, input: bodyInput(values) })).id }),
    (problems) => newPage(reply, values, problems),
    (url) => reply.redirect(url, 303),
  );
}

/** One body's page: its details form, its appointments (each with "end" and "report back" forms) and the appointment form. */
async function bodyPage(db: Db, reply: FastifyReply, id: string, failed?: { form: string; values: Values; problems: Problem[] }) {
  const body = await repo.findOutsideBody(db, id);
  if (!body) throw NotFound('Outside body not found');
  const [appointments, { people }, meetings, allMeetings] = await Promise.all([
    repo.appointmentsOf(db, [id]),
    decisionMakerChoices(db),
    listMeetingChoicesInScope(db, 'council-and-cabinet'),
    listMeetingChoicesInScope(db, 'all'),
  ]);
  const values = failed?.values ?? {};
  const detailValues =
    failed?.form === 'details'
      ? values
      : { name: body.name, description: body.description, category: body.category, website: body.website, places: String(body.places) };
  return reply.code(failed ? 400 : 200).view('registers/admin/outside-body.njk', {
    pageTitle: `${failed ? 'Error: ' : ''}${body.name}`,
    body,
    form: failed?.form,
    values,
    detailValues,
    today: todayInLondon(),
    errors: failed ? formErrors(failed.problems, `${failed.form}-`) : undefined,
    appointments: appointments.map((appointment) => ({
      ...appointmentView(appointment),
      ended: appointment.ends_on !== null && appointment.ends_on < todayInLondon(),
      endAction: linkTo('outsideBodies.admin.end', { id: appointment.id }),
      reportAction: linkTo('outsideBodies.admin.report', { id: appointment.id }),
    })),
    people: options(
      people.filter((person) => person.kind !== 'external').map((person) => ({ value: person.id, text: personName(person) })),
      one(values.personId),
    ),
    meetings: options(
      meetings.map((meeting) => ({ value: meeting.id, text: `${meeting.body_name}, ${formatDate(meeting.date)}` })),
      one(values.meetingId),
      'Not recorded',
    ),
    reportMeetings: allMeetings.map((meeting) => ({ value: meeting.id, text: `${meeting.body_name}, ${formatDate(meeting.date)}` })),
    actions: {
      details: linkTo('outsideBodies.admin.body', { id }),
      appoint: linkTo('outsideBodies.admin.appoint', { id }),
      list: linkTo('outsideBodies.admin'),
      public: linkTo('outsideBodies.show', { slug: body.slug }),
    },
  });
}

async function saveBody(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => {
      await outsideBodySaver({ db, actor: request.user!, id, input: bodyInput(values) });
      return linkTo('outsideBodies.admin.body', { id });
    },
    (problems) => bodyPage(db, reply, id, { form: 'details', values, problems }),
    (url) => reply.redirect(url, 303),
  );
}

/** A minute number typed by the officer, as the minute's id within the chosen meeting. */
async function minuteIdOf(db: Db, meetingId: string, number: string): Promise<string> {
  if (!number.trim()) return '';
  if (!meetingId) throw FieldProblems([{ field: 'minuteNumber', message: 'Choose the appointing meeting before its minute' }]);
  const minute = await minuteByNumber(db, meetingId, number);
  if (!minute) throw FieldProblems([{ field: 'minuteNumber', message: `That meeting has no minute numbered ${number.trim()}` }]);
  return minute.id;
}

async function appoint(db: Db, request: FastifyRequest, reply: FastifyReply) {
  const id = idParam(request.params);
  const values = formValues(request.body);
  return submit(
    async () => {
      const meetingId = one(values.meetingId);
      const minuteId = await minuteIdOf(db, meetingId, one(values.minuteNumber));
      await appointmentMaker({
        db,
        actor: request.user!,
        outsideBodyId: id,
        input: { personId: one(values.personId), role: one(values.role), startsOn: one(values.startsOn), endsOn: one(values.endsOn), meetingId, minuteId },
      });
      return linkTo('outsideBodies.admin.body', { id });
    },
    (problems) =>
      bodyPage(db, reply, id, {
        form: 'appoint',
        values,
        problems: problems.map((problem) => (problem.field === 'minuteId' ? { ...problem, field: 'minuteNumber' } : problem)),
      }),
    (url) => reply.redirect(url, 303),
  );
}

async function endAppointment(db: Db, request: FastifyRequest, reply: FastifyReply) {
  return appointmentForm(db, request, reply, 'end', 'endsOn', async (appointmentId, values) => {
    await appointmentEnder({ db, actor: request.user!, id: appointmentId, endsOn: one(values.endsOn) });
  });
}

async function recordReportBack(db: Db, request: FastifyRequest, reply: FastifyReply) {
  return appointmentForm(db, request, reply, 'report', 'itemNumber', async (appointmentId, values) => {
    const meetingId = one(values.meetingId);
    const item = meetingId && one(values.itemNumber).trim() ? await agendaItemByNumber(db, meetingId, one(values.itemNumber)) : undefined;
    if (!item)
      throw FieldProblems([{ field: 'itemNumber', message: 'Choose the meeting and enter the number of the agenda item at which the report was received' }]);
    await reportBackRecorder({ db, actor: request.user!, appointmentId, agendaItemId: item.id, summary: one(values.summary) });
  });
}

/** An appointment's own form (end it, record a report back): its problems shown against that form's one field. */
async function appointmentForm(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  form: 'end' | 'report',
  field: string,
  run: (appointmentId: string, values: Values) => Promise<void>,
) {
  const appointmentId = idParam(request.params);
  const appointment = await repo.findAppointment(db, appointmentId);
  if (!appointment) throw NotFound('Appointment not found');
  const values = formValues(request.body);
  return submit(
    async () => {
      await run(appointmentId, values);
      return linkTo('outsideBodies.admin.body', { id: appointment.outside_body_id });
    },
    (problems) =>
      bodyPage(db, reply, appointment.outside_body_id, {
        form: `${form}-${appointmentId}`,
        values,
        problems: problems.map((problem) => ({ ...problem, field })),
      }),
    (url) => reply.redirect(url, 303),
  );
}
