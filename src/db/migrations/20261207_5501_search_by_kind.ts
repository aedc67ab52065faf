import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Searches within one kind of record read only that kind (issue 23 item 2, issue 19 item 4). The one GIN index of
 * every kind could not filter by kind: counting a common word among agenda items read matches of every kind from
 * the table, or (the planner's choice when it expected many) the whole table, so it grew with the archive.
 *
 * - A partial GIN index per kind: a search filtered to one kind finds, counts and rechecks that kind's matches only.
 * - A btree on (kind, date desc, record_id): a broad search within one kind reads that kind's newest records in
 *   order until it has a page (the all-kinds search uses search_document_recent_idx the same way).
 *
 * The kinds are those of migration 20261207_2701, written out so that this migration stays as it ran.
 */
const KINDS = ['meeting', 'agenda-item', 'report', 'minute', 'decision', 'person', 'recommendation', 'response', 'plan-action', 'indicator', 'body'];

const indexName = (kind: string) => `search_document_gin_${kind.replace(/-/g, '_')}_idx`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    [
      ...KINDS.map((kind) => `create index if not exists ${indexName(kind)} on search_document using gin (document) where kind = '${kind}';`),
      'create index if not exists search_document_kind_recent_idx on search_document (kind, date desc nulls last, record_id);',
      'analyze search_document;',
    ].join('\n'),
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    ['drop index if exists search_document_kind_recent_idx;', ...KINDS.map((kind) => `drop index if exists ${indexName(kind)};`)].join('\n'),
  );
}
