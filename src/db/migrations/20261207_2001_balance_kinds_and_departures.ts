import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Political balance by the statute's own sorting of bodies, and departures recorded with their vote.
 * - balance_body.kind: what Schedule 1 LGHA 1989 makes of the body. Rule (c) of s.15(5) counts only ordinary
 *   committees; sub-committees and advisory committees are balanced one by one; joint committees and outside bodies
 *   only where the council fills three or more of their seats (Sch.1 para 1(c)). Existing rows: sub-committees as
 *   such, every other body as an ordinary committee (an officer corrects any that is not).
 * - balance_agreement: a departure from the rules under s.17, which the council may make only with no member voting
 *   against: the votes for, against (always 0) and abstaining. Rows recorded before this migration keep no vote.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table balance_body add column kind text not null default 'committee'
  check (kind in ('committee', 'sub-committee', 'advisory-committee', 'joint-committee', 'outside-body'));
update balance_body set kind = 'sub-committee' where id in (select id from body where kind = 'sub-committee');
alter table balance_agreement add column votes_for integer check (votes_for >= 1);
alter table balance_agreement add column votes_against integer check (votes_against = 0);
alter table balance_agreement add column votes_abstained integer check (votes_abstained >= 0);
alter table balance_agreement add constraint balance_agreement_vote_whole
  check ((votes_for is null) = (votes_against is null) and (votes_for is null) = (votes_abstained is null));
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table balance_agreement drop constraint if exists balance_agreement_vote_whole;
alter table balance_agreement drop column if exists votes_abstained;
alter table balance_agreement drop column if exists votes_against;
alter table balance_agreement drop column if exists votes_for;
alter table balance_body drop column if exists kind;
`,
  );
}
