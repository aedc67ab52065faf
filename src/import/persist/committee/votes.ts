/** A meeting's recorded votes: the vote and how each member voted (a name listed twice counts once, with a warning). */
import { stableId } from '../../../domain/stable-id.ts';
import type { MeetingRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { MeetingScope } from './meeting.ts';
import type { FileScope } from './scope.ts';

export function recordVotes(scope: FileScope, meeting: MeetingRecord, at: MeetingScope, minuteByNumber: Map<string, string>): void {
  const { ctx, batch, issues, person } = scope;
  const { meetingId, atMeeting } = at;
  meeting.voteEvents.forEach((event, index) => {
    const eventId = stableId('vote-event', meetingId, event.minuteNumber, index + 1);
    batch.add('vote_event', {
      id: eventId,
      meeting_id: meetingId,
      minute_id: event.minuteNumber ? (minuteByNumber.get(event.minuteNumber) ?? null) : null,
      motion_text: event.motionText ?? null,
      mover_id: event.mover ? (person(event.mover, atMeeting, event.lineFrom) ?? null) : null,
      seconder_id: event.seconder ? (person(event.seconder, atMeeting, event.lineFrom) ?? null) : null,
      for_count: event.forCount,
      against_count: event.againstCount,
      abstain_count: event.abstainCount,
      result: event.result,
      casting_voter_id: event.castingVoter ? (person(event.castingVoter, atMeeting, event.lineFrom) ?? null) : null,
      ...sourceOf(ctx, event),
    });
    const seen = new Set<string>();
    for (const vote of event.votes) {
      const personId = person(vote.name, atMeeting, event.lineFrom);
      if (!personId) continue;
      if (seen.has(personId)) {
        issues.push({ severity: 'warning', line: event.lineFrom, message: `"${vote.name.printed}" is listed twice in the recorded vote; counted once.` });
        continue;
      }
      seen.add(personId);
      batch.addVote({ vote_event_id: eventId, person_id: personId, option: vote.option, printed_name: vote.name.printed });
    }
  });
}
