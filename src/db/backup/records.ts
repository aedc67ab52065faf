/**
 * Whether a database holds records, asked the same way of both engines. A freshly migrated database is empty:
 * only the migration bookkeeping and the portal's and OParl's change counters have rows.
 */
const BOOKKEEPING_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'portal_data_version', 'portal_meeting_version', 'oparl_change']);

export type RowsQuery = <Row>(text: string) => Promise<Row[]>;

/** The tables of the public schema that hold at least one row, bookkeeping left out (none: the database is empty). */
export async function tablesWithRecords(query: RowsQuery): Promise<string[]> {
  const tables = await query<{ name: string }>(
    `select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    const rows = await query<{ has: boolean }>(`select exists (select 1 from public."${name.replaceAll('"', '""')}") as has`);
    if (rows[0]?.has) found.push(name);
  }
  return found;
}

export function describeRecords(tables: string[]): string {
  const shown = tables.slice(0, 5).join(', ');
  return tables.length > 5 ? `${shown} and ${tables.length - 5} more tables` : shown;
}
