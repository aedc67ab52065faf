import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * What `quorum import --oparl URL` remembers of each OParl server it copies (issue 21 item 5).
 *
 * `oparl_source`: one row per System (or Body) URL, with the server time a complete run started. The next run asks
 * every list for `modified_since` that time (OParl 1.1 section 2.10); a run that stops part way leaves it as it was,
 * so the re-run walks the same window again and nothing changed in between is missed.
 *
 * `oparl_record`: each OParl object copied, keyed by its id URL (OParl's ids are URLs, unique across servers), with
 * the local record it became and the `modified` it had. A re-run finds the object by its URL, so it creates nothing
 * new, and skips the write when `modified` is unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `create table oparl_source (
       id text primary key,
       url text not null unique,
       synced_from timestamptz,
       last_run_started_at timestamptz,
       last_run_completed_at timestamptz,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     );
     create table oparl_record (
       source_id text not null references oparl_source(id) on delete cascade,
       oparl_id text not null,
       oparl_type text not null,
       local_table text not null,
       local_id text not null,
       modified text,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       primary key (source_id, oparl_id)
     );
     create index oparl_record_local on oparl_record (local_table, local_id);`,
  );
  await addAuditTriggers(db, ['oparl_source', 'oparl_record']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, 'drop table if exists oparl_record; drop table if exists oparl_source;');
}
