/** The person record: reads and writes several capabilities share, and the columns of a printed name. */
import type { Db, Row } from '../types.ts';

/** The whole row, for a form that edits the person or a service that checks them. */
export async function findPersonRow(db: Db, id: string): Promise<Row<'person'> | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Everyone, by family name, for the person pickers of the back office. */
export async function listPersonChoices(db: Db): Promise<Array<Pick<Row<'person'>, 'id' | 'honorific' | 'given_name' | 'family_name' | 'kind'>>> {
  return db.selectFrom('person').select(['id', 'honorific', 'given_name', 'family_name', 'kind']).orderBy('family_name').orderBy('given_name').execute();
}

/** Whole rows of these people (none asked: none read). */
export async function findPersonRows(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
}

/** The columns a printed name is made from, and whether the person is a member. */
export async function findPersonName(db: Db, id: string) {
  return db.selectFrom('person').select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name']).where('id', '=', id).executeTakeFirst();
}

/** Everyone who could be recorded at a meeting, with their kind and ward, for the grid's choices. */
export async function listPeopleWithWards(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .select([
      'person.id',
      'person.kind',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.job_title',
      'ward.name as ward_name',
    ])
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('person.id')
    .execute();
}
