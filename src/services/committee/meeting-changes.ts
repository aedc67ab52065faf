/**
 * A meeting created in error: deleted while nothing of it is published (no trace left for the public, the change
 * audited), or, once something was published, withdrawn with a reason the public page shows. Withdrawing takes its
 * papers off every public surface at once (the visibility rule, migration 20261207_1560), as withdrawing the agenda
 * and draft minutes does.
 */
import { z } from 'zod';
import { findWorkflow, lockWorkflow, updateWorkflow } from '../../db/records/meeting-workflow.ts';
import * as lifecycle from '../../db/repositories/meeting-lifecycle.ts';
import { NotFound } from '../../domain/errors.ts';
import { SeenVersionSchema } from '../write-operation.ts';
import { asEditor, Conflict, expectCurrent, type CommitteeWriteProps } from './context.ts';
import { findMeetingForEdit, updateMeeting } from '../../db/records/meetings.ts';

/** A row referring to the meeting from elsewhere (a scrutiny item, an appointment) makes the database refuse. */
const FOREIGN_KEY_VIOLATION = '23503';

/** Deletes a meeting of which nothing has been published, with what was recorded for it in the back office. */
export async function meetingDeleter(props: CommitteeWriteProps & { id: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.id);
    if (!meeting) throw NotFound('Meeting not found');
    const workflow = await findWorkflow(trx, meeting.id);
    // No workflow row: imported from papers the council published, so it counts as published.
    if (!workflow || workflow.agenda_published_at || workflow.minutes_published_at || workflow.minutes_approved_at) {
      throw Conflict('Something of this meeting has been published, so it cannot be deleted: withdraw it instead, with a reason the public will see.');
    }
    if ((await lifecycle.listDatesApprovedAt(trx, meeting.id)).length > 0)
      throw Conflict('This meeting approved the minutes of an earlier meeting, so it cannot be deleted.');
    try {
      await lifecycle.deleteMeeting(trx, meeting.id);
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        throw Conflict('Other records refer to this meeting (for example a scrutiny item or an appointment), so it cannot be deleted: withdraw it instead.');
      }
      throw error;
    }
  });
}

export const WithdrawalSchema = z.object({
  reason: z.string().trim().min(1, 'Enter why the meeting is withdrawn: the public will see it').max(1000, 'The reason must be 1000 characters or fewer'),
  version: SeenVersionSchema,
});

/** Withdraws a published meeting: it stays at its address with the public reason, and its papers stop being public. */
export async function meetingWithdrawer(props: CommitteeWriteProps & z.infer<typeof WithdrawalSchema> & { id: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.id);
    if (!meeting) throw NotFound('Meeting not found');
    if (meeting.withdrawn_at) throw Conflict('This meeting is already withdrawn.');
    const workflow = await lockWorkflow(trx, meeting.id);
    if (workflow.minutes_approved_at) throw Conflict('The minutes of this meeting are approved as a correct record, so the meeting cannot be withdrawn.');
    if (!workflow.agenda_published_at && !workflow.minutes_published_at) throw Conflict('Nothing of this meeting is published: delete it instead.');
    await expectCurrent(trx, 'meeting', meeting.id, props.version, 'meeting');
    await updateMeeting(trx, meeting.id, { withdrawn_at: new Date(), withdrawn_reason: props.reason });
    await updateWorkflow(trx, meeting.id, { agenda_published_at: null, agenda_published_late: false, minutes_published_at: null });
  });
}
