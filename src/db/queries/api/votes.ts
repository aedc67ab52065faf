/**
 * Recorded votes for the Popolo vote events: the public vote events (never one taken on an exempt minute or item),
 * each voter's vote, and the political group each voter belonged to on the day of the vote.
 */
import { sql } from 'kysely';
import { voteEventIsPublic } from './filters.ts';
import type { KeysetPage, KeysetWindow } from './committee.ts';
import type { Db } from '../../types.ts';

const voteEvents = (db: Db) =>
  db
    .selectFrom('public_vote_event as vote_event')
    .innerJoin('meeting', 'meeting.id', 'vote_event.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('public_minute as minute', 'minute.id', 'vote_event.minute_id')
    .select([
      'vote_event.id',
      'vote_event.meeting_id',
      'meeting.date',
      'meeting.start_time',
      'body.id as body_id',
      'body.name as body_name',
      'vote_event.minute_id',
      'minute.number as minute_number',
      'minute.title as minute_title',
      'minute.agenda_item_id',
      'vote_event.motion_text',
      'vote_event.mover_id',
      'vote_event.seconder_id',
      'vote_event.for_count',
      'vote_event.against_count',
      'vote_event.abstain_count',
      'vote_event.result',
      'vote_event.created_at',
      'vote_event.updated_at',
    ])
    .where(voteEventIsPublic('vote_event'));
export type VoteEventRow = Awaited<ReturnType<ReturnType<typeof voteEvents>['execute']>>[number];

export async function listVoteEventsForApi(db: Db, filter: { meetingId?: string; bodyId?: string }, window: KeysetWindow): Promise<KeysetPage<VoteEventRow>> {
  let query = voteEvents(db)
    .orderBy(sql`vote_event.id collate "C"`)
    .limit(window.limit + 1);
  if (filter.meetingId) query = query.where('vote_event.meeting_id', '=', filter.meetingId);
  if (filter.bodyId) query = query.where('body.id', '=', filter.bodyId);
  if (window.after !== undefined) query = query.where(sql<boolean>`vote_event.id collate "C" > ${window.after} collate "C"`);
  const rows = await query.execute();
  if (rows.length <= window.limit) return { rows };
  const page = rows.slice(0, window.limit);
  return { rows: page, nextAfter: page[page.length - 1]!.id };
}

export function findVoteEvent(db: Db, id: string) {
  return voteEvents(db).where('vote_event.id', '=', id).executeTakeFirst();
}

/** Every vote of the given events, with the voter's name parts and political group on the meeting's date. */
export async function votesOf(db: Db, voteEventIds: string[]) {
  if (voteEventIds.length === 0) return [];
  return db
    .selectFrom('public_vote as vote')
    .innerJoin('public_vote_event as vote_event', 'vote_event.id', 'vote.vote_event_id')
    .innerJoin('meeting', 'meeting.id', 'vote_event.meeting_id')
    .innerJoin('person', 'person.id', 'vote.person_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('group_membership')
          .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
          .select(['political_group.id as group_id', 'political_group.name as group_name'])
          .whereRef('group_membership.person_id', '=', 'vote.person_id')
          .where(sql<boolean>`(group_membership.start_date is null or group_membership.start_date <= meeting.date)`)
          .where(sql<boolean>`(group_membership.end_date is null or group_membership.end_date >= meeting.date)`)
          .orderBy('group_membership.start_date', 'desc')
          .limit(1)
          .as('voter_group'),
      (join) => join.onTrue(),
    )
    .select([
      'vote.vote_event_id',
      'vote.person_id',
      'vote.option',
      'vote.printed_name',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      'voter_group.group_id',
      'voter_group.group_name',
    ])
    .where('vote.vote_event_id', 'in', voteEventIds)
    .orderBy(sql`vote.person_id collate "C"`)
    .execute();
}
export type VoteRow = Awaited<ReturnType<typeof votesOf>>[number];
