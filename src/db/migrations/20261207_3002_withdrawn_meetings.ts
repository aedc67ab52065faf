import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A withdrawn meeting (migration 20261207_3001) is not public as an OParl Meeting: public_withdrawal lists it, so
 * the API answers its id as a deleted object (OParl 1.1 section 2.8) and mirrors drop their copy. Its papers were
 * withdrawn with it, so they are listed already. The view is the one of migration 20261207_1560 plus that branch.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, WITH_MEETINGS);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, ORIGINAL);
}

const ORIGINAL = `
create or replace view public_withdrawal as
select 'agenda-item'::text as kind, a.id as record_id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at) as modified
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
 where not s.agenda_public
union all
select 'report', r.id, r.authority_id, r.created_at,
       greatest(r.updated_at, (select max(greatest(a.updated_at, s.changed_at)) from agenda_item a
                                 join public_paper_state s on s.meeting_id = a.meeting_id where a.report_id = r.id))
  from report r
 where not exists (select 1 from public_report p where p.id = r.id)
union all
select 'consultation', a.id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at, r.updated_at)
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
  join report r on r.id = a.report_id
 where not exists (select 1 from public_agenda_item pa join public_report pr on pr.id = pa.report_id where pa.id = a.id);
`;

const WITH_MEETINGS = `
create or replace view public_withdrawal as
select 'agenda-item'::text as kind, a.id as record_id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at) as modified
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
 where not s.agenda_public
union all
select 'report', r.id, r.authority_id, r.created_at,
       greatest(r.updated_at, (select max(greatest(a.updated_at, s.changed_at)) from agenda_item a
                                 join public_paper_state s on s.meeting_id = a.meeting_id where a.report_id = r.id))
  from report r
 where not exists (select 1 from public_report p where p.id = r.id)
union all
select 'consultation', a.id, b.authority_id, a.created_at,
       greatest(a.updated_at, s.changed_at, r.updated_at)
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
  join meeting m on m.id = a.meeting_id join body b on b.id = m.body_id
  join report r on r.id = a.report_id
 where not exists (select 1 from public_agenda_item pa join public_report pr on pr.id = pa.report_id where pa.id = a.id)
union all
select 'meeting', m.id, b.authority_id, m.created_at, m.updated_at
  from meeting m join body b on b.id = m.body_id
 where m.withdrawn_at is not null;
`;
