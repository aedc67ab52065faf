/**
 * The public forward plan: the list of published notices of key decisions and private meetings with filters, each
 * entry with its representations and decision record, RSS/Atom and iCalendar feeds of planned decisions, and the
 * report on decisions taken under special urgency (page, DOCX, PDF). Everything comes through the repository's
 * public reads and publicForwardPlanEntry, so drafts, withdrawn entries and officers' notes never appear.
 */
import ical from 'ical-generator';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { optionalDateEntry } from '../../domain/date-entry.ts';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as repo from '../../db/repositories/registers/forward-plan.ts';
import { newsFeed, dayInstant } from '../../services/feeds/news-feeds.ts';
import { publicForwardPlanEntry, type PublicForwardPlanEntry } from '../../services/registers/public-records.ts';
import { longDate, parseQuarter, quarterOf, urgencyReportDocument } from '../../services/registers/urgency-report.ts';
import { NotFound } from '../../http/errors.ts';
import { exemptGround, formatDate, formatShortDate } from '../meetings/presenters/meeting.ts';
import { publicBaseUrl } from '../portal/feed-routes.ts';
import { formErrors } from '../shared/forms.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { readerFor } from '../../http/reader.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { idParam, options } from './form.ts';
import { t } from '../i18n/index.ts';
import { exemptGroundText } from '../i18n/wording.ts';

const FilterSchema = z.object({
  from: optionalDateEntry('The first decision date'),
  to: optionalDateEntry('The last decision date'),
  maker: z.string().max(200).optional(),
  ward: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  status: z.enum(['', 'planned', 'decided']).optional(),
});

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export async function publicEntries(db: DatabaseHandle['db'], filter: repo.EntryFilter = {}): Promise<PublicForwardPlanEntry[]> {
  const rows = await repo.publishedEntries(db, filter);
  const ids = rows.map((row) => row.id);
  const [representations, records] = await Promise.all([repo.representationsOf(db, ids), repo.decisionRecordsOf(db, ids)]);
  return rows.map((row) =>
    publicForwardPlanEntry(
      row,
      representations,
      records.find((record) => record.entry_id === row.id),
    ),
  );
}

/** The view of an entry on the public page (and the officers' page, which adds to it). */
export function entryView(entry: PublicForwardPlanEntry) {
  return {
    ...entry,
    href: linkTo('forwardPlan.entry', { id: entry.id }),
    noticeRouteLabel: t(`noticeRoute.${entry.noticeRoute}`),
    plannedDateText: formatDate(entry.plannedDate),
    publishedOnText: entry.publishedOn ? formatDate(entry.publishedOn) : '',
    exemptGround: entry.privateMeeting ? exemptGroundText(entry.privateMeeting.exemptParagraphs) : '',
    decisionHref: entry.decision?.decisionId ? linkTo('decision.show', { id: entry.decision.decisionId }) : null,
    meetingHref: entry.decision?.meetingId ? linkTo('meeting.show', { id: entry.decision.meetingId }) : null,
  };
}

export function registerForwardPlanPublicRoutes(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const base = publicBaseUrl(config);
  const absolute = (path: string) => `${base}${path}`;

  app.get(ROUTES['forwardPlan.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const raw = Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).map(([key, value]) => [key, first(value)]));
    const parsed = FilterSchema.safeParse(raw);
    const values = parsed.success ? parsed.data : {};
    const [{ bodies, people }, wards] = await Promise.all([repo.decisionMakerChoices(db), repo.publishedWards(db)]);
    const maker = values.maker ?? '';
    const filter: repo.EntryFilter = {
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(maker.startsWith('body:') ? { bodyId: maker.slice(5) } : maker.startsWith('person:') ? { personId: maker.slice(7) } : {}),
      ...(values.ward ? { ward: values.ward } : {}),
      ...(values.q?.trim() ? { text: values.q.trim() } : {}),
      ...(values.status ? { status: values.status } : {}),
    };
    const entries = parsed.success ? await publicEntries(db, filter) : [];
    const makers = [
      ...bodies
        .filter((body) => body.kind === 'cabinet' || body.kind === 'council' || body.kind === 'committee')
        .map((body) => ({ value: `body:${body.id}`, text: body.name })),
      ...people
        .filter((person) => person.kind === 'member')
        .map((person) => ({
          value: `person:${person.id}`,
          text: [person.honorific, person.given_name ?? person.initials.join(' '), person.family_name].filter(Boolean).join(' '),
        })),
    ];
    if (!parsed.success) reply.code(400);
    return reply.view('registers/forward-plan.njk', {
      pageTitle: `${parsed.success ? '' : t('common.errorPrefix')}${t('forwardPlan.title')}`,
      entries: entries.map(entryView),
      values: raw,
      errors: parsed.success ? undefined : formErrors(parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }))),
      makers: options(makers, maker, t('registers.anyMaker')),
      wards: options(
        wards.map((ward) => ({ value: ward, text: ward })),
        values.ward,
        t('registers.anyWard'),
      ),
      statuses: options(
        [
          { value: 'planned', text: t('registers.stillToDecide') },
          { value: 'decided', text: t('registers.decidedStatus') },
        ],
        values.status,
        t('registers.any'),
      ),
      feeds: { rss: linkTo('forwardPlan.rss'), atom: linkTo('forwardPlan.atom'), ics: linkTo('forwardPlan.ics') },
      urgencyHref: linkTo('forwardPlan.urgencyReport'),
      currentNav: 'forward-plan',
    });
  });

  app.get(ROUTES['forwardPlan.entry'], async (request, reply) => {
    const db = readerFor(database, request);
    const id = idParam(request.params);
    const row = await repo.findPublishedEntry(db, id);
    if (!row) throw NotFound('Forward plan entry not found');
    const [representations, records] = await Promise.all([repo.representationsOf(db, [id]), repo.decisionRecordsOf(db, [id])]);
    const entry = entryView(publicForwardPlanEntry(row, representations, records[0]));
    return reply.view('registers/forward-plan-entry.njk', {
      pageTitle: entry.subject,
      entry,
      formatDate,
      listHref: linkTo('forwardPlan.list'),
      currentNav: 'forward-plan',
    });
  });

  async function feed(db: DatabaseHandle['db']) {
    const entries = (await publicEntries(db)).sort((a, b) => (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : 0)).slice(0, 100);
    return newsFeed({
      publisher: config.authorityName,
      title: `${config.authorityName}: forward plan of key decisions`,
      description: 'Notices of key decisions and of meetings to be held in private, newest notice first.',
      siteUrl: absolute(linkTo('forwardPlan.list')),
      feedLinks: { rss: absolute(linkTo('forwardPlan.rss')), atom: absolute(linkTo('forwardPlan.atom')) },
      items: entries.map((entry) => ({
        id: `urn:quorum:${entry.id}`,
        title: `${entry.subject} (${entry.decisionMaker.text}, ${longDate(entry.plannedDate)})`,
        link: absolute(linkTo('forwardPlan.entry', { id: entry.id })),
        date: dayInstant(entry.publishedOn),
        description: [
          entry.summary,
          entry.privateMeeting ? `To be considered in private: ${exemptGround(entry.privateMeeting.exemptParagraphs)}.` : '',
          entry.decision ? `Decided on ${longDate(entry.decision.decidedOn)}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      })),
    });
  }

  app.get(ROUTES['forwardPlan.rss'], async (request, reply) =>
    reply.type('application/rss+xml; charset=utf-8').send((await feed(readerFor(database, request))).rss2()),
  );
  app.get(ROUTES['forwardPlan.atom'], async (request, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send((await feed(readerFor(database, request))).atom1()),
  );

  app.get(ROUTES['forwardPlan.ics'], async (request, reply) => {
    const entries = await publicEntries(readerFor(database, request));
    const calendar = ical({ name: `${config.authorityName} planned decisions`, prodId: { company: 'Quorum', product: 'Quorum', language: 'EN' } });
    const uidDomain = new URL(base).hostname;
    for (const entry of entries) {
      const [year, month, day] = (entry.decision?.decidedOn ?? entry.plannedDate).split('-').map(Number) as [number, number, number];
      calendar.createEvent({
        id: `${entry.id}@${uidDomain}`,
        // The notice's date, not the clock: the same records give the same bytes.
        stamp: dayInstant(entry.decision?.publishedOn ?? entry.publishedOn),
        start: new Date(Date.UTC(year, month - 1, day)),
        allDay: true,
        summary: `${entry.decision ? 'Decided' : 'Key decision'}: ${entry.subject}`,
        description: `${entry.decisionMaker.text}. ${absolute(linkTo('forwardPlan.entry', { id: entry.id }))}`,
        url: absolute(linkTo('forwardPlan.entry', { id: entry.id })),
      });
    }
    const text = calendar.toString();
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="forward-plan.ics"')
      .send(text.endsWith('\r\n') ? text : `${text}\r\n`);
  });

  function quarterFrom(query: unknown) {
    const text = first((query as Record<string, unknown>)?.quarter);
    if (text === undefined || text === '') return { quarter: quarterOf(todayInLondon()), error: undefined };
    const quarter = typeof text === 'string' ? parseQuarter(text) : undefined;
    return quarter ? { quarter, error: undefined } : { quarter: quarterOf(todayInLondon()), error: t('registers.quarterError') };
  }

  app.get(ROUTES['forwardPlan.urgencyReport'], async (request, reply) => {
    const { quarter, error } = quarterFrom(request.query);
    const db = readerFor(database, request);
    const decisions = await repo.specialUrgencyDecisions(db, quarter.from, quarter.to);
    if (error) reply.code(400);
    return reply.view('registers/urgency-report.njk', {
      pageTitle: `${error ? t('common.errorPrefix') : ''}${t('registers.urgencyTitle')}`,
      quarter,
      period: t('registers.period', { from: formatShortDate(quarter.from), to: formatShortDate(quarter.to) }),
      value: first((request.query as Record<string, unknown>)?.quarter) ?? quarter.label,
      errors: error ? formErrors([{ field: 'quarter', message: error }]) : undefined,
      decisions: decisions.map(({ entry, record }) => ({
        subject: entry.subject,
        href: linkTo('forwardPlan.entry', { id: entry.id }),
        decidedOn: formatDate(record.decided_on),
        reasons: entry.urgency_reasons,
        chair: entry.chair_name,
      })),
      docxHref: `${linkTo('forwardPlan.urgencyReport.docx')}?quarter=${quarter.label}`,
      pdfHref: `${linkTo('forwardPlan.urgencyReport.pdf')}?quarter=${quarter.label}`,
      currentNav: 'forward-plan',
    });
  });

  for (const format of ['docx', 'pdf'] as const) {
    app.get(ROUTES[`forwardPlan.urgencyReport.${format}`], async (request, reply) => {
      const { quarter, error } = quarterFrom(request.query);
      if (error) throw NotFound(error);
      const bytes = await urgencyReportDocument(readerFor(database, request), config.authorityName, quarter, format);
      return reply
        .type(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="special-urgency-decisions-${quarter.label}.${format}"`)
        .send(bytes);
    });
  }
}
