/** Outside bodies in public: each body with its places, who holds them now and before, vacancies, and reports back. */
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/outside-bodies.ts';
import { inForce, vacancies } from '../../domain/outside-bodies/vacancies.ts';
import { NotFound } from '../../http/errors.ts';
import { formatDate } from '../meetings/presenters/meeting.ts';
import { t } from '../i18n/index.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { readerFor } from '../../http/reader.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';

const term = (appointment: repo.AppointmentRow) => ({ startsOn: appointment.starts_on, endsOn: appointment.ends_on });

export function appointmentView(appointment: repo.AppointmentRow) {
  return {
    id: appointment.id,
    person: appointment.person_name,
    personHref: linkTo('person.show', { id: appointment.person_id }),
    role: appointment.role || t('committee.member'),
    term: t('registers.period', {
      from: formatDate(appointment.starts_on),
      to: appointment.ends_on ? formatDate(appointment.ends_on) : t('registers.noEndDate'),
    }),
    appointedAt: appointment.appointed_at_meeting_id
      ? {
          text: `${appointment.meeting_body_name}, ${formatDate(appointment.meeting_date!)}${appointment.minute_number ? `, ${t('registers.minute', { number: appointment.minute_number })}` : ''}`,
          href: linkTo('meeting.show', { id: appointment.appointed_at_meeting_id }),
        }
      : null,
  };
}

export function registerOutsideBodiesPublicRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['outsideBodies.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const today = todayInLondon();
    const bodies = await repo.listOutsideBodies(db);
    const appointments = await repo.appointmentsOf(
      db,
      bodies.map((body) => body.id),
    );
    return reply.view('registers/outside-bodies.njk', {
      pageTitle: t('registers.outsideBodies'),
      bodies: bodies.map((body) => {
        const own = appointments.filter((appointment) => appointment.outside_body_id === body.id);
        return {
          name: body.name,
          category: body.category,
          href: linkTo('outsideBodies.show', { slug: body.slug }),
          places: body.places,
          vacancies: vacancies(body.places, own.map(term), today),
          members: own
            .filter((appointment) => inForce(term(appointment), today))
            .map((appointment) => appointment.person_name)
            .join(', '),
        };
      }),
      currentNav: 'councillors',
    });
  });

  app.get(ROUTES['outsideBodies.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const slug = (request.params as { slug?: unknown }).slug;
    const body = typeof slug === 'string' ? await repo.findOutsideBodyBySlug(db, slug) : undefined;
    if (!body) throw NotFound('Outside body not found');
    const today = todayInLondon();
    const appointments = await repo.appointmentsOf(db, [body.id]);
    const reports = await repo.reportsBack(
      db,
      appointments.map((appointment) => appointment.id),
    );
    return reply.view('registers/outside-body.njk', {
      pageTitle: body.name,
      body,
      vacancies: vacancies(body.places, appointments.map(term), today),
      current: appointments.filter((appointment) => inForce(term(appointment), today)).map(appointmentView),
      past: appointments.filter((appointment) => !inForce(term(appointment), today)).map(appointmentView),
      reports: reports.map((report) => ({
        person: report.person_name,
        text: `${report.body_name}, ${formatDate(report.meeting_date)}, ${t('registers.item', { number: report.item_number })}: ${report.item_title}`,
        href: linkTo('meeting.show', { id: report.meeting_id }),
        summary: report.summary,
      })),
      listHref: linkTo('outsideBodies.list'),
      currentNav: 'councillors',
    });
  });
}
