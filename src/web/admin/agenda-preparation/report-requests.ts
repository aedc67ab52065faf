/**
 * Report requests in the back office: democratic services ask for a report on an agenda item and see what is open
 * and overdue, clear or return what is submitted; the officer asked sees "my report requests" and submits. The
 * services check who may do what again (src/services/committee/report-requests.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as prep from '../../../db/repositories/agenda-preparation.ts';
import { awaitingOfficer, daysOverdue, defaultDeadline, REPORT_REQUEST_STATE_LABELS } from '../../../domain/agenda/report-requests.ts';
import { todayInLondon } from '../../../domain/dates.ts';
import { Forbidden } from '../../../domain/errors.ts';
import { hasRole } from '../../../domain/roles.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { NotFound } from '../../../http/errors.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import {
  reportClearer,
  reportRequester,
  ReportRequestFieldsSchema,
  reportReturner,
  ReportReturnSchema,
  ReportSubmissionSchema,
  reportSubmitter,
} from '../../../services/committee/report-requests.ts';
import { readReportForm } from '../report-form.ts';
import { requireRole } from '../../auth/plugin.ts';
import { formAction } from '../form-action.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { longDate, selectItems } from '../presenters.ts';
import { findMeetingForEdit } from '../../../db/records/meetings.ts';
import { findAgendaItemRow } from '../../../db/records/agenda-items.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const Nothing = z.object({});

type RequestRow = NonNullable<Awaited<ReturnType<typeof prep.findReportRequest>>>;

/** What every list and page shows of a request: dates in words, its state, and how late it is. */
export function presentRequest(row: RequestRow, today: string) {
  const late = awaitingOfficer(row.state) ? daysOverdue(row.deadline, today) : 0;
  return {
    ...row,
    stateLabel: REPORT_REQUEST_STATE_LABELS[row.state],
    deadlineLong: longDate(row.deadline),
    meetingLong: longDate(row.meeting_date),
    daysOverdue: late,
    overdueText: late === 0 ? '' : late === 1 ? '1 day overdue' : `${late} days overdue`,
  };
}

/** The routes of democratic services (the caller registers them behind the democratic-services check). */
export async function reportRequestAdminRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.agendaItem.reportRequest'], (request, reply) => getAgendaItemReportRequest(deps, request, reply));
  app.post(ROUTES['admin.agendaItem.reportRequest'], (request, reply) => postAgendaItemReportRequest(deps, request, reply));
  app.get(ROUTES['admin.reportRequests'], (request, reply) => getReportRequests(deps, request, reply));
  app.post(ROUTES['admin.reportRequest.clear'], (request, reply) => postReportRequestClear(deps, request, reply));
  app.post(ROUTES['admin.reportRequest.return'], (request, reply) => postReportRequestReturn(deps, request, reply));
}

async function requestForm(
  deps: FeatureDeps,
  reply: FastifyReply,
  itemId: string,
  failure?: { values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { config, database } = deps;
  const db = database.db;
  const item = await findAgendaItemRow(db, itemId);
  if (!item) throw NotFound('Agenda item not found');
  const [meeting, authors, existing] = await Promise.all([
    findMeetingForEdit(db, item.meeting_id),
    prep.listReportAuthors(db),
    prep.findReportRequestOfItem(db, item.id),
  ]);
  const today = todayInLondon();
  const suggested = meeting!.date >= today ? defaultDeadline(meeting!.date, today, config.holidays) : '';
  const values = failure?.values ?? { deadline: suggested };
  return reply.code(failure?.status ?? 200).view('admin/report-request-new.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Request a report for agenda item ${item.number}`,
    item,
    meeting: { ...meeting, longDate: longDate(meeting!.date) },
    existing,
    hasReport: Boolean(item.report_id),
    authors: selectItems(
      authors.map((account) => ({ value: account.id, text: `${account.name} (${account.email})` })),
      values.officerAccountId,
      'Choose the officer',
    ),
    suggested: suggested ? longDate(suggested) : undefined,
    values,
    errors: failure ? formErrors(failure.problems) : undefined,
  });
}

async function getAgendaItemReportRequest(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return requestForm(deps, reply, IdParams.parse(request.params).id);
}

async function postAgendaItemReportRequest(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: ReportRequestFieldsSchema,
    body: values,
    run: async (data) => linkTo('admin.reportRequest', { id: (await reportRequester({ database, actor: request.user!, agendaItemId: id, ...data })).id }),
    fail: (problems, status) => requestForm(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getReportRequests(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const db = database.db;
  const today = todayInLondon();
  const open = (await prep.listOpenReportRequests(db)).map((row) => presentRequest(row, today));
  return reply.view('admin/report-requests.njk', {
    pageTitle: 'Report requests',
    todayLong: longDate(today),
    overdue: open.filter((row) => row.daysOverdue > 0),
    awaitingClearance: open.filter((row) => row.state === 'submitted'),
    awaitingOfficer: open.filter((row) => awaitingOfficer(row.state) && row.daysOverdue === 0),
  });
}

async function postReportRequestClear(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const { id } = IdParams.parse(request.params);
  return formAction({
    schema: Nothing,
    body: request.body,
    run: async () => {
      await reportClearer({ database, actor: request.user!, id, authorityName: config.authorityName });
      return linkTo('admin.reportRequest', { id });
    },
    fail: (problems, status) => renderRequestPage(reply, request, { config, database }, id, { form: 'clear', values: {}, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function postReportRequestReturn(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { config, database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  return formAction({
    schema: ReportReturnSchema,
    body: values,
    run: async (data) => {
      await reportReturner({ database, actor: request.user!, id, ...data });
      return linkTo('admin.reportRequest', { id });
    },
    fail: (problems, status) => renderRequestPage(reply, request, { config, database }, id, { form: 'return', values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}

interface RequestPageFailure {
  form: 'submit' | 'clear' | 'return';
  values: Record<string, unknown>;
  problems: Problem[];
  status: number;
}

/** One request: the officer asked submits here; democratic services read what was submitted and clear or return it. */
async function renderRequestPage(
  reply: FastifyReply,
  request: FastifyRequest,
  { database }: Pick<FeatureDeps, 'config' | 'database'>,
  id: string,
  failure?: RequestPageFailure,
) {
  const row = await prep.findReportRequest(database.db, id);
  if (!row) throw NotFound('Report request not found');
  const user = request.user!;
  const clerk = hasRole(user, 'democratic-services');
  if (!clerk && row.officer_account_id !== user.id) throw Forbidden('This report was requested from someone else.');
  const form = (name: RequestPageFailure['form']) =>
    failure?.form === name ? { values: failure.values, errors: formErrors(failure.problems, `${name}-`) } : { values: {}, errors: undefined };
  return reply.code(failure?.status ?? 200).view('admin/report-request.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Report for agenda item ${row.item_number}: ${row.item_title}`,
    request: presentRequest(row, todayInLondon()),
    clerk,
    mine: row.officer_account_id === user.id,
    canSubmit: row.state === 'requested' || row.state === 'returned',
    canDecide: clerk && row.state === 'submitted',
    forms: { submit: form('submit'), clear: form('clear'), return: form('return') },
    error: failure ? formErrors(failure.problems, `${failure.form}-`) : undefined,
  });
}

/** The routes of the officer asked (any signed-in account; the request's own officer, or democratic services). */
const signedIn = { preHandler: requireRole() };

export async function reportRequestOfficerRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.reportRequests.mine'], signedIn, (request, reply) => getReportRequestsMine(deps, request, reply));
  app.get(ROUTES['admin.reportRequest'], signedIn, (request, reply) => getReportRequest(deps, request, reply));

  // The report arrives as an uploaded PDF or DOCX, read like the agenda item form's, or written in the browser.
  app.post(ROUTES['admin.reportRequest.submit'], { ...signedIn, config: { files: ['reportFile'] } }, (request, reply) =>
    postReportRequestSubmit(deps, request, reply),
  );
}

async function getReportRequestsMine(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const today = todayInLondon();
  const rows = (await prep.listReportRequestsOfOfficer(database.db, request.user!.id)).map((row) => presentRequest(row, today));
  return reply.view('admin/my-report-requests.njk', {
    pageTitle: 'My report requests',
    open: rows.filter((row) => row.state !== 'cleared'),
    cleared: rows.filter((row) => row.state === 'cleared'),
  });
}

async function getReportRequest(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return renderRequestPage(reply, request, deps, IdParams.parse(request.params).id);
}

async function postReportRequestSubmit(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const { values, reportFile, problem } = await readReportForm(request);
  const fail = (problems: Problem[], status: number) => renderRequestPage(reply, request, deps, id, { form: 'submit', values, problems, status });
  if (problem) return fail([{ field: 'reportFile', message: problem }], 400);
  return formAction({
    schema: ReportSubmissionSchema,
    body: values,
    run: async (data) => {
      await reportSubmitter({
        database,
        actor: request.user!,
        id,
        ...(data.reportText ? { reportText: data.reportText } : {}),
        ...(reportFile ? { reportFile } : {}),
      });
      return linkTo('admin.reportRequest', { id });
    },
    fail,
    redirect: (url) => reply.redirect(url, 303),
  });
}
