/** The body record (council, committee, panel...): reads and writes several capabilities share. */
import { sql } from 'kysely';
import type { Db, NewRow, Row } from '../types.ts';

/** Every body, whole rows, by name. */
export async function listBodyRows(db: Db): Promise<Array<Row<'body'>>> {
  return db.selectFrom('body').selectAll().orderBy('name').execute();
}

/** The whole row (with its version, for the edit form). */
export async function findBodyRow(db: Db, id: string): Promise<Row<'body'> | undefined> {
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A body of the authority with this slug or, ignoring case, this name: the one a new body would clash with. */
export async function findBodyBySlugOrName(db: Db, authorityId: string, slug: string, name: string): Promise<Row<'body'> | undefined> {
  return db
    .selectFrom('body')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where((eb) => eb.or([eb('slug', '=', slug), eb(sql<string>`lower(name)`, '=', name.toLowerCase())]))
    .executeTakeFirst();
}

export async function insertBody(db: Db, row: NewRow<'body'>): Promise<void> {
  await db.insertInto('body').values(row).execute();
}

export async function updateBody(db: Db, id: string, changes: Partial<NewRow<'body'>>): Promise<void> {
  await db.updateTable('body').set(changes).where('id', '=', id).execute();
}

/** Every body's id and name, by name, for pickers. */
export async function listBodyNames(db: Db): Promise<Array<Pick<Row<'body'>, 'id' | 'name'>>> {
  return db.selectFrom('body').select(['id', 'name']).orderBy('name').execute();
}

/** A body's id and name. */
export async function findBodyName(db: Db, id: string): Promise<Pick<Row<'body'>, 'id' | 'name'> | undefined> {
  return db.selectFrom('body').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}
