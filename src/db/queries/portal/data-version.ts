/** The committee records' data version (migration 20261125_0401): bumped in the same commit as every change. */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

export async function currentDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('portal_data_version').select('version').executeTakeFirstOrThrow();
  return String(row.version);
}
