import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

/**
 * A value that changes whenever any audited record changes: every write appends to audit_log, which is never updated
 * or deleted. The count is part of it because identity values are handed out before commit, so a transaction that
 * commits late can add a row below the highest id.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await sql<{ version: string }>`select count(*)::text || '.' || coalesce(max(id), 0)::text as version from audit_log`.execute(db);
  return row.rows[0]?.version ?? '0.0';
}
