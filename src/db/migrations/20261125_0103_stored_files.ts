import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Uploaded files (receipts, report originals), stored once by the SHA-256 of their bytes. A file's content never
 * changes and is never deleted, so it is not copied into audit_log (a receipt would weigh megabytes there): the
 * audited record is the row that links a file to its claim or report, with its name and media type.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table stored_file (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  byte_size integer not null check (byte_size = octet_length(content)),
  created_at timestamptz not null default now()
);
create function quorum_stored_file_is_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'stored files are never changed or deleted';
end $$;
create trigger stored_file_immutable before update or delete on stored_file
  for each row execute function quorum_stored_file_is_immutable();
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists stored_file; drop function if exists quorum_stored_file_is_immutable() cascade;`);
}
