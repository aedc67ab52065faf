import { sql, type Kysely } from 'kysely';

/**
 * A question printed without whom it is put to ("Question by Councillor A - ..." on an agenda, answered at the
 * meeting by whoever the chair calls) is still the member's question: the person asked may be unknown (null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table question alter column asked_to_id drop not null`.execute(db);
}

/** The older schema cannot hold a question put to no one: such questions are removed before the column is required. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from question where asked_to_id is null`.execute(db);
  await sql`alter table question alter column asked_to_id set not null`.execute(db);
}
