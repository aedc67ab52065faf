import { sql, type Kysely } from 'kysely';

/**
 * A tied vote decided by the chair's casting vote: who cast it (a voting record's "Casting vote" row). The chair's
 * ordinary vote stays among the votes; the casting vote is a second vote, so it is a column of the vote event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table vote_event add column casting_voter_id text references person(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table vote_event drop column casting_voter_id`.execute(db);
}
