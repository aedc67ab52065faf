import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Preparing agendas (issue 18 item 7, docs/back-office.md):
 * - standing_item: a body's standing items (apologies, declarations, the minutes of the last meeting), in order;
 *   every new meeting of the body starts its agenda with them.
 * - report_request: a report asked of an officer for an agenda item, by a deadline. What the officer submits stays
 *   here, never in `report`, until democratic services clear it: only then is it made the item's report, so the
 *   publication rule of the agenda (migration 20261207_1560) is the only rule that decides when the public sees it,
 *   and a report still being written or checked is not a public row anywhere. The officer is an account, named too
 *   (accounts are not exported, so the name keeps whom the request was for).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table standing_item (
  id text primary key,
  body_id text not null references body(id) on delete cascade,
  position integer not null check (position > 0),
  title text not null check (title <> '' and length(title) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index standing_item_body_idx on standing_item (body_id, position);

create table report_request (
  id text primary key,
  agenda_item_id text not null unique references agenda_item(id) on delete cascade,
  officer_account_id text not null,
  officer_name text not null,
  deadline date not null,
  note text,
  state text not null default 'requested' check (state in ('requested', 'submitted', 'returned', 'cleared')),
  submitted_text text,
  original_file_sha256 text references stored_file(sha256),
  original_filename text,
  original_media_type text,
  submitted_at timestamptz,
  returned_reason text,
  cleared_at timestamptz,
  report_id text references report(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state = 'requested' or submitted_text is not null),
  check (state <> 'returned' or returned_reason is not null),
  check (state <> 'cleared' or cleared_at is not null)
);
create index report_request_officer_idx on report_request (officer_account_id);
create index report_request_open_idx on report_request (deadline) where state in ('requested', 'returned');
`,
  );
  await addAuditTriggers(db, ['standing_item', 'report_request']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists report_request; drop table if exists standing_item;`);
}
