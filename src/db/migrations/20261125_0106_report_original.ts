import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A report uploaded as PDF or DOCX keeps its original file (stored_file, migration 0103) beside the text read from
 * it: the text serves search, the pages and the agenda pack; the original is what the public downloads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table report add column original_file_sha256 text references stored_file(sha256);
alter table report add column original_filename text;
alter table report add column original_media_type text check (original_media_type in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `alter table report drop column original_file_sha256; alter table report drop column original_filename; alter table report drop column original_media_type;`,
  );
}
