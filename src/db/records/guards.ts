/**
 * Checks a back-office service makes on a record before changing it: its version, locked until the transaction ends
 * (optimistic locking, docs/architecture.md), and whether a row it is asked to change exists.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../types.ts';

export type EditableTable = 'body' | 'political_group' | 'meeting' | 'agenda_item' | 'minute';

/**
 * A record's version (raised by a trigger on every update, migration 20261207_4701), its row locked until the
 * transaction ends, so no one else can save between the service's version check and its update.
 */
export async function lockVersion(db: Db, table: EditableTable, id: string): Promise<{ version: number } | undefined> {
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(db);
  return result.rows[0];
}

export async function recordExists(db: Db, table: 'membership' | 'group_membership' | 'declaration', id: string): Promise<boolean> {
  return Boolean(
    await (db as Kysely<Database>)
      .selectFrom(table as 'membership')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}
