import { sql, type Kysely } from 'kysely';

/**
 * Plan actions read from prose (a cabinet report's "Two actions, 19.01 and 20.5, have been completed"; a lettered
 * list of "The Council will ... by March 2013") carry a status and may belong to no outcome: such a plan prints no
 * priorities or outcomes, only actions. The status is the small checked set of src/domain/plans/action-status.ts,
 * as the paper stated it (the source lines say which paper); progress reported later stays in plan_progress_update.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan_action alter column outcome_id drop not null`.execute(db);
  await sql`alter table plan_action add column status text
    check (status in ('completed', 'in-progress', 'outstanding', 'not-started', 'cancelled'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table plan_action drop column status`.execute(db);
  await sql`delete from plan_action where outcome_id is null`.execute(db);
  await sql`alter table plan_action alter column outcome_id set not null`.execute(db);
}
