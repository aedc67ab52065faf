/**
 * The scrutiny officer's back office under /admin/scrutiny: the tracker, a recommendation with its history and
 * responses, and forms to record a recommendation, correct it, change its status, record a response received by
 * letter or email, and publish it. Every route needs the scrutiny-officer role (democratic services pass too), checked
 * before anything is read; the accounts plugin checks CSRF on every post. Thin: validate -> service -> re-render with
 * GOV.UK errors (400, or 409 for a stale edit) or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { DEFAULT_RESPONSE_MONTHS } from '../../domain/scrutiny/deadline.ts';
import { SCRUTINY_STATUSES } from '../../domain/scrutiny/status.ts';
import { isStaleVersion } from '../../services/write-operation.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { formatShortDate, todayInLondon } from '../../domain/dates.ts';
import { recommendationEditor } from '../../services/scrutiny/recommendation-editor.ts';
import { recommendationPublisher, recommendationRecorder, responseRecorder, statusChanger } from '../../services/scrutiny/recorders.ts';
import { AGES, trackerRows } from '../../services/scrutiny/tracker.ts';
import { serviceProblems, zodProblems, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { presentDetail, presentTrackerRow, selectItems, transitionChoices } from './admin-presenters.ts';
import { dateFromParts, datePartsOf, formList, formValues, renameFields, scrutinyFormErrors, type FormValues } from './form-input.ts';
import { personName } from './presenters.ts';
import {
  IdParamsSchema,
  OfficerResponseSchema,
  PublishSchema,
  RecommendationEditSchema,
  RecommendationNewSchema,
  StatusChangeSchema,
  TrackerQuerySchema,
} from './schema.ts';

/** Today at the web boundary; services and rules take the date as a parameter. */

const AGE_LABELS: Record<keyof typeof AGES, string> = {
  any: 'Any age',
  '2m': 'Made 2 months ago or more',
  '6m': 'Made 6 months ago or more',
  '1y': 'Made a year ago or more',
  '2y': 'Made 2 years ago or more',
};

/** requireRole has run, so there is a user; the audit log and the status history name the account. */
function actorOf(request: FastifyRequest): SessionUser {
  return request.user!;
}

export async function loadDetail(database: DatabaseHandle, id: string) {
  const row = await store.findRecommendation(database.db, id);
  if (!row) throw NotFound('Recommendation not found');
  const [item, responses, owners, history] = await Promise.all([
    store.findItem(database.db, row.item_id),
    store.responsesOf(database.db, [row.id]),
    store.ownersOf(database.db, [row.id]),
    store.statusHistory(database.db, row.id),
  ]);
  return { row, owners, view: presentDetail(row, item, responses, owners, history) };
}

function idOf(request: FastifyRequest): string {
  const params = IdParamsSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Recommendation not found');
  return params.data.id;
}

export async function scrutinyAdminRoutes(app: FastifyInstance, { config, database }: { config: Config; database: DatabaseHandle }): Promise<void> {
  const { db } = database;
  const responseMonths = config.scrutinyResponseMonths ?? DEFAULT_RESPONSE_MONTHS;

  await app.register(async (admin) => {
    admin.addHook('preHandler', requireRole('scrutiny-officer'));

    // ---- the tracker ----
    admin.get(ROUTES['scrutiny.admin.tracker'], async (request, reply) => {
      const parsed = TrackerQuerySchema.safeParse(request.query);
      const values = formValues(request.query);
      const choices = await store.filterChoices(db);
      const query = parsed.success ? parsed.data : {};
      const asAt = query.asAt ?? todayInLondon();
      const rows = parsed.success
        ? await trackerRows(db, {
            asAt,
            ...(query.committee ? { bodyId: query.committee } : {}),
            ...(query.portfolio ? { portfolioHolderId: query.portfolio } : {}),
            ...(query.owner ? { ownerId: query.owner } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.age ? { age: query.age } : {}),
          })
        : [];
      if (!parsed.success) reply.code(400);
      const people = (list: typeof choices.owners) => list.map((person) => ({ value: person.id, text: personName(person) }));
      const items = rows.map((row) => presentTrackerRow(row, linkTo('scrutiny.admin.recommendation', { id: row.id })));
      return reply.view('scrutiny/admin/tracker.njk', {
        pageTitle: `${parsed.success ? '' : 'Error: '}Scrutiny tracker`,
        currentNav: 'scrutiny',
        errors: parsed.success ? undefined : scrutinyFormErrors(zodProblems(parsed.error)),
        view: {
          asAt: formatShortDate(asAt),
          total: items.length,
          overdue: items.filter((item) => item.overdue).length,
          rows: items,
          filters: {
            committee: selectItems(
              choices.bodies.map((body) => ({ value: body.id, text: body.name })),
              values.committee,
              'Any committee',
            ),
            portfolio: selectItems(people(choices.holders), values.portfolio, 'Any portfolio'),
            owner: selectItems(people(choices.owners), values.owner, 'Anyone'),
            status: selectItems(
              SCRUTINY_STATUSES.map((status) => ({ value: status, text: status })),
              values.status,
              'Any status',
            ),
            age: Object.entries(AGE_LABELS).map(([value, text]) => ({
              value: value === 'any' ? '' : value,
              text,
              selected: (values.age || '') === (value === 'any' ? '' : value),
            })),
          },
        },
      });
    });

    // ---- record a new recommendation ----
    const newPage = async (reply: FastifyReply, values: FormValues, ownerIds: string[], problems: Problem[] = []) => {
      const [meetings, people] = await Promise.all([store.listAllMeetingChoices(db), store.ownerChoices(db)]);
      const personChoices = people.map((person) => ({ value: person.id, text: `${personName(person)}${person.job_title ? `, ${person.job_title}` : ''}` }));
      if (problems.length) reply.code(400);
      return reply.view('scrutiny/admin/new.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Record a recommendation`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems, ['receivedOn', 'dueDate']) : undefined,
        values,
        formAction: linkTo('scrutiny.admin.new'),
        responseMonths,
        meetings: selectItems(
          meetings.map((meeting) => ({ value: meeting.id, text: `${meeting.body_name}, ${formatShortDate(meeting.date)}` })),
          values.meetingId,
          'Select a meeting',
        ),
        firstOwner: selectItems(personChoices, ownerIds[0], 'Select an owner'),
        secondOwner: selectItems(personChoices, ownerIds[1], 'No second owner'),
      });
    };

    admin.get(ROUTES['scrutiny.admin.new'], async (_request, reply) => newPage(reply, {}, []));

    admin.post(ROUTES['scrutiny.admin.new'], async (request, reply) => {
      const values = formValues(request.body);
      const ownerIds = formList(request.body, 'ownerIds');
      const parsed = RecommendationNewSchema.safeParse({ ...values, ownerIds, addressee: values.addressee ?? '', publish: values.publish || undefined });
      const due = dateFromParts(values, 'dueDate', 'the response deadline');
      const received = dateFromParts(values, 'receivedOn', 'the date the executive received it');
      const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...[received.problem, due.problem].filter((problem) => problem !== undefined)];
      if (problems.length || !parsed.success) return newPage(reply, values, ownerIds, problems);
      try {
        const { id } = await recommendationRecorder({
          database,
          actor: actorOf(request),
          meetingId: parsed.data.meetingId,
          itemTitle: parsed.data.itemTitle,
          text: parsed.data.text,
          ...(parsed.data.addressee ? { addressee: parsed.data.addressee } : {}),
          ownerIds: parsed.data.ownerIds,
          ...(received.value ? { receivedOn: received.value } : {}),
          ...(due.value ? { dueDate: due.value } : {}),
          responseMonths,
          published: parsed.data.publish === 'yes',
        });
        return reply.redirect(linkTo('scrutiny.admin.recommendation', { id }), 303);
      } catch (error) {
        const found = serviceProblems(error);
        if (!found) throw error;
        return newPage(reply, values, ownerIds, found);
      }
    });

    // ---- one recommendation ----
    const recommendationPage = async (reply: FastifyReply, id: string, problems: Problem[] = [], status = 400) => {
      const { view } = await loadDetail(database, id);
      if (problems.length) reply.code(status);
      return reply.view('scrutiny/admin/recommendation.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Recommendation ${view.number}: ${view.itemTitle}`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems.map((problem) => ({ ...problem, field: 'publish' }))) : undefined,
        view,
        links: {
          tracker: linkTo('scrutiny.admin.tracker'),
          edit: linkTo('scrutiny.admin.edit', { id }),
          status: linkTo('scrutiny.admin.status', { id }),
          response: linkTo('scrutiny.admin.response', { id }),
          publish: linkTo('scrutiny.admin.publish', { id }),
        },
      });
    };

    admin.get(ROUTES['scrutiny.admin.recommendation'], async (request, reply) => recommendationPage(reply, idOf(request)));

    // ---- correct the words, addressee, deadline, notes ----
    const editPage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, problems: Problem[] = [], status = 400) => {
      const { row, view } = await loadDetail(database, idOf(request));
      const shown = values ?? {
        text: row.text ?? '',
        addressee: row.addressee ?? '',
        notes: row.tracking_notes ?? '',
        version: String(row.version),
        ...datePartsOf('dueDate', row.due_date),
      };
      if (problems.length) reply.code(status);
      return reply.view('scrutiny/admin/edit.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Change recommendation ${view.number}`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems, ['dueDate']) : undefined,
        view,
        values: shown,
        formAction: linkTo('scrutiny.admin.edit', { id: view.id }),
        backHref: linkTo('scrutiny.admin.recommendation', { id: view.id }),
      });
    };

    admin.get(ROUTES['scrutiny.admin.edit'], async (request, reply) => editPage(request, reply, undefined));

    admin.post(ROUTES['scrutiny.admin.edit'], async (request, reply) => {
      const id = idOf(request);
      const values = formValues(request.body);
      const parsed = RecommendationEditSchema.safeParse(values);
      const due = dateFromParts(values, 'dueDate', 'the response deadline');
      const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...(due.problem ? [due.problem] : [])];
      if (!due.value && !due.problem) problems.push({ field: 'dueDate', message: 'Enter the response deadline' });
      if (problems.length || !parsed.success) return editPage(request, reply, values, problems);
      try {
        await recommendationEditor({
          database,
          actor: actorOf(request),
          recommendationId: id,
          text: parsed.data.text,
          ...(parsed.data.addressee !== undefined ? { addressee: parsed.data.addressee } : {}),
          ...(parsed.data.notes !== undefined ? { notes: parsed.data.notes } : {}),
          dueDate: due.value!,
          expectedVersion: parsed.data.version,
        });
        return reply.redirect(linkTo('scrutiny.admin.recommendation', { id }), 303);
      } catch (error) {
        // A stale edit keeps the officer's words and moves the form to the current version, so saving again is a choice.
        if (isStaleVersion(error)) return editPage(request, reply, { ...values, version: String(error.currentVersion) }, error.problems, 409);
        const found = serviceProblems(error);
        if (!found) throw error;
        return editPage(request, reply, values, found);
      }
    });

    // ---- change status ----
    const statusPage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, problems: Problem[] = [], status = 400) => {
      const { row, view } = await loadDetail(database, idOf(request));
      const shown = values ?? { version: String(row.version), ...datePartsOf('effectiveDate', todayInLondon()) };
      if (problems.length) reply.code(status);
      return reply.view('scrutiny/admin/status.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Change the status of recommendation ${view.number}`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems, ['effectiveDate']) : undefined,
        view,
        values: shown,
        transitions: transitionChoices(row.status, shown.to),
        formAction: linkTo('scrutiny.admin.status', { id: view.id }),
        backHref: linkTo('scrutiny.admin.recommendation', { id: view.id }),
      });
    };

    admin.get(ROUTES['scrutiny.admin.status'], async (request, reply) => statusPage(request, reply, undefined));

    admin.post(ROUTES['scrutiny.admin.status'], async (request, reply) => {
      const id = idOf(request);
      const values = formValues(request.body);
      const parsed = StatusChangeSchema.safeParse(values);
      const effective = dateFromParts(values, 'effectiveDate', 'the date of the change');
      const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...(effective.problem ? [effective.problem] : [])];
      if (!effective.value && !effective.problem) problems.push({ field: 'effectiveDate', message: 'Enter the date of the change' });
      if (problems.length || !parsed.success) return statusPage(request, reply, values, problems);
      try {
        await statusChanger({
          database,
          actor: actorOf(request),
          recommendationId: id,
          to: parsed.data.to,
          reason: parsed.data.reason,
          effectiveDate: effective.value!,
          expectedVersion: parsed.data.version,
        });
        return reply.redirect(linkTo('scrutiny.admin.recommendation', { id }), 303);
      } catch (error) {
        if (isStaleVersion(error))
          return statusPage(request, reply, { ...values, version: String(error.currentVersion) }, renameFields(error.problems ?? [], { status: 'to' }), 409);
        const found = serviceProblems(error);
        if (!found) throw error;
        return statusPage(request, reply, values, renameFields(found, { status: 'to' }));
      }
    });

    // ---- a response received by letter or email, recorded by the officer ----
    const responsePage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, problems: Problem[] = []) => {
      const { row, owners, view } = await loadDetail(database, idOf(request));
      const people = await store.ownerChoices(db);
      // The owners first: they are who usually answer.
      const ownerIds = new Set(owners.map((owner) => owner.person_id).filter(Boolean));
      const ordered = [
        ...people.filter((person) => ownerIds.has(person.id) || person.id === row.portfolio_holder_id),
        ...people.filter((person) => !ownerIds.has(person.id) && person.id !== row.portfolio_holder_id),
      ];
      const shown = values ?? datePartsOf('responseDate', todayInLondon());
      if (problems.length) reply.code(400);
      return reply.view('scrutiny/admin/response.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Record a response to recommendation ${view.number}`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems, ['responseDate']) : undefined,
        view,
        values: shown,
        responders: selectItems(
          ordered.map((person) => ({ value: person.id, text: personName(person) })),
          shown.responderId,
          'Select who responded',
        ),
        formAction: linkTo('scrutiny.admin.response', { id: view.id }),
        backHref: linkTo('scrutiny.admin.recommendation', { id: view.id }),
      });
    };

    admin.get(ROUTES['scrutiny.admin.response'], async (request, reply) => responsePage(request, reply, undefined));

    admin.post(ROUTES['scrutiny.admin.response'], async (request, reply) => {
      const id = idOf(request);
      const values = formValues(request.body);
      const parsed = OfficerResponseSchema.safeParse(values);
      const date = dateFromParts(values, 'responseDate', 'the date of response');
      const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...(date.problem ? [date.problem] : [])];
      if (!date.value && !date.problem) problems.push({ field: 'responseDate', message: 'Enter the date of response' });
      if (problems.length || !parsed.success) return responsePage(request, reply, values, problems);
      try {
        await responseRecorder({
          database,
          actor: actorOf(request),
          recommendationId: id,
          text: parsed.data.responseText,
          responseDate: date.value!,
          responderId: parsed.data.responderId,
        });
        return reply.redirect(linkTo('scrutiny.admin.recommendation', { id }), 303);
      } catch (error) {
        const found = serviceProblems(error);
        if (!found) throw error;
        return responsePage(request, reply, values, renameFields(found, { text: 'responseText' }));
      }
    });

    // ---- publish or withdraw ----
    admin.post(ROUTES['scrutiny.admin.publish'], async (request, reply) => {
      const id = idOf(request);
      const parsed = PublishSchema.safeParse(formValues(request.body));
      if (!parsed.success) return recommendationPage(reply, id, zodProblems(parsed.error));
      try {
        await recommendationPublisher({
          database,
          actor: actorOf(request),
          recommendationId: id,
          published: parsed.data.published === 'yes',
          expectedVersion: parsed.data.version,
        });
      } catch (error) {
        if (!isStaleVersion(error)) throw error;
        return recommendationPage(reply, id, error.problems ?? [], 409);
      }
      return reply.redirect(linkTo('scrutiny.admin.recommendation', { id }), 303);
    });
  });
}
