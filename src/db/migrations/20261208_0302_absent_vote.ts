import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A roll call names the members absent or excused, and those who recused themselves or did not vote, beside the
 * ayes and nays (issue 17). They are recorded as votes with the options `absent` and `not_voting`
 * (`src/domain/vote-options.ts`, Popolo's "absent" and "not voting") so the roll call reads as printed; they are not
 * votes cast, so a vote event's counts, which only count for, against and abstain, are unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table vote drop constraint if exists vote_option_check;
alter table vote add constraint vote_option_check check (option in ('for', 'against', 'abstain', 'absent', 'not_voting'));
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
delete from vote where option in ('absent', 'not_voting');
alter table vote drop constraint if exists vote_option_check;
alter table vote add constraint vote_option_check check (option in ('for', 'against', 'abstain'));
`,
  );
}
