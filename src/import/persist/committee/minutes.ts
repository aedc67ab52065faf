/** A meeting's minutes, with their resolutions and motions, and the declarations of interest made at it. */
import { stableId } from '../../../domain/stable-id.ts';
import type { MeetingRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { MeetingScope } from './meeting.ts';
import type { FileScope } from './scope.ts';

/** Minutes not yet on record, and every minute's resolutions and motions. Returns minute ids by number. */
export function recordMinutes(scope: FileScope, meeting: MeetingRecord, at: MeetingScope): Map<string, string> {
  const { ctx, batch, known, person } = scope;
  const { meetingId, agendaByNumber, atMeeting } = at;
  const minuteByNumber = known.minutes.get(meetingId) ?? new Map<string, string>();
  known.minutes.set(meetingId, minuteByNumber);
  meeting.minutes.forEach((minute, index) => {
    const minuteId = stableId('minute', meetingId, minute.number);
    if (!minuteByNumber.has(minute.number)) {
      const row = batch.add('minute', {
        id: minuteId,
        meeting_id: meetingId,
        number: minute.number,
        position: index + 1,
        title: minute.title,
        agenda_item_id: minute.agendaItemNumber ? (agendaByNumber.get(minute.agendaItemNumber) ?? null) : null,
        agenda_item_number: minute.agendaItemNumber ?? null,
        text: minute.text,
        exempt: minute.exempt,
        exempt_paragraphs: minute.exemptParagraphs,
        approves_meeting_date: minute.approvesMinutesOf ?? null,
        approves_meeting_id: null,
        application_reference: minute.applicationReference ?? null,
        ...sourceOf(ctx, minute),
      });
      if (row.approves_meeting_date) scope.approvals.push({ row, bodyId: at.bodyId });
    }
    // Resolutions and motions are keyed by their minute's id, so these go in even when the minute was on record.
    minute.resolutions.forEach((resolution, position) =>
      batch.add('resolution', {
        id: stableId('resolution', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: resolution.text,
        unanimous: resolution.unanimous,
      }),
    );
    minute.motions.forEach((motion, position) =>
      batch.add('motion', {
        id: stableId('motion', minuteId, position + 1),
        minute_id: minuteId,
        position: position + 1,
        text: motion.text ?? null,
        mover_id: motion.mover ? (person(motion.mover, atMeeting, motion.lineFrom) ?? null) : null,
        seconder_id: motion.seconder ? (person(motion.seconder, atMeeting, motion.lineFrom) ?? null) : null,
      }),
    );
  });
  for (const minute of meeting.minutes) {
    if (!minuteByNumber.has(minute.number)) minuteByNumber.set(minute.number, stableId('minute', meetingId, minute.number));
  }
  return minuteByNumber;
}

/** Declarations of interest, linked to their agenda item and minute where the paper gives them. */
export function recordDeclarations(scope: FileScope, meeting: MeetingRecord, at: MeetingScope, minuteByNumber: Map<string, string>): void {
  const { ctx, batch, person } = scope;
  meeting.declarations.forEach((declaration, index) => {
    const personId = person(declaration.name, at.atMeeting, declaration.lineFrom);
    if (!personId) return;
    batch.add('declaration', {
      id: stableId('declaration', at.meetingId, personId, declaration.minuteNumber, declaration.agendaItemNumber, index),
      meeting_id: at.meetingId,
      person_id: personId,
      agenda_item_id: declaration.agendaItemNumber ? (at.agendaByNumber.get(declaration.agendaItemNumber) ?? null) : null,
      minute_id: declaration.minuteNumber ? (minuteByNumber.get(declaration.minuteNumber) ?? null) : null,
      agenda_item_number: declaration.agendaItemNumber ?? null,
      kind: declaration.kind,
      reason: declaration.reason,
      ...sourceOf(ctx, declaration),
    });
  });
}
