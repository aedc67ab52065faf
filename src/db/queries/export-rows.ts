/**
 * Whole-table reads and keyed inserts for the export sections that copy a table row for row
 * (services/export/table-section.ts). No rules here: which tables, which rows and in what order are the services'.
 */
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../types.ts';

export type TableName = keyof Database;
export type PlainRow = Record<string, unknown>;

/** Rows per insert, as for the committee records (queries/export.ts). */
const INSERT_CHUNK = 500;

/** Every row of each table, unordered (the exporter sorts by code point so both engines agree). */
export async function readWholeTables(db: Db, tables: readonly TableName[]): Promise<Record<string, PlainRow[]>> {
  const rows: Record<string, PlainRow[]> = {};
  for (const table of tables) {
    rows[table] = (await (db as unknown as Kysely<any>).selectFrom(table).selectAll().execute()) as PlainRow[];
  }
  return rows;
}

/** The tables of this database (information_schema), for the test that no table is forgotten by the export. */
export async function listDatabaseTables(db: Db): Promise<string[]> {
  const result = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return result.rows.map((row) => row.table_name).sort();
}

/** The columns of one table, in the database's order. */
export async function listTableColumns(db: Db, table: string): Promise<string[]> {
  const result = await sql<{
    column_name: string;
  }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return result.rows.map((row) => row.column_name);
}

export interface KeyedInsert {
  table: TableName;
  rows: PlainRow[];
  /** The columns that say "this row is already there". */
  key: readonly string[];
  /** The key is a `generated always as identity` column: write the exported value, then move the sequence past it. */
  identity?: string;
}

/**
 * Inserts the rows whose key is not yet in the table; returns how many were new. Rows already present are filtered
 * out before the insert rather than left to `on conflict`, because a BEFORE INSERT trigger (the approved-minutes lock)
 * fires even for a row the conflict clause would then drop.
 */
export async function insertMissingKeyedRows(trx: Transaction<Database>, spec: KeyedInsert): Promise<number> {
  const db = trx as unknown as Kysely<any>;
  let inserted = 0;
  const keyOf = (row: PlainRow) => JSON.stringify(spec.key.map((column) => String(row[column])));
  for (let start = 0; start < spec.rows.length; start += INSERT_CHUNK) {
    const chunk = spec.rows.slice(start, start + INSERT_CHUNK);
    const first = spec.key[0]!;
    const existing = await db
      .selectFrom(spec.table)
      .select(spec.key as string[])
      .where(sql.ref(first), 'in', [...new Set(chunk.map((row) => row[first]))])
      .execute();
    const present = new Set(existing.map((row) => keyOf(row as PlainRow)));
    const missing = chunk.filter((row) => !present.has(keyOf(row)));
    if (missing.length === 0) continue;
    const query = db
      .insertInto(spec.table)
      .values(missing)
      .onConflict((oc) => oc.columns(spec.key as string[]).doNothing());
    let compiled = query.compile();
    if (spec.identity) {
      // Kysely has no `overriding system value`; it goes between the column list and `values`.
      compiled = CompiledQuery.raw(compiled.sql.replace(/\) values \(/, ') overriding system value values ('), [...compiled.parameters]);
    }
    const result = await trx.executeQuery(compiled);
    inserted += Number(result.numAffectedRows ?? 0n);
  }
  if (spec.identity && spec.rows.length > 0) {
    await sql`select setval(pg_get_serial_sequence(${spec.table}, ${spec.identity}), greatest((select max(${sql.ref(spec.identity)}) from ${sql.table(spec.table)}), 1))`.execute(
      trx,
    );
  }
  return inserted;
}
