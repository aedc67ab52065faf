/** The political group record: the groups the back office keeps and the roster importer adds. */
import { sql } from 'kysely';
import type { Db, NewRow, Row } from '../types.ts';

export async function updateGroup(db: Db, id: string, changes: Partial<NewRow<'political_group'>>): Promise<void> {
  await db.updateTable('political_group').set(changes).where('id', '=', id).execute();
}

export async function listGroups(db: Db): Promise<Array<Row<'political_group'>>> {
  return db.selectFrom('political_group').selectAll().orderBy('name').execute();
}

export async function findGroup(db: Db, id: string): Promise<Row<'political_group'> | undefined> {
  return db.selectFrom('political_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupByName(db: Db, authorityId: string, name: string): Promise<Row<'political_group'> | undefined> {
  return db
    .selectFrom('political_group')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertGroup(db: Db, row: NewRow<'political_group'>): Promise<void> {
  await db.insertInto('political_group').values(row).execute();
}
