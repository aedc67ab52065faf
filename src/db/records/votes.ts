/** Vote events of a meeting and the votes cast in them. */
import type { Db, NewRow } from '../types.ts';

export async function countVoteEvents(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_event')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertVoteEvent(db: Db, row: NewRow<'vote_event'>, votes: Array<NewRow<'vote'>>): Promise<void> {
  await db.insertInto('vote_event').values(row).execute();
  if (votes.length) await db.insertInto('vote').values(votes).execute();
}

export async function listMeetingVoteEvents(db: Db, meetingId: string) {
  return db.selectFrom('vote_event').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').execute();
}

export async function listVotes(db: Db, eventIds: string[]) {
  if (!eventIds.length) return [];
  return db.selectFrom('vote').selectAll().where('vote_event_id', 'in', eventIds).orderBy('printed_name').execute();
}
