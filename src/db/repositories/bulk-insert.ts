/**
 * The importers' writes: multi-row INSERTs that leave rows whose key already exists as they are (import ids are
 * stable, so importing again adds nothing), counting what was new. Statements, not rows, were most of an import's
 * cost, so insertNewMany puts several tables in one statement.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow } from '../types.ts';

type TableName = keyof Database & string;

export interface InsertPart<T extends TableName = TableName> {
  table: T;
  rows: Array<NewRow<T>>;
}

/** Well under the protocol's 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

/** Inserts rows in multi-row statements; rows whose key already exists are left as they are. Returns how many were created. */
export async function insertNew<T extends TableName>(db: Db, table: T, rows: Array<NewRow<T>>): Promise<number> {
  const [created] = await insertNewMany(db, [{ table, rows } as InsertPart]);
  return created!;
}

/**
 * Inserts into several tables in as few statements as the parameter limit allows: each table's rows are one
 * data-modifying WITH clause of a single statement. Parts go in dependency order; foreign keys (and the AFTER row
 * triggers) are checked at the end of each statement, so one statement may hold parents and their children. Returns
 * how many rows each part added.
 */
export async function insertNewMany(db: Db, parts: InsertPart[]): Promise<number[]> {
  const counts = parts.map(() => 0);
  let statement: Array<{ part: number; rows: object[] }> = [];
  let parameters = 0;
  const run = async () => {
    if (statement.length === 0) return;
    const inserts = statement.map(({ part, rows }) =>
      (db as Kysely<Database>)
        .insertInto(parts[part]!.table)
        .values(rows as never)
        .onConflict((oc) => oc.doNothing())
        .returning(sql<number>`1`.as('one')),
    );
    if (inserts.length === 1) {
      counts[statement[0]!.part]! += (await inserts[0]!.execute()).length;
    } else {
      const clauses = inserts.map((insert, index) => sql`${sql.id(`w${index}`)} as (${insert})`);
      const tallies = statement.map((_, index) => sql`(select count(*)::int from ${sql.id(`w${index}`)}) as ${sql.id(`w${index}`)}`);
      const result = await sql<Record<string, number>>`with ${sql.join(clauses)} select ${sql.join(tallies)}`.execute(db);
      const row = result.rows[0]!;
      statement.forEach(({ part }, index) => (counts[part]! += Number(row[`w${index}`] ?? 0)));
    }
    statement = [];
    parameters = 0;
  };
  for (const [part, { rows }] of parts.entries()) {
    if (rows.length === 0) continue;
    const width = new Set(rows.flatMap((row) => Object.keys(row))).size;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
    for (let start = 0; start < rows.length; ) {
      if (parameters + width > MAX_PARAMETERS) await run();
      const take = Math.min(rows.length - start, Math.floor((MAX_PARAMETERS - parameters) / width), perStatement);
      statement.push({ part, rows: rows.slice(start, start + take) });
      parameters += take * width;
      start += take;
    }
  }
  await run();
  return counts;
}
