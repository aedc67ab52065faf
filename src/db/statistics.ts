import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Refreshes the query planner's statistics of the tables that need it. The embedded engine has no autovacuum to do
 * it, and without them a query over a freshly imported archive can pick a plan hundreds of times slower (the portal
 * benchmark found one taking most of a second). Run after bulk writes and when the server starts.
 *
 * Only tables never analysed, or changed by more than a tenth of their rows (at least 50) since they were, are
 * analysed: PostgreSQL's own autovacuum rule (autovacuum_analyze_threshold 50, autovacuum_analyze_scale_factor 0.1).
 * A whole-database ANALYZE took 2.6 s at every start of a twenty-year archive (issue 23 item 5); an unchanged
 * archive now needs none. The counts come from the cumulative statistics, which the engine keeps across a clean
 * stop; after a crash they are gone, every table counts as never analysed, and the run is a full one, as before.
 * Returns the tables analysed.
 */
export async function refreshPlannerStatistics(db: Kysely<Database>): Promise<string[]> {
  // A backend publishes its change counts (an ANALYZE's own reset included) at the end of a statement at most once a
  // second, and the embedded engine has no idle loop to publish them later: without this, the counts read below can
  // be a statement old, and a table just analysed would be analysed again. The flush happens as this statement ends.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const stale = await sql<{ name: string }>`
    select quote_ident(schemaname) || '.' || quote_ident(relname) as name
    from pg_stat_user_tables
    where (last_analyze is null and last_autoanalyze is null and n_live_tup + n_mod_since_analyze > 0)
       or n_mod_since_analyze > greatest(50, n_live_tup / 10)
    order by relname`.execute(db);
  const names = stale.rows.map((row) => row.name);
  if (names.length) await sql.raw(`analyze ${names.join(', ')}`).execute(db);
  return names;
}
