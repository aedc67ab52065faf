import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Members as democratic services keep them (issue 18 item 2, issue 19 items 1-2):
 * - wards (electoral divisions), each member representing one, with their term of office and public contact details;
 * - a committee's terms of reference and its clerk, shown on its public page;
 * - "absent" in attendance: a member expected at the meeting who neither came nor sent apologies, so the attendance
 *   grid can say so rather than leave the member out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table ward (
  id text primary key,
  authority_id text not null references authority(id),
  name text not null check (name <> ''),
  slug text not null check (slug <> ''),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (authority_id, name),
  unique (authority_id, slug)
);

alter table person add column ward_id text references ward(id);
alter table person add column term_start date;
alter table person add column term_end date;
alter table person add column phone text;
alter table person add column address text;
alter table person add constraint person_term_check check (term_end is null or term_start is null or term_end >= term_start);
create index person_ward_idx on person (ward_id) where ward_id is not null;

alter table body add column terms_of_reference text not null default '';
alter table body add column clerk_name text;
alter table body add column clerk_email text;
alter table body add column clerk_phone text;

alter table attendance drop constraint if exists attendance_status_check;
alter table attendance add constraint attendance_status_check
  check (status in ('present', 'apologies', 'absent', 'substitute', 'also-present', 'in-attendance'));
`,
  );
  await addAuditTriggers(db, ['ward']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
delete from attendance where status = 'absent';
alter table attendance drop constraint if exists attendance_status_check;
alter table attendance add constraint attendance_status_check
  check (status in ('present', 'apologies', 'substitute', 'also-present', 'in-attendance'));
alter table body drop column if exists clerk_phone;
alter table body drop column if exists clerk_email;
alter table body drop column if exists clerk_name;
alter table body drop column if exists terms_of_reference;
alter table person drop constraint if exists person_term_check;
alter table person drop column if exists address;
alter table person drop column if exists phone;
alter table person drop column if exists term_end;
alter table person drop column if exists term_start;
alter table person drop column if exists ward_id;
drop table if exists ward;
`,
  );
}
