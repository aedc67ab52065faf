/**
 * What the political balance calculation reads: the council's members and their groups on a date, the bodies with
 * their seats, and the agreements in force; and the writes of its settings.
 */
import { sql } from 'kysely';
import type { BodyKind } from '../../domain/political-balance/allocate.ts';
import type { Db, NewRow } from '../types.ts';

const covers = (date: string) => sql<boolean>`(start_date is null or start_date <= ${date}) and (end_date is null or end_date >= ${date})`;

export interface MemberOnDate {
  personId: string;
  honorific: string | null;
  givenName: string | null;
  initials: string[];
  familyName: string;
  groupId: string | null;
}

/**
 * The council's members on a date: members of a body of kind "council" then, or of a political group then; each
 * with their group (the latest-starting membership if records overlap).
 */
export async function membersOn(db: Db, date: string): Promise<MemberOnDate[]> {
  const rows = await db
    .selectFrom('person as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('group_membership')
          .select(['group_id'])
          .whereRef('person_id', '=', 'p.id')
          .where(covers(date))
          .orderBy(sql`start_date desc nulls last`)
          .orderBy('id')
          .limit(1)
          .as('g'),
      (join) => join.onTrue(),
    )
    .select(['p.id', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'g.group_id'])
    .where('p.kind', '=', 'member')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('membership as m')
            .innerJoin('body as b', 'b.id', 'm.body_id')
            .select('m.id')
            .whereRef('m.person_id', '=', 'p.id')
            .where('b.kind', '=', 'council')
            .where(sql<boolean>`(m.start_date is null or m.start_date <= ${date}) and (m.end_date is null or m.end_date >= ${date})`),
        ),
        eb('g.group_id', 'is not', null),
      ]),
    )
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    honorific: row.honorific,
    givenName: row.given_name,
    initials: row.initials,
    familyName: row.family_name,
    groupId: row.group_id ?? null,
  }));
}

export async function listGroupNames(db: Db) {
  return db.selectFrom('political_group').select(['id', 'name', 'abbreviation']).orderBy('name').execute();
}

/** Every body except the council itself, with its balance settings if any have been recorded. */
export async function bodiesWithSettings(db: Db) {
  return db
    .selectFrom('body as b')
    .leftJoin('balance_body as s', 's.id', 'b.id')
    .select(['b.id', 'b.name', 'b.slug', 'b.kind', 's.seats', 's.rules_apply', 's.kind as balance_kind', 's.updated_at'])
    .where('b.kind', '!=', 'council')
    .orderBy('b.name')
    .execute();
}

export async function findBodyWithKind(db: Db, id: string) {
  return db.selectFrom('body').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function saveBodySettings(db: Db, row: { id: string; seats: number; rules_apply: boolean; kind: BodyKind }): Promise<void> {
  await db
    .insertInto('balance_body')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ seats: row.seats, rules_apply: row.rules_apply, kind: row.kind }))
    .execute();
}

export async function agreementsOn(db: Db, date: string) {
  return db
    .selectFrom('balance_agreement as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.body_id',
      'a.group_id',
      'a.person_id',
      'a.agreed_on',
      'a.note',
      'a.votes_for',
      'a.votes_against',
      'a.votes_abstained',
      'p.honorific',
      'p.given_name',
      'p.initials',
      'p.family_name',
    ])
    .where('a.agreed_on', '<=', date)
    .where((eb) => eb.or([eb('a.ended_on', 'is', null), eb('a.ended_on', '>=', date)]))
    .orderBy('a.agreed_on')
    .execute();
}

export async function insertAgreement(db: Db, row: NewRow<'balance_agreement'>): Promise<void> {
  await db.insertInto('balance_agreement').values(row).execute();
}

export async function findPersonKind(db: Db, id: string) {
  return db.selectFrom('person').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function findGroupName(db: Db, id: string) {
  return db.selectFrom('political_group').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}
