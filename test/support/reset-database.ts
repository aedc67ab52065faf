import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/engine.ts';

/** Tables a fresh database already fills (the migrations' bookkeeping): kept by resetDatabase. */
const KEPT = new Set(['kysely_migration', 'kysely_migration_lock', 'portal_data_version']);

/**
 * Empties every table a test may have written, so one migrated database serves many imports (opening a fresh
 * embedded database costs about a second). TRUNCATE fires no row triggers, so the append-only audit log allows it.
 */
export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public'`.execute(handle.db);
  const names = tables.rows.map((row) => row.tablename).filter((name) => !KEPT.has(name));
  if (names.length === 0) return;
  await sql`truncate table ${sql.join(names.map((name) => sql.table(name)))} restart identity cascade`.execute(handle.db);
}
