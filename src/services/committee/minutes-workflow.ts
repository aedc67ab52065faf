/**
 * From draft to correct record: publishing draft minutes, approving them at a later meeting of the same body that has
 * begun (after which they are locked, here and by database trigger), undoing a mistaken approval with a reason, and
 * corrections as new records linked to the original.
 */
import { z } from 'zod';
import { findWorkflow, lockWorkflow, updateWorkflow } from '../../db/records/meeting-workflow.ts';
import { findMinute, insertMinute, insertMinuteCorrection, listMinuteCorrections, listMinutes } from '../../db/records/minutes.ts';
import { stableId } from '../../domain/stable-id.ts';
import { NotFound } from '../../domain/errors.ts';
import { formatShortDate } from '../../domain/dates.ts';
import * as lifecycle from '../../db/repositories/meeting-lifecycle.ts';
import { approvalProblem, type MeetingWhen } from '../../domain/meetings/approval-order.ts';
import { asEditor, assertMinutesOpen, Conflict, refuse, type CommitteeWriteProps } from './context.ts';
import { findMeetingForEdit, nextPosition, updateMeeting } from '../../db/records/meetings.ts';

/** Publishes the meeting's minutes as a draft (not yet approved), and marks the meeting held. */
export async function minutesPublisher(props: CommitteeWriteProps & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (workflow.minutes_published_at) throw Conflict('The draft minutes of this meeting have already been published');
    if ((await listMinutes(trx, meeting.id)).length === 0)
      refuse([{ field: 'minutes', message: 'Write at least one minute before publishing the draft minutes' }]);
    await updateWorkflow(trx, meeting.id, { minutes_published_at: new Date() });
    if (meeting.status === 'scheduled') await updateMeeting(trx, meeting.id, { status: 'held' });
  });
}

/**
 * Withdraws published draft minutes: the minutes, motions, votes and resolutions stop being public at once,
 * everywhere. Approved minutes are the correct record and cannot be withdrawn.
 */
export async function minutesWithdrawer(props: CommitteeWriteProps & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (!workflow.minutes_published_at) throw Conflict('The draft minutes of this meeting are not published');
    await updateWorkflow(trx, meeting.id, { minutes_published_at: null });
  });
}

export const ApprovalFieldsSchema = z.object({
  atMeetingId: z.string().min(1, 'Choose the meeting at which the minutes were approved'),
  /** The officer has seen the confirmation page naming both meetings. */
  confirm: z.preprocess((value) => value === 'yes' || value === true, z.boolean()).optional(),
});

export type MinutesApproval =
  | { approved: true }
  | { approved: false; needsConfirmation: true; meeting: { id: string; date: string; bodyName: string }; at: { id: string; date: string } };

/**
 * Records that a later meeting of the same body, which has already begun, approved the minutes as a correct record
 * (domain/meetings/approval-order.ts). Without `confirm` it checks everything and writes nothing, so the officer can
 * be shown both meetings first. The approving meeting gets its own minute saying so (unless one already links them),
 * and the approved minutes are locked from then on.
 */
export async function minutesApprover(
  props: CommitteeWriteProps & { meetingId: string; atMeetingId: string; confirm?: boolean | undefined; now?: Date },
): Promise<MinutesApproval> {
  return asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (!workflow.minutes_published_at) refuse([{ field: 'atMeetingId', message: 'Publish the draft minutes before they are approved' }]);
    const at = await findMeetingForEdit(trx, props.atMeetingId);
    const problem = at ? approvalProblem(whenOf(meeting), whenOf(at), props.now ?? new Date()) : 'Choose a later meeting of the same body';
    if (problem) refuse([{ field: 'atMeetingId', message: problem.replace('the same body', meeting.body_name) }]);
    if (at!.withdrawn_at || at!.status === 'cancelled')
      refuse([{ field: 'atMeetingId', message: 'Choose a meeting that took place: that one was cancelled or withdrawn' }]);
    await assertMinutesOpen(trx, at!.id);
    if (!props.confirm) {
      return {
        approved: false,
        needsConfirmation: true,
        meeting: { id: meeting.id, date: meeting.date, bodyName: meeting.body_name },
        at: { id: at!.id, date: at!.date },
      } as const;
    }
    const existing = (await listMinutes(trx, at!.id)).find((minute) => minute.approves_meeting_id === meeting.id);
    if (!existing) {
      const position = await nextPosition(trx, 'minute', at!.id);
      await insertMinute(trx, {
        id: stableId('minute', at!.id, String(position)),
        meeting_id: at!.id,
        number: String(position),
        position,
        title: `Minutes of the meeting held on ${formatShortDate(meeting.date)}`,
        agenda_item_id: null,
        agenda_item_number: null,
        text: `RESOLVED that the minutes of the meeting held on ${formatShortDate(meeting.date)} are correctly recorded and that they be signed by the Chairman.`,
        exempt: false,
        exempt_paragraphs: [],
        approves_meeting_date: meeting.date,
        approves_meeting_id: meeting.id,
        application_reference: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      });
    }
    await updateWorkflow(trx, meeting.id, { minutes_approved_at: new Date(), minutes_approved_at_meeting_id: at!.id, approval_undone_reason: null });
    return { approved: true } as const;
  });
}

const whenOf = (meeting: { id: string; body_id: string; date: string; start_time: string | null }): MeetingWhen => ({
  id: meeting.id,
  bodyId: meeting.body_id,
  date: meeting.date,
  startTime: meeting.start_time,
});

export const ApprovalUndoSchema = z.object({
  reason: z.string().trim().min(1, 'Enter why the approval is being undone').max(2000, 'The reason must be 2000 characters or fewer'),
});

/**
 * Undoes a mistaken approval (the wrong meeting chosen, or minutes approved too early): the minutes are draft again
 * and can be changed and approved anew. The reason is kept on the workflow row, so the audit log records it with the
 * change. The minute the back office wrote at the approving meeting goes too, unless that meeting's own minutes are
 * approved already (then its record stands, and this approval must stay until that one is undone).
 */
export async function minutesApprovalUndoer(props: CommitteeWriteProps & z.infer<typeof ApprovalUndoSchema> & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await lockWorkflow(trx, meeting.id);
    if (!workflow.minutes_approved_at || !workflow.minutes_approved_at_meeting_id) throw Conflict('The minutes of this meeting are not approved');
    const atId = workflow.minutes_approved_at_meeting_id;
    const written = await lifecycle.findWrittenApprovalMinute(trx, atId, meeting.id);
    if (written) {
      const atWorkflow = await findWorkflow(trx, atId);
      if (atWorkflow?.minutes_approved_at) {
        throw Conflict(
          'The minutes of the meeting that approved these minutes are themselves approved, so its record of this approval stands. Undo that approval first.',
        );
      }
      await lifecycle.deleteMinute(trx, written.id);
    }
    await lifecycle.allowApprovalUndo(trx);
    await updateWorkflow(trx, meeting.id, { minutes_approved_at: null, minutes_approved_at_meeting_id: null, approval_undone_reason: props.reason });
  });
}

export const CorrectionFieldsSchema = z.object({
  text: z.string().trim().min(1, 'Enter the corrected text').max(200_000),
  reason: z.string().trim().min(1, 'Enter why the correction is needed').max(2000),
});
export type CorrectionFields = z.infer<typeof CorrectionFieldsSchema>;

/** A correction to approved minutes: a new record linked to the minute, which itself stays as approved. */
export async function minuteCorrector(props: CommitteeWriteProps & CorrectionFields & { minuteId: string }): Promise<{ id: string }> {
  return asEditor(props, async (trx) => {
    const minute = await findMinute(trx, props.minuteId);
    if (!minute) throw NotFound('Minute not found');
    const workflow = await findWorkflow(trx, minute.meeting_id);
    if (!workflow?.minutes_approved_at) refuse([{ field: 'text', message: 'These minutes are not approved yet: edit the minute itself' }]);
    const count = (await listMinuteCorrections(trx, [minute.id])).length;
    const id = stableId('minute-correction', minute.id, count + 1);
    await insertMinuteCorrection(trx, { id, minute_id: minute.id, text: props.text, reason: props.reason });
    return { id };
  });
}
