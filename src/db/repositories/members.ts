/**
 * Typed queries for the members' roster (issue 18 item 2): everything the roster importer needs to plan a file
 * against the record, the writes it makes, and the roster on a day for the export. Rules live in src/services/members.
 */
import { sql, type Kysely } from 'kysely';
import type { Db, NewRow } from '../types.ts';

/** The record as the importer plans against it: members, their group and committee memberships, and the names known. */
export async function loadRosterState(db: Db) {
  const [members, groupSpans, committeeSpans, groups, wards, bodies, takenIds] = await Promise.all([
    db
      .selectFrom('person')
      .select(['id', 'honorific', 'given_name', 'initials', 'family_name', 'ward_id', 'term_start', 'term_end', 'email', 'phone'])
      .where('kind', '=', 'member')
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('group_membership')
      .innerJoin('person', 'person.id', 'group_membership.person_id')
      .select(['group_membership.id', 'group_membership.person_id', 'group_membership.group_id', 'group_membership.start_date', 'group_membership.end_date'])
      .where('person.kind', '=', 'member')
      .execute(),
    db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select(['membership.id', 'membership.person_id', 'membership.body_id', 'membership.role', 'membership.start_date', 'membership.end_date'])
      .where('person.kind', '=', 'member')
      .execute(),
    db.selectFrom('political_group').select(['id', 'name', 'abbreviation']).orderBy('name').execute(),
    db.selectFrom('ward').select(['id', 'name', 'slug']).orderBy('name').execute(),
    db.selectFrom('body').select(['id', 'name', 'slug']).orderBy('name').execute(),
    db.selectFrom('person').select('id').execute(),
  ]);
  return { members, groupSpans, committeeSpans, groups, wards, bodies, takenIds: new Set(takenIds.map((row) => row.id)) };
}
export type RosterState = Awaited<ReturnType<typeof loadRosterState>>;

export async function insertWard(db: Db, row: NewRow<'ward'>): Promise<void> {
  await db.insertInto('ward').values(row).execute();
}

export async function insertPerson(db: Db, row: NewRow<'person'>): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function updatePerson(db: Db, id: string, changes: Partial<NewRow<'person'>>): Promise<void> {
  await db.updateTable('person').set(changes).where('id', '=', id).execute();
}

export async function deleteMembershipRow(db: Db, table: 'membership' | 'group_membership', id: string): Promise<void> {
  await (db as Kysely<any>).deleteFrom(table).where('id', '=', id).execute();
}

/** Members on a day with their ward, group and committees then: what the export writes. */
export async function rosterOn(db: Db, day: string) {
  const [members, groups, committees] = await Promise.all([
    db
      .selectFrom('person')
      .leftJoin('ward', 'ward.id', 'person.ward_id')
      .select([
        'person.id',
        'person.honorific',
        'person.given_name',
        'person.family_name',
        'person.term_start',
        'person.term_end',
        'person.email',
        'person.phone',
        'ward.name as ward_name',
      ])
      .where('person.kind', '=', 'member')
      .orderBy('person.family_name')
      .orderBy('person.given_name')
      .orderBy('person.id')
      .execute(),
    db
      .selectFrom('group_membership')
      .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
      .select(['group_membership.person_id', 'political_group.name'])
      .where((eb) => eb.or([eb('group_membership.start_date', 'is', null), eb('group_membership.start_date', '<=', day)]))
      .where((eb) => eb.or([eb('group_membership.end_date', 'is', null), eb('group_membership.end_date', '>=', day)]))
      .execute(),
    db
      .selectFrom('membership')
      .innerJoin('body', 'body.id', 'membership.body_id')
      .select(['membership.person_id', 'membership.role', 'body.name'])
      .where((eb) => eb.or([eb('membership.start_date', 'is', null), eb('membership.start_date', '<=', day)]))
      .where((eb) => eb.or([eb('membership.end_date', 'is', null), eb('membership.end_date', '>=', day)]))
      .orderBy(sql`case membership.role when 'chair' then 0 when 'vice-chair' then 1 when 'member' then 2 else 3 end`)
      .orderBy('body.name')
      .execute(),
  ]);
  return { members, groups, committees };
}
