/**
 * A recorded vote as a Popolo VoteEvent (http://www.popoloproject.com/specs/vote-event.html): the motion, the
 * counts, each member's vote, and the counts of each political group. Popolo's options are "yes", "no",
 * "abstain", "absent" and "not voting"; its results "pass" and "fail". The council's own wording of the result stays
 * in `quorum:result`. A member a roll call names as absent or not voting is among the votes with that option, but is
 * no vote cast: the counts, the event's and each group's, are of yes, no and abstain only (src/domain/vote-options.ts).
 */
import { z } from 'zod';
import { formatName } from '../../domain/person-name.ts';
import type { VoteEventRow, VoteRow } from '../../db/queries/api/votes.ts';
import type { AbsoluteLink } from '../links.ts';
import { londonDateTime } from '../../domain/dates.ts';
import { CAST_VOTE_OPTIONS, isCastVote, PUBLISHED_VOTE_OPTIONS, publishedVoteOption } from '../../domain/vote-options.ts';

const PopoloOption = z.enum(PUBLISHED_VOTE_OPTIONS);
/** Counts are of votes cast. */
const CAST = CAST_VOTE_OPTIONS.map(publishedVoteOption) as Array<'yes' | 'no' | 'abstain'>;
type CastOption = (typeof CAST)[number];
const CountSchema = z.object({ option: PopoloOption, value: z.int().min(0) });

export const PopoloVoteEventSchema = z
  .object({
    id: z.string().describe('The vote event id'),
    identifier: z.string().nullable().describe('The minute number the vote was recorded under'),
    motion: z.object({
      text: z.string().nullable().describe('The motion voted on, as the minutes print it'),
      date: z.string().describe("Popolo's date-time: the meeting's start with the Europe/London offset, or its midnight when no start time is recorded"),
      organization_id: z.string(),
      creator_id: z.string().nullable().describe('The mover'),
      'quorum:seconder_id': z.string().nullable(),
    }),
    start_date: z.string().describe('Date, or date and time with the Europe/London offset when the start time is known'),
    organization_id: z.string().describe('The body that voted'),
    legislative_session_id: z.string().describe('The meeting'),
    result: z.enum(['pass', 'fail']).nullable(),
    'quorum:result': z.string().describe("The council's wording, such as Carried or Lost"),
    counts: z.array(CountSchema),
    votes: z.array(
      z.object({
        voter_id: z.string(),
        voter: z.object({ id: z.string(), name: z.string() }),
        option: PopoloOption,
        group_id: z.string().nullable().describe("The voter's political group on the day, when known"),
      }),
    ),
    group_results: z.array(
      z.object({
        group: z.object({ id: z.string(), name: z.string() }),
        result: z
          .enum(['pass', 'fail', 'tie'])
          .describe("The group's own result: pass when more of its members voted yes than no, fail when more voted no, tie otherwise"),
        counts: z.array(CountSchema),
      }),
    ),
    links: z.object({ self: z.string(), meeting: z.string(), oparlMeeting: z.string(), oparlAgendaItem: z.string().nullable() }),
  })
  .meta({ title: 'PopoloVoteEvent', description: 'A recorded vote as a Popolo VoteEvent' });
export type PopoloVoteEvent = z.infer<typeof PopoloVoteEventSchema>;

/** A group's result (Popolo's group_result.result is required): its yes and no votes compared. */
function groupResult(counts: Record<CastOption, number>): 'pass' | 'fail' | 'tie' {
  return counts.yes > counts.no ? 'pass' : counts.no > counts.yes ? 'fail' : 'tie';
}

/** "Carried" and "Agreed" pass; "Lost", "Defeated" and "Not carried" fail; anything else is left unjudged. */
export function popoloResult(result: string): 'pass' | 'fail' | null {
  const text = result.trim().toLowerCase();
  if (/^(not carried|lost|defeated|rejected|fell)\b/.test(text)) return 'fail';
  if (/^(carried|agreed|passed|approved|adopted)\b/.test(text)) return 'pass';
  return null;
}

export function presentVoteEvent(link: AbsoluteLink, event: VoteEventRow, votes: VoteRow[]): PopoloVoteEvent {
  const groups = new Map<string, { name: string; counts: Record<CastOption, number> }>();
  for (const vote of votes) {
    if (!vote.group_id || !isCastVote(vote.option)) continue;
    const entry = groups.get(vote.group_id) ?? { name: vote.group_name ?? vote.group_id, counts: { yes: 0, no: 0, abstain: 0 } };
    entry.counts[publishedVoteOption(vote.option) as CastOption] += 1;
    groups.set(vote.group_id, entry);
  }
  const start = event.start_time ? londonDateTime(event.date, event.start_time) : event.date;
  return {
    id: event.id,
    identifier: event.minute_number,
    motion: {
      text: event.motion_text,
      date: londonDateTime(event.date, event.start_time ?? '00:00'),
      organization_id: event.body_id,
      creator_id: event.mover_id,
      'quorum:seconder_id': event.seconder_id,
    },
    start_date: start,
    organization_id: event.body_id,
    legislative_session_id: event.meeting_id,
    result: popoloResult(event.result),
    'quorum:result': event.result,
    counts: [
      { option: 'yes', value: event.for_count },
      { option: 'no', value: event.against_count },
      { option: 'abstain', value: event.abstain_count },
    ],
    votes: votes.map((vote) => ({
      voter_id: vote.person_id,
      voter: {
        id: vote.person_id,
        name: formatName({
          honorific: vote.honorific ?? undefined,
          givenName: vote.given_name ?? undefined,
          initials: vote.initials,
          familyName: vote.family_name,
          postNominals: vote.post_nominals,
        }),
      },
      option: publishedVoteOption(vote.option),
      group_id: vote.group_id,
    })),
    group_results: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, group]) => ({
        group: { id, name: group.name },
        result: groupResult(group.counts),
        counts: CAST.map((option) => ({ option, value: group.counts[option] })),
      })),
    links: {
      self: link('api.voteEvent', { id: event.id }),
      meeting: link('api.meeting', { id: event.meeting_id }),
      oparlMeeting: link('oparl.meeting', { id: event.meeting_id }),
      oparlAgendaItem: event.agenda_item_id ? link('oparl.agendaItem', { id: event.agenda_item_id }) : null,
    },
  };
}
