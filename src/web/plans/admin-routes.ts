/**
 * Back-office pages for plans: record a figure, upload figures as CSV, add a progress update to an action.
 * Every route needs a signed-in officer (requireRole, before anything is read); the accounts plugin parses forms and
 * checks CSRF on every post. Forms follow the GOV.UK pattern: on error, status 400, the values kept, an error
 * summary linked to each field.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as plans from '../../db/repositories/plans.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { observationRecorder } from '../../services/plans/observation-recorder.ts';
import { observationsUploader } from '../../services/plans/observations-uploader.ts';
import { progressUpdater } from '../../services/plans/progress-updater.ts';
import type { InputProblem } from '../../services/plans/input-error.ts';
import { serviceProblems } from '../shared/forms.ts';
import { requireRole } from '../auth/plugin.ts';
import { NotFound } from '../../http/errors.ts';
import { optionalUploadedFile, utf8TextOf } from '../shared/uploads.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { ActionParamsSchema, IndicatorParamsSchema } from './schema.ts';

function signedInUser(request: FastifyRequest): SessionUser {
  // requireRole has run: there is a user.
  return request.user!;
}

/** Audit log entries name the account, as the back office does. */
function actorOf(request: FastifyRequest): SessionUser {
  return signedInUser(request);
}

function errorsOf(problems: InputProblem[], fieldIds: Record<string, string> = {}) {
  const fields: Record<string, { text: string }> = {};
  const summary = problems.map((problem) => {
    const text = problem.line ? `Line ${problem.line}: ${problem.message}` : problem.message;
    const key = problem.line ? 'csv' : problem.field;
    if (!fields[key]) fields[key] = { text };
    return { text, href: `#${fieldIds[key] ?? key}` };
  });
  return { summary, fields };
}

function body(request: FastifyRequest): Record<string, string> {
  const raw = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '')]));
}

export async function registerPlanAdminRoutes(app: FastifyInstance, database: DatabaseHandle): Promise<void> {
  await app.register(async (admin) => {
    // Officers edit plans; democratic services pass every check.
    admin.addHook('preHandler', requireRole('officer'));

    admin.get(ROUTES['plans.admin'], async (_request, reply) => {
      const indicators = await plans.allIndicatorKeys(database.db);
      const planRows = await plans.listPlans(database.db);
      return reply.view('plans/admin/index.njk', {
        indicators: indicators.map((i) => ({ name: i.name, slug: i.slug, href: linkTo('plans.admin.observation', { indicator: i.slug }) })),
        plans: planRows.map((p) => ({ title: p.title, href: linkTo('plan.show', { plan: p.slug }) })),
        uploadHref: linkTo('plans.admin.upload'),
        currentNav: 'plans',
      });
    });

    const observationPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems?: InputProblem[]) => {
      const params = IndicatorParamsSchema.safeParse(request.params);
      const indicator = params.success ? await plans.findIndicator(database.db, params.data.indicator) : undefined;
      if (!indicator) throw NotFound('Indicator not found');
      if (problems) reply.code(400);
      return reply.view('plans/admin/observation.njk', {
        indicator: { name: indicator.name, unit: indicator.unit, href: linkTo('indicator.show', { indicator: indicator.slug }) },
        action: linkTo('plans.admin.observation', { indicator: indicator.slug }),
        values,
        errors: problems ? errorsOf(problems) : undefined,
        currentNav: 'plans',
      });
    };

    admin.get(ROUTES['plans.admin.observation'], async (request, reply) => observationPage(request, reply, {}));

    admin.post(ROUTES['plans.admin.observation'], async (request, reply) => {
      const params = IndicatorParamsSchema.safeParse(request.params);
      if (!params.success) throw NotFound('Indicator not found');
      const values = body(request);
      try {
        await observationRecorder({ db: database.db, indicator: params.data.indicator, input: values, actor: actorOf(request) });
      } catch (error) {
        const problems = serviceProblems(error);
        if (problems) return observationPage(request, reply, values, problems);
        throw error;
      }
      return reply.redirect(linkTo('indicator.show', { indicator: params.data.indicator }), 303);
    });

    admin.get(ROUTES['plans.admin.upload'], async (_request, reply) =>
      reply.view('plans/admin/upload.njk', { values: {}, action: linkTo('plans.admin.upload'), currentNav: 'plans' }),
    );

    admin.post(ROUTES['plans.admin.upload'], { config: { files: ['file'] } }, async (request, reply) => {
      const { file: _file, ...values } = body(request);
      const file = optionalUploadedFile.safeParse((request.body as { file?: unknown } | undefined)?.file);
      // A chosen file wins over the paste box; problems are shown on whichever the officer used.
      const uploaded = file.success ? file.data : undefined;
      const pasted = values.csv ?? '';
      const field = uploaded || !pasted.trim() ? 'file' : 'csv';
      const fail = (problems: InputProblem[]) => {
        const errors = errorsOf(problems, { file: field, csv: field });
        const first = errors.summary[0];
        reply.code(400);
        return reply.view('plans/admin/upload.njk', {
          values,
          errors: { summary: errors.summary, fields: first ? { [field]: { text: first.text } } : {} },
          action: linkTo('plans.admin.upload'),
          currentNav: 'plans',
        });
      };
      const csv = uploaded ? utf8TextOf(uploaded) : pasted;
      if (csv === undefined) return fail([{ field, message: `${uploaded!.filename} is not a CSV file saved as UTF-8 text` }]);
      if (!csv.trim()) return fail([{ field, message: uploaded ? `${uploaded.filename} is empty` : 'Choose a CSV file, or paste the figures into the box' }]);
      try {
        const { loaded } = await observationsUploader({ db: database.db, csv, actor: actorOf(request) });
        return reply.view('plans/admin/upload.njk', {
          values: {},
          loaded,
          action: linkTo('plans.admin.upload'),
          dashboardHref: linkTo('dashboard'),
          currentNav: 'plans',
        });
      } catch (error) {
        const problems = serviceProblems(error);
        if (!problems) throw error;
        return fail(problems);
      }
    });

    const progressPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems?: InputProblem[]) => {
      const params = ActionParamsSchema.safeParse(request.params);
      const plan = params.success ? await plans.findPlan(database.db, params.data.plan) : undefined;
      const tree = plan ? await plans.loadPlanTree(database.db, plan.id) : undefined;
      const action = tree?.actions.find((a) => a.ref === params.data?.ref);
      if (!tree || !action || !params.success) throw NotFound('Action not found');
      const milestoneIds = new Set(tree.milestones.filter((m) => m.action_id === action.id).map((m) => m.id));
      const measures = tree.measures.filter((m) => milestoneIds.has(m.milestone_id));
      if (problems) reply.code(400);
      return reply.view('plans/admin/progress.njk', {
        action: { ref: action.ref, text: action.text, href: linkTo('plan.action', { plan: tree.plan.slug, ref: action.ref }) },
        formAction: linkTo('plans.admin.progress', { plan: tree.plan.slug, ref: action.ref }),
        measures: [
          { value: '', text: 'None' },
          ...measures.map((m) => ({ value: m.id, text: m.text.length > 120 ? `${m.text.slice(0, 117)}...` : m.text, selected: m.id === values.measureId })),
        ],
        values,
        errors: problems ? errorsOf(problems) : undefined,
        currentNav: 'plans',
      });
    };

    admin.get(ROUTES['plans.admin.progress'], async (request, reply) => progressPage(request, reply, {}));

    admin.post(ROUTES['plans.admin.progress'], async (request, reply) => {
      const params = ActionParamsSchema.safeParse(request.params);
      if (!params.success) throw NotFound('Action not found');
      const plan = await plans.findPlan(database.db, params.data.plan);
      const tree = plan ? await plans.loadPlanTree(database.db, plan.id) : undefined;
      const action = tree?.actions.find((a) => a.ref === params.data.ref);
      if (!tree || !action) throw NotFound('Action not found');
      const values = body(request);
      const user = signedInUser(request);
      try {
        await progressUpdater({
          db: database.db,
          actionId: action.id,
          input: values,
          author: { name: user.name, personId: user.personId },
          actor: actorOf(request),
        });
      } catch (error) {
        const problems = serviceProblems(error);
        if (problems) return progressPage(request, reply, values, problems);
        throw error;
      }
      return reply.redirect(linkTo('plan.action', { plan: tree.plan.slug, ref: action.ref }), 303);
    });
  });
}
