/**
 * Public scrutiny pages: recommendations and responses once published, the tracking sheet (HTML, CSV, XLSX), the
 * Cabinet report of a meeting (DOCX, PDF) and the insight charts. Thin: validate, ask a service, present, render.
 */
import { z } from 'zod';
import * as store from '../../db/repositories/scrutiny.ts';
import { SCRUTINY_STATUSES, type ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import { formatShortDate, todayInLondon } from '../i18n/dates.ts';
import { cabinetReportData, trackingSheetData } from '../../services/scrutiny/documents/data.ts';
import { cabinetReportDocx, cabinetReportPdf } from '../../services/scrutiny/documents/cabinet-report-files.ts';
import { trackingSheetCsv, trackingSheetXlsx } from '../../services/scrutiny/documents/tracking-sheet-files.ts';
import { insightAsAt } from '../../services/scrutiny/insight.ts';
import { NotFound, ValidationError } from '../../http/errors.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import type { FastifyInstance } from 'fastify';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { CHARTS, insightChart } from './charts.ts';
import { groupByItem, personName, presentListRow, statusLabel, statusTag } from './presenters.ts';
import { t } from '../i18n/index.ts';
import { isRealDate } from '../../domain/meetings/date-plausibility.ts';

const IdSchema = z.object({ id: z.string().regex(/^[a-z-]+-[0-9a-f]{16}$|^[A-Za-z0-9_-]{1,128}$/, 'must be an id') });
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isRealDate, 'must be a real date'); // Date.parse took 2026-02-31 as 3 March
export const ListQuerySchema = z.object({
  status: z
    .enum(SCRUTINY_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  asAt: IsoDate.optional(),
});
export const AsAtQuerySchema = z.object({ asAt: IsoDate.optional() });

/** Today at the web boundary; everything below takes the date as a parameter. */

function parseQuery<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw ValidationError(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'query'), message: issue.message })));
  return parsed.data;
}

export async function registerScrutinyPublicRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  const { db } = database;

  app.get(ROUTES['scrutiny.list'], async (request, reply) => {
    const query = parseQuery(ListQuerySchema, request.query);
    const asAt = query.asAt ?? todayInLondon();
    const rows = await store.listRecommendations(db, { publishedOnly: true, ...(query.status ? { statuses: [query.status] } : {}) });
    const items = rows.map((row) => presentListRow(row, asAt, linkTo('scrutiny.recommendation', { id: row.id })));
    return reply.view('scrutiny/list.njk', {
      currentNav: 'scrutiny',
      view: {
        total: items.length,
        groups: groupByItem(items).reverse(),
        status: query.status ?? '',
        statuses: SCRUTINY_STATUSES.map((status) => ({ value: status, text: statusLabel(status), selected: status === query.status })),
      },
    });
  });

  app.get(ROUTES['scrutiny.recommendation'], async (request, reply) => {
    const params = IdSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Recommendation not found');
    const row = await store.findRecommendation(db, params.data.id);
    if (!row || !row.published) throw NotFound('Recommendation not found');
    const [item, responses, owners, history] = await Promise.all([
      store.findItem(db, row.item_id),
      store.responsesOf(db, [row.id]),
      store.ownersOf(db, [row.id]),
      store.statusHistory(db, row.id),
    ]);
    return reply.view('scrutiny/recommendation.njk', {
      currentNav: 'scrutiny',
      view: {
        id: row.id,
        number: row.number,
        text: row.text ?? t('scrutinyPage.wordsInMinutes'),
        context: row.context,
        status: statusTag(row.status),
        dueDate: formatShortDate(row.due_date),
        notes: row.tracking_notes,
        addressee: row.addressee,
        itemTitle: row.item_title,
        bodyName: row.body_name,
        meetingDate: formatShortDate(row.meeting_date),
        meetingHref: linkTo('meeting.show', { id: row.meeting_id }),
        decisionHref: row.decision_id ? linkTo('decision.show', { id: row.decision_id }) : null,
        reportHref: row.report_id ? linkTo('report.show', { id: row.report_id }) : null,
        // POSC recommendations go to Cabinet in their own report, not in the scrutiny committee's.
        cabinetReport:
          row.item_kind === 'posc-recommendation'
            ? null
            : { docx: linkTo('scrutiny.cabinetReport.docx', { id: row.meeting_id }), pdf: linkTo('scrutiny.cabinetReport.pdf', { id: row.meeting_id }) },
        portfolio: item?.portfolio_printed ?? null,
        synopsis: item?.synopsis ?? null,
        reason: item?.call_in_reason ?? null,
        points: item?.call_in_points ?? [],
        owners: owners.map((owner) => ({ name: personName(owner, owner.printed), instruction: owner.instruction })),
        responses: responses.map((response) => ({
          text: response.text,
          paragraphs: response.text.split(/\n{2,}/),
          date: response.response_date ? formatShortDate(response.response_date) : null,
          responder: personName(response, response.responder_printed ?? ''),
        })),
        history: history.map((change) => ({
          from: change.from_status ? statusLabel(change.from_status as ScrutinyStatus) : null,
          to: statusLabel(change.to_status as ScrutinyStatus),
          date: formatShortDate(change.effective_date),
          reason: change.reason,
        })),
      },
    });
  });

  app.get(ROUTES['scrutiny.trackingSheet'], async (request, reply) => {
    const query = parseQuery(AsAtQuerySchema, request.query);
    const sheet = await trackingSheetData(db, { asAt: query.asAt ?? todayInLondon(), publishedOnly: true });
    return reply.view('scrutiny/tracking-sheet.njk', {
      currentNav: 'scrutiny',
      view: {
        ...sheet,
        rows: sheet.rows.map((row) => ({ ...row, href: linkTo('scrutiny.recommendation', { id: row.recommendationId }), tag: statusTag(row.status) })),
        csvHref: `${linkTo('scrutiny.trackingSheet.csv')}?asAt=${sheet.date}`,
        xlsxHref: `${linkTo('scrutiny.trackingSheet.xlsx')}?asAt=${sheet.date}`,
      },
    });
  });

  app.get(ROUTES['scrutiny.trackingSheet.csv'], async (request, reply) => {
    const query = parseQuery(AsAtQuerySchema, request.query);
    const sheet = await trackingSheetData(db, { asAt: query.asAt ?? todayInLondon(), publishedOnly: true });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tracking-sheet-${sheet.date}.csv"`)
      .send(trackingSheetCsv(sheet));
  });

  app.get(ROUTES['scrutiny.trackingSheet.xlsx'], async (request, reply) => {
    const query = parseQuery(AsAtQuerySchema, request.query);
    const sheet = await trackingSheetData(db, { asAt: query.asAt ?? todayInLondon(), publishedOnly: true });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="tracking-sheet-${sheet.date}.xlsx"`)
      .send(await trackingSheetXlsx(sheet));
  });

  const CabinetQuery = z.object({ cabinetDate: IsoDate.optional() });
  for (const format of ['docx', 'pdf'] as const) {
    app.get(ROUTES[`scrutiny.cabinetReport.${format}`], async (request, reply) => {
      const params = IdSchema.safeParse(request.params);
      if (!params.success) throw NotFound('Meeting not found');
      const query = parseQuery(CabinetQuery, request.query);
      const report = await cabinetReportData(db, {
        meetingId: params.data.id,
        publishedOnly: true,
        ...(query.cabinetDate ? { cabinetDate: query.cabinetDate } : {}),
      });
      if (!report || report.items.length === 0) throw NotFound('This meeting made no scrutiny recommendations');
      const name = `recommendations-${report.meetingDate}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'docx') return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await cabinetReportDocx(report));
      return reply.type('application/pdf').send(await cabinetReportPdf(report));
    });
  }

  app.get(ROUTES['scrutiny.insight'], async (request, reply) => {
    const query = parseQuery(AsAtQuerySchema, request.query);
    const asAt = query.asAt ?? todayInLondon();
    const insight = await insightAsAt(db, { asAt, publishedOnly: true });
    const chartHref = (chart: string) => `${linkTo('scrutiny.insight.chart', { chart })}?asAt=${asAt}`;
    return reply.view('scrutiny/insight.njk', {
      currentNav: 'scrutiny',
      view: {
        asAt: formatShortDate(asAt),
        insight,
        acceptance: insight.acceptanceByPortfolio.map((entry) => ({ ...entry, percent: `${Math.round(entry.rate * 100)}%` })),
        oldest: insight.oldestOpen.map((entry) => ({
          ...entry,
          href: linkTo('scrutiny.recommendation', { id: entry.id }),
          meetingDate: formatShortDate(entry.meetingDate),
        })),
        charts: { status: chartHref('status'), oldest: chartHref('oldest'), acceptance: chartHref('acceptance') },
      },
    });
  });

  app.get(ROUTES['scrutiny.insight.chart'], async (request, reply) => {
    const chart = z.object({ chart: z.enum(CHARTS) }).safeParse(request.params);
    if (!chart.success) throw NotFound('Chart not found');
    const query = parseQuery(AsAtQuerySchema, request.query);
    const insight = await insightAsAt(db, { asAt: query.asAt ?? todayInLondon(), publishedOnly: true });
    return reply.type('image/svg+xml; charset=utf-8').send(await insightChart(chart.data.chart, insight));
  });
}
