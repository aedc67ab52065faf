/**
 * From draft to correct record: publishing draft minutes, approving them at a later meeting of the same body (after
 * which they are locked, here and by database trigger), and corrections as new records linked to the original.
 */
import { z } from 'zod';
import * as store from '../../db/repositories/committee-admin.ts';
import { stableId } from '../../domain/stable-id.ts';
import { NotFound } from '../../domain/errors.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { asEditor, assertMinutesOpen, Conflict, refuse, type CommitteeWriteProps } from './context.ts';

/** Publishes the meeting's minutes as a draft (not yet approved), and marks the meeting held. */
export async function minutesPublisher(props: CommitteeWriteProps & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await store.findMeeting(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await store.lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (workflow.minutes_published_at) throw Conflict('The draft minutes of this meeting have already been published');
    if ((await store.listMinutes(trx, meeting.id)).length === 0) refuse([{ field: 'minutes', message: 'Write at least one minute before publishing the draft minutes' }]);
    await store.updateWorkflow(trx, meeting.id, { minutes_published_at: new Date() });
    if (meeting.status === 'scheduled') await store.updateIfVersion(trx, 'meeting', meeting.id, meeting.version, { status: 'held' });
  });
}

/**
 * Withdraws published draft minutes: the minutes, motions, votes and resolutions stop being public at once,
 * everywhere. Approved minutes are the correct record and cannot be withdrawn.
 */
export async function minutesWithdrawer(props: CommitteeWriteProps & { meetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await store.findMeeting(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await store.lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (!workflow.minutes_published_at) throw Conflict('The draft minutes of this meeting are not published');
    await store.updateWorkflow(trx, meeting.id, { minutes_published_at: null });
  });
}

export const ApprovalFieldsSchema = z.object({
  atMeetingId: z.string().min(1, 'Choose the meeting at which the minutes were approved'),
});

/**
 * Records that a later meeting of the same body approved the minutes as a correct record. The approving meeting gets
 * its own minute saying so (unless one already links them), and the approved minutes are locked from then on.
 */
export async function minutesApprover(props: CommitteeWriteProps & { meetingId: string; atMeetingId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await store.findMeeting(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await store.lockWorkflow(trx, meeting.id);
    await assertMinutesOpen(trx, meeting.id);
    if (!workflow.minutes_published_at) refuse([{ field: 'atMeetingId', message: 'Publish the draft minutes before they are approved' }]);
    const at = await store.findMeeting(trx, props.atMeetingId);
    if (!at || at.body_id !== meeting.body_id || at.date <= meeting.date) {
      refuse([{ field: 'atMeetingId', message: `Choose a later meeting of ${meeting.body_name}` }]);
    }
    await assertMinutesOpen(trx, at!.id);
    const existing = (await store.listMinutes(trx, at!.id)).find((minute) => minute.approves_meeting_id === meeting.id);
    if (!existing) {
      const position = await store.nextPosition(trx, 'minute', at!.id);
      await store.insertMinute(trx, {
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
    await store.updateWorkflow(trx, meeting.id, { minutes_approved_at: new Date(), minutes_approved_at_meeting_id: at!.id });
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
    const minute = await store.findMinute(trx, props.minuteId);
    if (!minute) throw NotFound('Minute not found');
    const workflow = await store.findWorkflow(trx, minute.meeting_id);
    if (!workflow?.minutes_approved_at) refuse([{ field: 'text', message: 'These minutes are not approved yet: edit the minute itself' }]);
    const count = (await store.listMinuteCorrections(trx, [minute.id])).length;
    const id = stableId('minute-correction', minute.id, count + 1);
    await store.insertMinuteCorrection(trx, { id, minute_id: minute.id, text: props.text, reason: props.reason });
    return { id };
  });
}
