/**
 * Public pages of improvement plans and the members' dashboard. Every page takes an "as at" date (default today)
 * so the plan and the figures can be seen as they stood on any day. Thin routes: validate -> query -> present -> view.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as plans from '../../db/repositories/plans.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import { NotFound } from '../../http/errors.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { formErrors, firstValue } from '../shared/form-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { trendChartSvg } from './chart.ts';
import { formatDate, formatMonth } from './format.ts';
import { planModel } from './plan-model.ts';
import { presentAction, presentCoverage, presentIndicator, presentPlan, presentPriority, type IndicatorView } from './presenters.ts';
import { buildProgressReport, progressReportDocx } from './progress-report.ts';
import { ActionParamsSchema, AsAtQuerySchema, IndicatorParamsSchema, PlanParamsSchema, PriorityParamsSchema, ReportQuerySchema } from './schema.ts';
import { listBodyNames, findBodyName } from '../../db/records/bodies.ts';

interface AsAt {
  asAt: string;
  /** The form's state: the value typed and its error, for a 400 page. */
  form: { value: string; errors?: ReturnType<typeof formErrors> };
}

function readAsAt(request: FastifyRequest): AsAt {
  const raw = firstValue((request.query as Record<string, unknown>).asAt);
  const parsed = AsAtQuerySchema.safeParse({ asAt: raw });
  if (!parsed.success) return { asAt: todayInLondon(), form: { value: raw, errors: formErrors(parsed.error, { asAt: 'asAt' }) } };
  return { asAt: parsed.data.asAt ?? todayInLondon(), form: { value: raw ?? '' } };
}

/** Renders, with status 400 when the "as at" date was not a date (the page then shows today, and says so). */
function render(reply: FastifyReply, asAt: AsAt, template: string, context: Record<string, unknown>) {
  if (asAt.form.errors) reply.code(400);
  return reply.view(template, { ...context, asAtState: asAt.form, currentNav: 'plans' });
}

async function loadModel(database: DatabaseHandle, params: unknown, asAt: string) {
  const parsed = PlanParamsSchema.safeParse(params);
  if (!parsed.success) throw NotFound('Plan not found');
  const plan = await plans.findPlan(database.db, parsed.data.plan);
  const tree = plan ? await plans.loadPlanTree(database.db, plan.id) : undefined;
  if (!tree) throw NotFound('Plan not found');
  return planModel(tree, asAt);
}

export async function dashboardViews(database: DatabaseHandle, asAt: string, slug?: string): Promise<Array<IndicatorView & { chartSvg: string }>> {
  const data = await plans.loadIndicators(database.db, slug ? { slug } : { dashboardOnly: true });
  const planSlugs = new Map((await plans.listPlans(database.db)).map((p) => [p.id, p.slug]));
  return Promise.all(
    data.map(async (item) => {
      const view = presentIndicator(item, asAt, planSlugs);
      return {
        ...view,
        chartSvg: await trendChartSvg(
          { title: view.name, unit: item.indicator.unit, points: view.chart.points, ...(view.chart.target ? { target: view.chart.target } : {}) },
          view.chartDescription,
        ),
      };
    }),
  );
}

export async function registerPlanRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  app.get(ROUTES['plans.index'], async (_request, reply) => {
    const rows = await plans.listPlans(database.db);
    const view = rows.map((p) => ({
      title: p.title,
      href: linkTo('plan.show', { plan: p.slug }),
      issued: formatMonth(p.issued_month),
      actions: p.action_count,
    }));
    return reply.view('plans/index.njk', { view, currentNav: 'plans' });
  });

  app.get(ROUTES['plan.show'], async (request, reply) => {
    const asAt = readAsAt(request);
    const model = await loadModel(database, request.params, asAt.asAt);
    return render(reply, asAt, 'plans/plan.njk', { view: presentPlan(model) });
  });

  app.get(ROUTES['plan.priority'], async (request, reply) => {
    const params = PriorityParamsSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Priority not found');
    const asAt = readAsAt(request);
    const view = presentPriority(await loadModel(database, request.params, asAt.asAt), params.data.number);
    if (!view) throw NotFound('Priority not found');
    return render(reply, asAt, 'plans/priority.njk', { view });
  });

  app.get(ROUTES['plan.action'], async (request, reply) => {
    const params = ActionParamsSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Action not found');
    const asAt = readAsAt(request);
    const model = await loadModel(database, request.params, asAt.asAt);
    const view = presentAction(model, params.data.ref);
    if (!view) throw NotFound('Action not found');
    const progressHref = linkTo('plans.admin.progress', { plan: model.tree.plan.slug, ref: params.data.ref });
    return render(reply, asAt, 'plans/action.njk', { view, progressHref });
  });

  app.get(ROUTES['plan.coverage'], async (request, reply) => {
    const asAt = readAsAt(request);
    const model = await loadModel(database, request.params, asAt.asAt);
    return render(reply, asAt, 'plans/coverage.njk', { view: presentCoverage(model) });
  });

  async function reportRequest(request: FastifyRequest) {
    const query = request.query as Record<string, unknown>;
    const values = { committee: firstValue(query.committee), date: firstValue(query.date) };
    const model = await loadModel(database, request.params, values.date && /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? values.date : todayInLondon());
    const bodies = await listBodyNames(database.db);
    const governance = new Set(model.tree.governance);
    const choices = [...bodies.filter((b) => governance.has(b.name)), ...bodies.filter((b) => !governance.has(b.name))];
    return { model, values, choices, submitted: 'committee' in query || 'date' in query };
  }

  app.get(ROUTES['plan.report'], async (request, reply) => {
    const { model, values, choices, submitted } = await reportRequest(request);
    const context: Record<string, unknown> = {
      plan: {
        title: model.tree.plan.title,
        href: linkTo('plan.show', { plan: model.tree.plan.slug }),
        reportHref: linkTo('plan.report', { plan: model.tree.plan.slug }),
      },
      choices: choices.map((b) => ({ value: b.id, text: b.name, selected: b.id === values.committee })),
      values,
      currentNav: 'plans',
    };
    if (submitted) {
      const parsed = ReportQuerySchema.safeParse(values);
      const body = parsed.success ? await findBodyName(database.db, parsed.data.committee) : undefined;
      if (!parsed.success || !body) {
        const errors = parsed.success
          ? { summary: [{ text: 'Choose a committee from the list', href: '#committee' }], fields: { committee: { text: 'Choose a committee from the list' } } }
          : formErrors(parsed.error);
        reply.code(400);
        return reply.view('plans/report.njk', { ...context, errors });
      }
      const indicators = await plans.loadIndicators(database.db, { dashboardOnly: true });
      const report = buildProgressReport(model, indicators, body.name, parsed.data.date);
      const docxHref = `${linkTo('plan.report.docx', { plan: model.tree.plan.slug })}?${new URLSearchParams({ committee: body.id, date: parsed.data.date }).toString()}`;
      return reply.view('plans/report.njk', { ...context, report, docxHref });
    }
    return reply.view('plans/report.njk', context);
  });

  app.get(ROUTES['plan.report.docx'], async (request, reply) => {
    const { model, values } = await reportRequest(request);
    const parsed = ReportQuerySchema.safeParse(values);
    const body = parsed.success ? await findBodyName(database.db, parsed.data.committee) : undefined;
    if (!parsed.success || !body) {
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(parsed.success ? 'committee: choose a committee from the list' : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));
    }
    const indicators = await plans.loadIndicators(database.db, { dashboardOnly: true });
    const buffer = await progressReportDocx(buildProgressReport(model, indicators, body.name, parsed.data.date));
    const fileName = `progress-report-${model.tree.plan.slug.slice(0, 40)}-${parsed.data.date}.docx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(buffer);
  });

  app.get(ROUTES.dashboard, async (request, reply) => {
    const asAt = readAsAt(request);
    const indicators = await dashboardViews(database, asAt.asAt);
    return render(reply, asAt, 'plans/dashboard.njk', { indicators, asAtText: formatDate(asAt.asAt), asAt: asAt.asAt });
  });

  app.get(ROUTES['indicator.show'], async (request, reply) => {
    const params = IndicatorParamsSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Indicator not found');
    const asAt = readAsAt(request);
    const [indicator] = await dashboardViews(database, asAt.asAt, params.data.indicator);
    if (!indicator) throw NotFound('Indicator not found');
    // Behind the indicator: the requirements that set its targets, and the actions that address them.
    const data = (await plans.loadIndicators(database.db, { slug: params.data.indicator }))[0]!;
    const requirementIds = data.targets.map((t) => t.requirement_id).filter((id): id is string => id !== null);
    const actions = await plans.actionsForRequirements(database.db, requirementIds);
    const requirements = data.targets
      .filter((t) => t.requirement_id)
      .map((t) => ({
        code: t.requirement_code,
        text: t.requirement_text,
        actions: actions
          .filter((a) => a.requirement_id === t.requirement_id)
          .map((a) => ({ ref: a.ref, text: a.text, href: linkTo('plan.action', { plan: a.plan_slug, ref: a.ref }) })),
      }))
      .filter((r, index, all) => all.findIndex((other) => other.code === r.code) === index);
    return render(reply, asAt, 'plans/indicator.njk', { indicator, requirements, asAtText: formatDate(asAt.asAt), asAt: asAt.asAt });
  });
}
