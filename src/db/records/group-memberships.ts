/** A person's membership of a political group: reads and writes the back office and the roster importer share. */
import type { Db, NewRow } from '../types.ts';

export async function listGroupMembers(db: Db, groupId: string) {
  return db
    .selectFrom('group_membership')
    .innerJoin('person', 'person.id', 'group_membership.person_id')
    .select([
      'group_membership.id',
      'group_membership.role',
      'group_membership.start_date',
      'group_membership.end_date',
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('group_membership.group_id', '=', groupId)
    .orderBy('person.family_name')
    .execute();
}

export async function listPersonGroupMemberships(db: Db, personId: string) {
  return db.selectFrom('group_membership').select(['id', 'group_id', 'start_date', 'end_date']).where('person_id', '=', personId).execute();
}

export async function insertGroupMembership(db: Db, row: NewRow<'group_membership'>): Promise<void> {
  await db.insertInto('group_membership').values(row).execute();
}
