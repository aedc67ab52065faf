/**
 * A person's membership of a body (a committee's members), and what a membership of either kind (of a body or of a
 * political group) shares: its row and its end.
 */
import type { Kysely } from 'kysely';
import type { Db, NewRow } from '../types.ts';

export async function listBodyMemberships(db: Db, bodyId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'membership.id',
      'membership.role',
      'membership.start_date',
      'membership.end_date',
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('membership.body_id', '=', bodyId)
    .orderBy('person.family_name')
    .execute();
}

export async function findMembershipRow(
  db: Db,
  table: 'membership' | 'group_membership',
  id: string,
): Promise<{ id: string; owner_id: string; start_date: string | null } | undefined> {
  const owner = table === 'membership' ? 'body_id' : 'group_id';
  return (db as Kysely<any>)
    .selectFrom(table)
    .select(['id', `${owner} as owner_id`, 'start_date'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setMembershipEnd(db: Db, table: 'membership' | 'group_membership', id: string, endDate: string): Promise<void> {
  await (db as Kysely<any>).updateTable(table).set({ end_date: endDate }).where('id', '=', id).execute();
}

export async function insertMembership(db: Db, row: NewRow<'membership'>): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

/** The members of a body on a day, with their role then and their ward: the grid's rows. */
export async function listBodyMembersOn(db: Db, bodyId: string, day: string) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .select(['person.id', 'person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'ward.name as ward_name', 'membership.role'])
    .where('membership.body_id', '=', bodyId)
    .where((eb) => eb.or([eb('membership.start_date', 'is', null), eb('membership.start_date', '<=', day)]))
    .where((eb) => eb.or([eb('membership.end_date', 'is', null), eb('membership.end_date', '>=', day)]))
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('person.id')
    .execute();
}
