import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The import review (issue 17 item 4):
 * - source_text: each imported paper's lines as the reader produced them, so the review screen shows the text the
 *   records' line numbers point into, and a paper can be re-imported without its file. Like stored_file, a paper's
 *   text never changes, so it is not copied into audit_log (a paper weighs tens of kilobytes there).
 * - import_correction: what a democratic services officer corrected in a paper's extraction. Keyed by the paper's
 *   identity (the SHA-256 of its bytes) and the natural key of the record (the meeting's body and date, then a key
 *   per kind: a printed name, a minute number), never by generated ids, so a correction is applied again whenever
 *   the paper is imported again, also by a newer importer whose ids or line spans differ.
 * - paper_check: an officer has checked the paper's extraction.
 * - unrecognised_paper: a paper in which nothing was recognised, with why. Its records are not stored (so a later
 *   importer can try again), but the back office lists it with its outcome like every paper.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table source_text (
  id text primary key references source_document(id),
  lines text[] not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create function quorum_source_text_is_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'the text of an imported paper is never changed';
end $$;
create trigger source_text_immutable before update on source_text
  for each row execute function quorum_source_text_is_immutable();

create table import_correction (
  id text primary key,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  body_name text not null check (body_name <> ''),
  meeting_date date not null,
  kind text not null check (kind in ('person-link', 'vote-count', 'apology', 'minute-merge', 'minute-split')),
  record_key text not null check (record_key <> ''),
  value jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (content_hash, body_name, meeting_date, kind, record_key)
);
create index import_correction_paper_idx on import_correction (content_hash);

create table unrecognised_paper (
  id text primary key,
  content_hash text not null unique check (content_hash ~ '^[0-9a-f]{64}$'),
  file_name text not null,
  reason text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table paper_check (
  id text primary key,
  content_hash text not null unique check (content_hash ~ '^[0-9a-f]{64}$'),
  checked_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
`,
  );
  await addAuditTriggers(db, ['import_correction', 'paper_check', 'unrecognised_paper']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `drop table if exists unrecognised_paper; drop table if exists paper_check; drop table if exists import_correction; drop table if exists source_text;
     drop function if exists quorum_source_text_is_immutable() cascade;`,
  );
}
