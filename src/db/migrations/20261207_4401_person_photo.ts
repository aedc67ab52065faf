import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Councillors' photos (issue 19 item 1), uploaded in the back office. The image bytes are stored files (migration
 * 20261125_0103: content-addressed, never changed, not copied into audit_log); these two small tables say whose
 * photo it is, its alt text, and which stored file is each resized copy, so every app process serves the same photo.
 * - person_photo: one per person, with the text read out instead of the picture.
 * - person_photo_file: each copy, by width and format (src/domain/members/photo.ts lists them).
 * Both are audited and bump the portal's data version, so a new photo shows on the next page view.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table person_photo (
  person_id text primary key references person(id) on delete cascade,
  alt_text text not null check (btrim(alt_text) <> '' and length(alt_text) <= 250),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table person_photo_file (
  person_id text not null references person_photo(person_id) on delete cascade,
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  format text not null check (format in ('webp', 'jpeg')),
  sha256 text not null references stored_file(sha256),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (person_id, width, format)
);
create index person_photo_file_sha256_idx on person_photo_file (sha256);
`,
  );
  await addAuditTriggers(db, ['person_photo', 'person_photo_file']);
  for (const table of ['person_photo', 'person_photo_file']) {
    await runSqlScript(
      db,
      `create trigger ${table}_portal_version after insert or update or delete or truncate on ${table} for each statement execute function portal_bump_data_version();`,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists person_photo_file; drop table if exists person_photo;`);
}
