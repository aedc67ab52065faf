/**
 * Report requests (issue 18 item 7): democratic services ask an officer for an agenda item's report by a deadline,
 * the officer submits it (uploaded as PDF or DOCX through the report upload reader, or written in the browser), and
 * democratic services clear it or return it with a reason (src/domain/agenda/report-requests.ts has the states and
 * the deadline rule). Until it is cleared the text stays on the request and is not a report at all, so no public
 * surface can show it; clearing makes it the item's report, public when the agenda is (migration 20261207_1560).
 * Every transition is a row change, so the audit log records who did it and when.
 */
import { z } from 'zod';
import * as prep from '../../db/repositories/agenda-preparation.ts';
import { insertReport } from '../../db/records/reports.ts';
import { storeFile } from '../../db/repositories/stored-files.ts';
import { deadlineProblems, nextState, refusal, type ReportRequestAction, type ReportRequestState } from '../../domain/agenda/report-requests.ts';
import { formatShortDate, todayInLondon } from '../../domain/dates.ts';
import { Forbidden, NotFound } from '../../domain/errors.ts';
import { hasRole } from '../../domain/roles.ts';
import { stableId } from '../../domain/stable-id.ts';
import { realDate } from '../date-fields.ts';
import { accountOf, writeOperation } from '../write-operation.ts';
import { asEditor, Conflict, refuse, type CommitteeWriteProps, type Trx } from './context.ts';
import type { ReportUpload } from './report-upload.ts';
import { ensureAuthority } from '../../db/records/authorities.ts';
import { findMeetingForEdit } from '../../db/records/meetings.ts';
import { findAgendaItemRow } from '../../db/records/agenda-items.ts';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const ReportRequestFieldsSchema = z.object({
  officerAccountId: z.string('Choose the officer who will write the report').min(1, 'Choose the officer who will write the report'),
  deadline: realDate('Enter the deadline as a real date, like 2026-01-08'),
  note: z.preprocess(blankToUndefined, z.string().trim().max(2000, 'The note must be 2000 characters or fewer').optional()),
});
export type ReportRequestFields = z.infer<typeof ReportRequestFieldsSchema>;

export const ReportSubmissionSchema = z.object({
  reportText: z.preprocess(blankToUndefined, z.string().trim().max(500_000, 'The report must be 500,000 characters or fewer').optional()),
});

export const ReportReturnSchema = z.object({
  reason: z
    .string('Enter why the report is returned')
    .trim()
    .min(1, 'Enter why the report is returned')
    .max(2000, 'The reason must be 2000 characters or fewer'),
});

function advance(state: ReportRequestState, action: ReportRequestAction): ReportRequestState {
  const next = nextState(state, action);
  if (!next) throw Conflict(refusal(state, action));
  return next;
}

/** Asks an officer for the report of an agenda item by a deadline (today or later, and not after the meeting). */
export async function reportRequester(props: CommitteeWriteProps & ReportRequestFields & { agendaItemId: string; today?: string }): Promise<{ id: string }> {
  const today = props.today ?? todayInLondon();
  return asEditor(props, async (trx) => {
    const item = await findAgendaItemRow(trx, props.agendaItemId);
    if (!item) throw NotFound('Agenda item not found');
    const meeting = (await findMeetingForEdit(trx, item.meeting_id))!;
    if (meeting.status === 'cancelled' || meeting.withdrawn_at) throw Conflict('This meeting was cancelled or withdrawn, so no reports are needed for it.');
    if (item.report_id) throw Conflict(`Agenda item ${item.number} already has a report.`);
    if (await prep.findReportRequestOfItem(trx, item.id)) throw Conflict(`A report has already been requested for agenda item ${item.number}.`);
    const officer = await prep.findReportAuthor(trx, props.officerAccountId);
    const problems = deadlineProblems(props.deadline, meeting.date, today).map((message) => ({
      field: 'deadline',
      message: message.replace('the day of the meeting', `the day of the meeting, ${formatShortDate(meeting.date)}`),
    }));
    if (!officer || officer.disabled_at) problems.unshift({ field: 'officerAccountId', message: 'Choose an officer from the list' });
    refuse(problems);
    const id = stableId('report-request', item.id);
    await prep.insertReportRequest(trx, {
      id,
      agenda_item_id: item.id,
      officer_account_id: officer!.id,
      officer_name: officer!.name,
      deadline: props.deadline,
      note: props.note ?? null,
    });
    return { id };
  });
}

/**
 * The officer asked (or democratic services on their behalf) submits the report: an uploaded file or text written in
 * the browser, not both. A returned report is submitted again the same way, replacing what was sent before.
 */
export async function reportSubmitter(props: CommitteeWriteProps & { id: string; reportText?: string; reportFile?: ReportUpload }): Promise<void> {
  // No role: the officer asked need not be in democratic services; who may submit is checked on the request.
  await writeOperation({ db: props.database.db, actor: props.actor, ...(props.clock ? { clock: props.clock } : {}) }, async ({ trx }) => {
    const request = await prep.lockReportRequest(trx, props.id);
    if (!request) throw NotFound('Report request not found');
    const account = accountOf(props.actor);
    if (account && account.id !== request.officer_account_id && !hasRole(account, 'democratic-services')) {
      throw Forbidden(`This report was requested from ${request.officer_name}: only they or democratic services can submit it.`);
    }
    const state = advance(request.state, 'submit');
    if (props.reportFile && props.reportText) refuse([{ field: 'reportFile', message: 'Upload the report or write it here, not both' }]);
    const text = props.reportFile?.text ?? props.reportText;
    if (!text) refuse([{ field: 'reportFile', message: 'Upload the report as a PDF or Word (DOCX) file, or write it below' }]);
    await prep.updateReportRequest(trx, request.id, {
      state,
      submitted_text: text!,
      original_file_sha256: props.reportFile ? await storeFile(trx, props.reportFile.data) : null,
      original_filename: props.reportFile?.filename ?? null,
      original_media_type: props.reportFile?.mediaType ?? null,
      submitted_at: new Date(),
    });
  });
}

/** Sends a submitted report back to its officer with the reason; they submit it again. */
export async function reportReturner(props: CommitteeWriteProps & z.infer<typeof ReportReturnSchema> & { id: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const request = await prep.lockReportRequest(trx, props.id);
    if (!request) throw NotFound('Report request not found');
    await prep.updateReportRequest(trx, request.id, { state: advance(request.state, 'return'), returned_reason: props.reason });
  });
}

/**
 * Clears a submitted report for publication: it becomes the agenda item's report (exempt when the item is), public
 * once the agenda is published, and the request is closed.
 */
export async function reportClearer(props: CommitteeWriteProps & { id: string; authorityName: string }): Promise<{ reportId: string }> {
  return asEditor(props, async (trx) => {
    const request = await prep.lockReportRequest(trx, props.id);
    if (!request) throw NotFound('Report request not found');
    const state = advance(request.state, 'clear');
    const item = (await findAgendaItemRow(trx, request.agenda_item_id))!;
    if (item.report_id) throw Conflict(`Agenda item ${item.number} already has a report: edit that report on the agenda item instead.`);
    const meeting = (await findMeetingForEdit(trx, item.meeting_id))!;
    const reportId = await insertClearedReport(trx, props.authorityName, meeting, item, request);
    await prep.setAgendaItemReport(trx, item.id, reportId);
    await prep.updateReportRequest(trx, request.id, { state, cleared_at: new Date(), report_id: reportId, returned_reason: null });
    return { reportId };
  });
}

async function insertClearedReport(
  trx: Trx,
  authorityName: string,
  meeting: { id: string; date: string },
  item: { number: string; title: string; exempt: boolean; exempt_paragraphs: number[] },
  request: { submitted_text: string | null; original_file_sha256: string | null; original_filename: string | null; original_media_type: string | null },
): Promise<string> {
  const authorityId = await ensureAuthority(trx, stableId('authority', authorityName), authorityName);
  const reportId = stableId('report', meeting.id, item.number, item.title);
  await insertReport(trx, {
    id: reportId,
    authority_id: authorityId,
    subject: item.title,
    report_date: meeting.date,
    exempt: item.exempt,
    classification: item.exempt ? `Exempt: Schedule 12A paragraph ${item.exempt_paragraphs.join(', ')}` : 'Unrestricted',
    full_text: request.submitted_text!,
    original_file_sha256: request.original_file_sha256,
    original_filename: request.original_filename,
    original_media_type: request.original_media_type,
    summary: null,
    recommendations: null,
    contact: null,
    background_documents: null,
    source_document_id: null,
    source_line_from: null,
    source_line_to: null,
  });
  return reportId;
}
