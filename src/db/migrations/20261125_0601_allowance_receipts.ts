import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The ticket or receipt a claim at cost is made with: the uploaded file (stored_file, by hash), its name and media
 * type as sniffed from its bytes. One per claim; audited like the claim.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table allowance_claim_receipt (
  -- The claim's id with a suffix: audit_log finds records by their id column.
  id text primary key,
  claim_id text not null unique references allowance_claim(id),
  file_sha256 text not null references stored_file(sha256),
  filename text not null,
  media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
  byte_size integer not null,
  uploaded_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
`,
  );
  await addAuditTriggers(db, ['allowance_claim_receipt']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists allowance_claim_receipt;`);
}
