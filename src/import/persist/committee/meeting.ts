/**
 * One meeting of a paper, step by step: the meeting, its agenda, who attended (people at the meeting first, so later
 * short forms resolve against them), then its minutes, declarations, votes and questions.
 */
import type { NewRow } from '../../../db/types.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { MeetingRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { PersonContext } from '../people.ts';
import { recordAttendance, recordOfficers } from './attendance.ts';
import { meetingKey } from './known.ts';
import { recordDeclarations, recordMinutes } from './minutes.ts';
import { recordQuestions } from './questions.ts';
import type { FileScope } from './scope.ts';
import { recordVotes } from './votes.ts';

/** What the steps after attendance need of the meeting. */
export interface MeetingScope {
  meetingId: string;
  bodyId: string;
  agendaByNumber: Map<string, string>;
  /** Members at the meeting, preferred when a short form could mean several people. */
  atMeeting: PersonContext;
}

export function persistMeeting(scope: FileScope, meeting: MeetingRecord, bodyId: string): void {
  const meetingId = recordMeeting(scope, meeting, bodyId);
  const agendaByNumber = recordAgendaItems(scope, meeting, meetingId);
  const presentIds = recordAttendance(scope, meeting, meetingId);
  recordOfficers(scope, meeting);
  scope.ctx.people.stage();
  const at: MeetingScope = { meetingId, bodyId, agendaByNumber, atMeeting: { kind: 'member', preferIds: presentIds, presentOnly: true } };
  const minuteByNumber = recordMinutes(scope, meeting, at);
  scope.ctx.people.stage();
  recordDeclarations(scope, meeting, at, minuteByNumber);
  recordVotes(scope, meeting, at, minuteByNumber);
  recordQuestions(scope, meeting, meetingId);
  scope.ctx.people.stage();
}

/** The meeting's row, or, when another paper already told us about it, what this one adds (changing nothing it said). */
function recordMeeting(scope: FileScope, meeting: MeetingRecord, bodyId: string): string {
  const { ctx, batch, known } = scope;
  const key = meetingKey(bodyId, meeting.date);
  const existing = known.meetings.get(key);
  if (existing) {
    const changes: Partial<NewRow<'meeting'>> = {};
    if (!existing.start_time && meeting.startTime) changes.start_time = meeting.startTime;
    if (!existing.end_time && meeting.endTime) changes.end_time = meeting.endTime;
    if (!existing.location && meeting.location) changes.location = meeting.location;
    if (meeting.kind && meeting.kind !== 'ordinary' && existing.kind === 'ordinary') changes.kind = meeting.kind;
    Object.assign(existing, changes);
    if (existing.row) Object.assign(existing.row, changes);
    else batch.changeMeeting(existing.id, changes);
    return existing.id;
  }
  const meetingId = stableId('meeting', bodyId, meeting.date);
  const row = batch.add('meeting', {
    id: meetingId,
    body_id: bodyId,
    date: meeting.date,
    start_time: meeting.startTime ?? null,
    end_time: meeting.endTime ?? null,
    location: meeting.location ?? null,
    kind: meeting.kind ?? 'ordinary',
    status: 'held',
    ...sourceOf(ctx, meeting),
  });
  known.meetings.set(key, {
    id: meetingId,
    start_time: row.start_time ?? null,
    end_time: row.end_time ?? null,
    location: row.location ?? null,
    kind: row.kind ?? 'ordinary',
    row,
  });
  return meetingId;
}

/** Agenda items: an item number already recorded for the meeting keeps its record. Returns item ids by number. */
function recordAgendaItems(scope: FileScope, meeting: MeetingRecord, meetingId: string): Map<string, string> {
  const { ctx, batch, known } = scope;
  const agendaItems = known.agendaItems.get(meetingId) ?? [];
  known.agendaItems.set(meetingId, agendaItems);
  meeting.agendaItems.forEach((item, index) => {
    if (agendaItems.some((recorded) => recorded.number === item.number)) return;
    const row = batch.add('agenda_item', {
      id: stableId('agenda-item', meetingId, item.number),
      meeting_id: meetingId,
      number: item.number,
      position: index + 1,
      title: item.title,
      description: item.description ?? null,
      page_from: item.pageFrom ?? null,
      page_to: item.pageTo ?? null,
      exempt: item.exempt,
      exempt_paragraphs: item.exemptParagraphs,
      report_id: null,
      kind: item.kind ?? 'item',
      ...sourceOf(ctx, item),
    });
    agendaItems.push({ id: row.id, number: row.number, title: row.title, report_id: null, row });
  });
  const byNumber = new Map(agendaItems.map((item) => [item.number, item.id]));
  recordNoticesOfMotion(scope, meeting, byNumber);
  return byNumber;
}

/**
 * The notices of motion printed under agenda items: keyed by the item, so an item already on record gains them too.
 * Movers are members of the council, not necessarily of this meeting's body (a council agenda precedes the
 * meeting, so no attendance is known yet). No result: a notice has not been debated.
 */
function recordNoticesOfMotion(scope: FileScope, meeting: MeetingRecord, byNumber: Map<string, string>): void {
  const { batch, person } = scope;
  for (const item of meeting.agendaItems) {
    const agendaItemId = byNumber.get(item.number);
    if (!agendaItemId) continue;
    (item.motions ?? []).forEach((motion, position) =>
      batch.add('motion', {
        id: stableId('motion', agendaItemId, position + 1),
        minute_id: null,
        agenda_item_id: agendaItemId,
        position: position + 1,
        text: motion.text ?? null,
        mover_id: motion.mover ? (person(motion.mover, { kind: 'member' }, motion.lineFrom) ?? null) : null,
        seconder_id: motion.seconder ? (person(motion.seconder, { kind: 'member' }, motion.lineFrom) ?? null) : null,
        result: null,
      }),
    );
  }
}
