/**
 * Meetings and their agendas: scheduling, numbered agenda items (with a report written in the browser, and exempt
 * marking under Schedule 12A), and publishing the agenda with the statutory notice checked.
 */
import { z } from 'zod';
import { lockWorkflow, startWorkflow, updateWorkflow } from '../../db/records/meeting-workflow.ts';
import { listMinutes } from '../../db/records/minutes.ts';
import { insertReport, updateReport } from '../../db/records/reports.ts';
import { storeFile } from '../../db/repositories/stored-files.ts';
import type { ReportUpload } from './report-upload.ts';
import { stableId } from '../../domain/stable-id.ts';
import { AGENDA_NOTICE_CLEAR_WORKING_DAYS, clearWorkingDaysBetween, latestPublicationDate, type Jurisdiction } from '../../domain/working-days.ts';
import { NotFound } from '../../domain/errors.ts';
import { formatShortDate, todayInLondon } from '../../domain/dates.ts';
import { moveProblem } from '../../domain/meetings/approval-order.ts';
import { listDatesApprovedAt } from '../../db/repositories/meeting-lifecycle.ts';
import { ConfirmDateSchema, realDate, unconfirmedDateProblems } from '../date-fields.ts';
import { SeenVersionSchema, type SeenVersion } from '../write-operation.ts';
import { addStandingItemsToAgenda } from './standing-items.ts';
import { asEditor, assertMinutesOpen, Conflict, expectCurrent, refuse, type CommitteeWriteProps, type Problems } from './context.ts';
import { findBodyRow } from '../../db/records/bodies.ts';
import { ensureAuthority } from '../../db/records/authorities.ts';
import { findMeetingForEdit, findMeetingIdOfBodyOn, insertMeeting, nextPosition, updateMeeting } from '../../db/records/meetings.ts';
import { listAgendaItemRows, findAgendaItemRow, insertAgendaItem, updateAgendaItem } from '../../db/records/agenda-items.ts';
import { AGENDA_ITEM_KINDS } from '../../domain/agenda-item-kind.ts';

const isoDate = realDate('Enter the date of the meeting as a real date, like 2011-07-20');
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const time = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 10:00 or 14:30')
    .optional(),
);

export const MeetingFieldsSchema = z.object({
  bodyId: z.string().min(1, 'Choose the body that meets'),
  date: isoDate,
  startTime: time,
  location: z.preprocess(blankToUndefined, z.string().trim().max(300).optional()),
  kind: z.enum(['annual', 'ordinary', 'extraordinary', 'special'], 'Choose the kind of meeting').default('ordinary'),
  /** The officer confirms a date before 2000 or more than five years ahead. */
  confirmDate: ConfirmDateSchema,
});
export type MeetingFields = z.infer<typeof MeetingFieldsSchema>;

/**
 * Schedules a meeting of a body; one meeting per body per day, as in the council's own numbering of papers. Its agenda
 * starts with the body's standing items (standing-items.ts).
 */
export async function meetingScheduler(props: CommitteeWriteProps & MeetingFields & { today?: string }): Promise<{ id: string }> {
  refuse(unconfirmedDateProblems('date', props.date, props.today ?? todayInLondon(), props.confirmDate ?? false));
  return asEditor(props, async (trx) => {
    const body = await findBodyRow(trx, props.bodyId);
    if (!body) refuse([{ field: 'bodyId', message: 'Choose a body from the list' }]);
    const id = stableId('meeting', props.bodyId, props.date);
    if (await findMeetingForEdit(trx, id)) refuse([{ field: 'date', message: `${body!.name} already has a meeting on ${formatShortDate(props.date)}` }]);
    await insertMeeting(trx, {
      id,
      body_id: props.bodyId,
      date: props.date,
      start_time: props.startTime ?? null,
      end_time: null,
      location: props.location ?? null,
      status: 'scheduled',
      kind: props.kind,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    await startWorkflow(trx, id);
    await addStandingItemsToAgenda(trx, id, props.bodyId);
    return { id };
  });
}

export const MeetingDetailsSchema = MeetingFieldsSchema.omit({ bodyId: true }).extend({ version: SeenVersionSchema });
export type MeetingDetails = z.infer<typeof MeetingDetailsSchema>;

/**
 * Changes a meeting's date, time, place or kind, unless its minutes are approved or it was cancelled or withdrawn. A
 * meeting that approved earlier minutes cannot move to or before them (domain/meetings/approval-order.ts). The old
 * address keeps working (migration 20261207_3001) and calendars see a higher SEQUENCE (migration 20261207_2100).
 */
export async function meetingEditor(props: CommitteeWriteProps & MeetingDetails & { id: string; today?: string }): Promise<void> {
  await asEditor(props, async (trx, today) => {
    const meeting = await findMeetingForEdit(trx, props.id);
    if (!meeting) throw NotFound('Meeting not found');
    await assertMinutesOpen(trx, meeting.id);
    if (meeting.status === 'cancelled') throw Conflict('This meeting was cancelled, so it can no longer be changed. Schedule a new meeting instead.');
    if (meeting.withdrawn_at) throw Conflict('This meeting was withdrawn, so it can no longer be changed. Schedule a new meeting instead.');
    if (props.date !== meeting.date) {
      refuse(unconfirmedDateProblems('date', props.date, props.today ?? today, props.confirmDate ?? false));
      const other = await findMeetingIdOfBodyOn(trx, meeting.body_id, props.date);
      if (other) refuse([{ field: 'date', message: `${meeting.body_name} already has a meeting on ${formatShortDate(props.date)}` }]);
      const problem = moveProblem(props.date, { approvedDates: await listDatesApprovedAt(trx, meeting.id) });
      if (problem) refuse([{ field: 'date', message: problem }]);
    }
    await expectCurrent(trx, 'meeting', meeting.id, props.version, 'meeting');
    await updateMeeting(trx, meeting.id, { date: props.date, start_time: props.startTime ?? null, location: props.location ?? null, kind: props.kind });
  });
}

export const CancellationSchema = z.object({
  reason: z.string().trim().min(1, 'Enter why the meeting is cancelled').max(1000, 'The reason must be 1000 characters or fewer'),
  version: SeenVersionSchema,
});

/** Cancels a meeting that has not been held: it stays listed, marked cancelled with the reason. */
export async function meetingCanceller(props: CommitteeWriteProps & z.infer<typeof CancellationSchema> & { id: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.id);
    if (!meeting) throw NotFound('Meeting not found');
    await assertMinutesOpen(trx, meeting.id);
    if (meeting.status === 'cancelled') throw Conflict('This meeting is already cancelled.');
    if ((await listMinutes(trx, meeting.id)).length > 0) throw Conflict('This meeting has minutes, so it was held and cannot be cancelled.');
    await expectCurrent(trx, 'meeting', meeting.id, props.version, 'meeting');
    await updateMeeting(trx, meeting.id, { status: 'cancelled', cancelled_reason: props.reason });
  });
}

const paragraphs = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.coerce.number().int().min(1, 'Choose paragraphs 1 to 7').max(7, 'Choose paragraphs 1 to 7')),
);

export const AgendaItemFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Enter the title of the agenda item').max(500, 'Title must be 500 characters or fewer'),
  description: z.preprocess(blankToUndefined, z.string().trim().max(10_000).optional()),
  /** A report written in the browser; it becomes the item's report. */
  reportText: z.preprocess(blankToUndefined, z.string().trim().max(500_000).optional()),
  exempt: z.preprocess((value) => value === 'yes' || value === true, z.boolean()),
  exemptParagraphs: paragraphs,
  /** A notice of motion, a question, a petition, or an ordinary item; left as it is when the form does not say. */
  kind: z.preprocess(blankToUndefined, z.enum(AGENDA_ITEM_KINDS, 'Choose what kind of item it is').optional()),
});
export type AgendaItemFields = z.infer<typeof AgendaItemFieldsSchema>;

/** Schedule 12A: an exempt item must say which paragraphs make it exempt, and a public one none. */
function exemptProblems(fields: AgendaItemFields): Problems {
  if (fields.exempt && fields.exemptParagraphs.length === 0) {
    return [{ field: 'exemptParagraphs', message: 'Choose the paragraph of Schedule 12A that makes the item exempt' }];
  }
  if (!fields.exempt && fields.exemptParagraphs.length > 0) {
    return [{ field: 'exempt', message: 'Mark the item as exempt, or clear the Schedule 12A paragraphs' }];
  }
  return [];
}

/** Adds the next numbered item to a meeting's agenda, with its report when one is written. */
export async function agendaItemAdder(
  props: CommitteeWriteProps & AgendaItemFields & { meetingId: string; authorityName: string; reportFile?: ReportUpload },
): Promise<{ id: string; number: string }> {
  return asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    refuse(exemptProblems(props));
    if (props.reportFile && props.reportText) refuse([{ field: 'reportFile', message: 'Upload the report or write it here, not both' }]);
    const reportText = props.reportFile?.text ?? props.reportText;
    const original = props.reportFile
      ? {
          original_file_sha256: await storeFile(trx, props.reportFile.data),
          original_filename: props.reportFile.filename,
          original_media_type: props.reportFile.mediaType,
        }
      : {};
    const position = await nextPosition(trx, 'agenda_item', meeting.id);
    const number = String(position);
    const id = stableId('agenda-item', meeting.id, number);
    let reportId: string | null = null;
    if (reportText) {
      const authorityId = await ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
      reportId = stableId('report', meeting.id, number, props.title);
      await insertReport(trx, {
        id: reportId,
        authority_id: authorityId,
        subject: props.title,
        report_date: meeting.date,
        exempt: props.exempt,
        classification: props.exempt ? `Exempt: Schedule 12A paragraph ${props.exemptParagraphs.join(', ')}` : 'Unrestricted',
        full_text: reportText,
        ...original,
        summary: null,
        recommendations: null,
        contact: null,
        background_documents: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      });
    }
    await insertAgendaItem(trx, {
      id,
      meeting_id: meeting.id,
      number,
      position,
      title: props.title,
      description: props.description ?? null,
      page_from: null,
      page_to: null,
      exempt: props.exempt,
      exempt_paragraphs: props.exemptParagraphs,
      report_id: reportId,
      kind: props.kind ?? 'item',
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });
    return { id, number };
  });
}

/** Changes an agenda item (and its written report), if nobody else has since the officer opened it. */
export async function agendaItemEditor(props: CommitteeWriteProps & AgendaItemFields & { id: string; version: SeenVersion }): Promise<void> {
  await asEditor(props, async (trx) => {
    const item = await findAgendaItemRow(trx, props.id);
    if (!item) throw NotFound('Agenda item not found');
    refuse(exemptProblems(props));
    await expectCurrent(trx, 'agenda_item', item.id, props.version, 'agenda item');
    await updateAgendaItem(trx, item.id, {
      title: props.title,
      description: props.description ?? null,
      exempt: props.exempt,
      exempt_paragraphs: props.exemptParagraphs,
      ...(props.kind ? { kind: props.kind } : {}),
    });
    if (item.report_id && props.reportText !== undefined) {
      await updateReport(trx, item.report_id, { subject: props.title, full_text: props.reportText, exempt: props.exempt });
    }
  });
}

export type AgendaPublication =
  | { published: true; clearWorkingDays: number; late: boolean }
  | { published: false; needsConfirmation: true; clearWorkingDays: number; latestOnTime: string };

export interface AgendaPublisherProps extends CommitteeWriteProps {
  meetingId: string;
  /** The day it is published (today, in the council's time zone). */
  today: string;
  /** Whose bank holidays are not working days (Config.holidays). */
  jurisdiction: Jurisdiction;
  /** The officer has seen the warning that notice is short and publishes anyway. */
  confirmLate?: boolean;
}

/**
 * Publishes the agenda. With fewer than five clear working days before the meeting it does nothing until the officer
 * confirms, and then records that the agenda went out late (a report to the chairman may be needed).
 */
export async function agendaPublisher(props: AgendaPublisherProps): Promise<AgendaPublication> {
  return asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    if (workflow.agenda_published_at) throw Conflict('The agenda of this meeting has already been published');
    if ((await listAgendaItemRows(trx, meeting.id)).length === 0)
      refuse([{ field: 'agenda', message: 'Add at least one agenda item before publishing the agenda' }]);
    if (meeting.date < props.today) refuse([{ field: 'agenda', message: 'The meeting has already taken place' }]);
    const clearWorkingDays = clearWorkingDaysBetween(props.today, meeting.date, props.jurisdiction);
    const late = clearWorkingDays < AGENDA_NOTICE_CLEAR_WORKING_DAYS;
    if (late && !props.confirmLate) {
      return {
        published: false,
        needsConfirmation: true,
        clearWorkingDays,
        latestOnTime: latestPublicationDate(meeting.date, AGENDA_NOTICE_CLEAR_WORKING_DAYS, props.jurisdiction),
      } as const;
    }
    await updateWorkflow(trx, meeting.id, { agenda_published_at: new Date(), agenda_published_late: late });
    return { published: true, clearWorkingDays, late } as const;
  });
}

/**
 * Withdraws a published agenda: its items and reports stop being public at once, everywhere (the visibility rule,
 * migration 20261207_1560), and mirrors are told (OParl deleted objects). The agenda can be published again later.
 */
export async function agendaWithdrawer(props: CommitteeWriteProps & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    if (!workflow.agenda_published_at) throw Conflict('The agenda of this meeting is not published');
    await updateWorkflow(trx, meeting.id, { agenda_published_at: null, agenda_published_late: false });
  });
}
