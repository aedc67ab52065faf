import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Refreshes the query planner's statistics. The embedded engine has no autovacuum to do it, and without them a
 * query over a freshly imported archive can pick a plan hundreds of times slower (the portal benchmark found one
 * taking most of a second). Run after bulk writes and when the server starts.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
