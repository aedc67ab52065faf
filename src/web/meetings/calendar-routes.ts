import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { bodyChoices } from '../../db/queries/portal/bodies.ts';
import { anchorMeetingDate, meetingDateRange, meetingsBetween } from '../../db/queries/portal/calendar.ts';
import { calendarHref, daysInMonth, isoDay, MONTH_NAMES, presentMonth, presentYearList, shiftMonth } from '../portal/presenters/calendar.ts';
import { firstValue, formErrors } from '../shared/form-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { monthName } from '../i18n/dates.ts';
import { t } from '../i18n/index.ts';
import { CalendarQuerySchema } from './calendar-query.ts';
import { readerFor } from '../../http/reader.ts';

export function registerCalendarRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['meeting.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const raw = { body: firstValue(query.body), year: firstValue(query.year), month: firstValue(query.month) };
    const bodies = await bodyChoices(db);
    const form = {
      values: raw,
      bodies: [{ value: '', text: 'All committees' }, ...bodies.map((body) => ({ value: body.slug, text: body.name, selected: raw.body === body.slug }))],
      months: [
        { value: '', text: t('meetings.wholeYear') },
        ...MONTH_NAMES.map((_, index) => ({ value: String(index + 1), text: monthName(index + 1), selected: raw.month === String(index + 1) })),
      ],
    };
    const parsed = CalendarQuerySchema.safeParse(raw);
    const body = parsed.success && parsed.data.body ? bodies.find((candidate) => candidate.slug === parsed.data.body) : undefined;
    if (!parsed.success || (parsed.data.body && !body)) {
      const errors = parsed.success
        ? { summary: [{ text: 'Choose a committee from the list', href: '#body' }], fields: { body: { text: 'Choose a committee from the list' } } }
        : formErrors(parsed.error);
      reply.code(400);
      return reply.view('meetings/meetings.njk', { form, errors, currentNav: 'meetings' });
    }
    const bodyId = body?.id;
    const bodySlug = body?.slug;
    const range = await meetingDateRange(db, bodyId);
    const feed = body ? linkTo('feed.committee.ics', { slug: body.slug }) : linkTo('feed.meetings.ics');
    const context = {
      form,
      currentNav: 'meetings',
      bodyName: body?.name,
      feed,
      committeeHref: body ? linkTo('committee.show', { slug: body.slug }) : undefined,
    };

    if (parsed.data.year !== undefined && parsed.data.month === undefined) {
      const year = parsed.data.year;
      const rows = await meetingsBetween(db, { from: `${year}-01-01`, to: `${year}-12-31`, ...(bodyId ? { bodyId } : {}) });
      const pagination = {
        ...(range.first && range.first < `${year}-01-01`
          ? { previous: { href: calendarHref({ body: bodySlug, year: year - 1 }), labelText: String(year - 1) } }
          : {}),
        ...(range.last && range.last > `${year}-12-31`
          ? { next: { href: calendarHref({ body: bodySlug, year: year + 1 }), labelText: String(year + 1) } }
          : {}),
      };
      return reply.view('meetings/meetings.njk', {
        ...context,
        list: presentYearList(year, rows),
        shownYear: String(year),
        pagination,
        otherView: { href: calendarHref({ body: bodySlug, year, month: Number((rows[0]?.date ?? `${year}-01`).slice(5, 7)) }), text: t('meetings.showMonth') },
      });
    }

    const anchor = (await anchorMeetingDate(db, todayInLondon(), bodyId)) ?? todayInLondon();
    const year = parsed.data.year ?? Number(anchor.slice(0, 4));
    const month = parsed.data.month ?? Number(anchor.slice(5, 7));
    const from = isoDay(year, month, 1);
    const to = isoDay(year, month, daysInMonth(year, month));
    const rows = await meetingsBetween(db, { from, to, ...(bodyId ? { bodyId } : {}) });
    form.months = form.months.map((option) => ({ ...option, selected: option.value === String(month) }));
    const previous = shiftMonth(year, month, -1);
    const next = shiftMonth(year, month, 1);
    const pagination = {
      ...(range.first && range.first < from
        ? { previous: { href: calendarHref({ body: bodySlug, ...previous }), labelText: `${monthName(previous.month)} ${previous.year}` } }
        : {}),
      ...(range.last && range.last > to
        ? { next: { href: calendarHref({ body: bodySlug, ...next }), labelText: `${monthName(next.month)} ${next.year}` } }
        : {}),
    };
    return reply.view('meetings/meetings.njk', {
      ...context,
      month: presentMonth(year, month, rows),
      shownYear: String(year),
      pagination,
      otherView: { href: calendarHref({ body: bodySlug, year }), text: t('meetings.showYear', { year }) },
    });
  });
}
