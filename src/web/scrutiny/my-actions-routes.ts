/**
 * "My actions": the recommendations a signed-in officer or Cabinet Member is named to act on (or whose portfolio
 * they hold), open ones first, and a form to record their response. Any account linked to a person may use it; the
 * service refuses a response to a recommendation the person does not answer for.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { checkResponseAllowed } from '../../domain/scrutiny/status.ts';
import { responseRecorder } from '../../services/scrutiny/recorders.ts';
import { isOverdue } from '../../services/scrutiny/tracker.ts';
import { serviceProblems, zodProblems, type Problem } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { HttpError } from '../../http/errors.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { loadDetail } from './admin-routes.ts';
import { presentTrackerRow } from './admin-presenters.ts';
import { dateFromParts, datePartsOf, formValues, renameFields, scrutinyFormErrors, type FormValues } from './form-input.ts';
import { IdParamsSchema, ResponseSchema } from './schema.ts';

function personOf(request: FastifyRequest): string | null {
  return request.user!.personId;
}

export async function myActionsRoutes(app: FastifyInstance, { database }: { database: DatabaseHandle }): Promise<void> {
  const { db } = database;

  await app.register(async (mine) => {
    // Any signed-in account: officers and councillors alike may be named as owners.
    mine.addHook('preHandler', requireRole());

    // The route name from before this page moved out of the scrutiny officers' area.
    mine.get(ROUTES['scrutiny.admin.myActions'], async (_request, reply) => reply.redirect(linkTo('scrutiny.myActions'), 301));

    mine.get(ROUTES['scrutiny.myActions'], async (request, reply) => {
      const personId = personOf(request);
      const asAt = todayInLondon();
      const rows = personId ? await store.listRecommendations(db, { answerableBy: personId }) : [];
      const owners = await store.ownersOf(
        db,
        rows.map((row) => row.id),
      );
      const items = rows
        .map((row) => ({ ...row, overdue: isOverdue(row, asAt), owners: owners.filter((owner) => owner.recommendation_id === row.id) }))
        .map((row) => ({
          ...presentTrackerRow(row, linkTo('scrutiny.myActions.recommendation', { id: row.id })),
          open: checkResponseAllowed(row.status).allowed,
          due: row.due_date,
        }))
        // Open ones first, the overdue at the very top, then by deadline.
        .sort((a, b) => Number(b.open) - Number(a.open) || Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due));
      return reply.view('scrutiny/my-actions.njk', {
        pageTitle: 'My actions',
        currentNav: 'scrutiny',
        linked: personId !== null,
        // After a response is saved, say so by the recommendation's own words rather than an id.
        responded: items.find((item) => item.id === (request.query as { responded?: unknown }).responded) ?? null,
        open: items.filter((item) => item.open),
        done: items.filter((item) => !item.open),
      });
    });

    const respondPage = async (request: FastifyRequest, reply: FastifyReply, values: FormValues | undefined, problems: Problem[] = []) => {
      const id = IdParamsSchema.parse(request.params).id;
      const personId = personOf(request);
      if (!personId || !(await store.answersFor(db, id, personId))) {
        throw new HttpError(403, 'forbidden', 'You are not named as an owner of this recommendation. Ask the scrutiny officer if you should be.');
      }
      const { row, view } = await loadDetail(database, id);
      if (problems.length) reply.code(400);
      return reply.view('scrutiny/my-action.njk', {
        pageTitle: `${problems.length ? 'Error: ' : ''}Respond to recommendation ${view.number}`,
        currentNav: 'scrutiny',
        errors: problems.length ? scrutinyFormErrors(problems, ['responseDate']) : undefined,
        view,
        open: checkResponseAllowed(row.status),
        values: values ?? datePartsOf('responseDate', todayInLondon()),
        formAction: linkTo('scrutiny.myActions.recommendation', { id }),
        backHref: linkTo('scrutiny.myActions'),
      });
    };

    mine.get(ROUTES['scrutiny.myActions.recommendation'], async (request, reply) => respondPage(request, reply, undefined));

    mine.post(ROUTES['scrutiny.myActions.recommendation'], async (request, reply) => {
      const id = IdParamsSchema.parse(request.params).id;
      const personId = personOf(request);
      if (!personId)
        throw new HttpError(403, 'forbidden', 'Your account is not linked to an officer or member, so it has no actions. Ask democratic services to link it.');
      const values = formValues(request.body);
      const parsed = ResponseSchema.safeParse(values);
      const date = dateFromParts(values, 'responseDate', 'the date of response');
      const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...(date.problem ? [date.problem] : [])];
      if (!date.value && !date.problem) problems.push({ field: 'responseDate', message: 'Enter the date of response' });
      if (problems.length || !parsed.success) return respondPage(request, reply, values, problems);
      try {
        await responseRecorder({
          database,
          actor: request.user!,
          recommendationId: id,
          text: parsed.data.responseText,
          responseDate: date.value!,
          responderId: personId,
          ownResponseOnly: true,
        });
        return reply.redirect(`${linkTo('scrutiny.myActions')}?responded=${encodeURIComponent(id)}`, 303);
      } catch (error) {
        const found = serviceProblems(error);
        if (!found) throw error;
        return respondPage(request, reply, values, renameFields(found, { text: 'responseText' }));
      }
    });
  });
}
