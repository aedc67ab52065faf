/**
 * The register of members' interests: dated versions of each member's register with their entries, gifts and
 * hospitality, and the links from declarations at meetings to the register (with the monitoring officer's flags).
 * Public reads return only published versions and published gifts; what a published entry may show is decided by
 * domain/interests/public-register.ts.
 */
import { sql } from 'kysely';
import { personNameSql } from './person-name-sql.ts';
import type { Db, NewRow, Row } from '../../types.ts';

export type RegisterRow = Row<'interest_register'>;
export type InterestEntryRow = Row<'interest_entry'>;
export type GiftRow = Row<'gift_hospitality'>;

export async function versionsOf(db: Db, personId: string): Promise<RegisterRow[]> {
  return db.selectFrom('interest_register').selectAll().where('person_id', '=', personId).orderBy('version', 'desc').execute();
}

export async function findVersion(db: Db, id: string): Promise<RegisterRow | undefined> {
  return db.selectFrom('interest_register').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function entriesOf(db: Db, registerIds: readonly string[]): Promise<InterestEntryRow[]> {
  if (!registerIds.length) return [];
  return db.selectFrom('interest_entry').selectAll().where('register_id', 'in', registerIds).orderBy('position').orderBy('id').execute();
}

export async function insertVersion(db: Db, row: NewRow<'interest_register'>): Promise<void> {
  await db.insertInto('interest_register').values(row).execute();
}

export async function updateVersion(db: Db, id: string, changes: Partial<NewRow<'interest_register'>>): Promise<void> {
  await db.updateTable('interest_register').set(changes).where('id', '=', id).execute();
}

export async function insertEntries(db: Db, rows: ReadonlyArray<NewRow<'interest_entry'>>): Promise<void> {
  if (rows.length)
    await db
      .insertInto('interest_entry')
      .values([...rows])
      .execute();
}

export async function updateInterestEntry(db: Db, id: string, changes: Partial<NewRow<'interest_entry'>>): Promise<void> {
  await db.updateTable('interest_entry').set(changes).where('id', '=', id).execute();
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
  await db.deleteFrom('interest_entry').where('id', '=', id).execute();
}

/** The newest published version of each member's register (the public register of all members). */
export async function latestPublished(db: Db, personIds?: readonly string[]): Promise<RegisterRow[]> {
  let query = db.selectFrom('interest_register').selectAll().distinctOn('person_id').where('status', '=', 'published');
  if (personIds) {
    if (!personIds.length) return [];
    query = query.where('person_id', 'in', personIds);
  }
  return query.orderBy('person_id').orderBy('version', 'desc').execute();
}

/** The version of a member's register in force on a date: the newest published on or before it. */
export async function publishedOn(db: Db, personId: string, date: string): Promise<RegisterRow | undefined> {
  return db
    .selectFrom('interest_register')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', '=', 'published')
    .where('published_on', '<=', date)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function submittedVersions(db: Db): Promise<Array<RegisterRow & { person_name: string }>> {
  return (await db
    .selectFrom('interest_register as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .selectAll('r')
    .select(personNameSql('p').as('person_name'))
    .where('r.status', '=', 'submitted')
    .orderBy('r.submitted_on')
    .execute()) as Array<RegisterRow & { person_name: string }>;
}

export interface MemberRow {
  id: string;
  honorific: string | null;
  given_name: string | null;
  initials: string[];
  family_name: string;
}

/** Members of the council: people of kind member, by name. */
export async function members(db: Db): Promise<MemberRow[]> {
  return db
    .selectFrom('person')
    .select(['id', 'honorific', 'given_name', 'initials', 'family_name'])
    .where('kind', '=', 'member')
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
}

export async function giftsOf(db: Db, personId: string, options: { publishedOnly: boolean }): Promise<GiftRow[]> {
  let query = db.selectFrom('gift_hospitality').selectAll().where('person_id', '=', personId);
  if (options.publishedOnly) query = query.where('published_on', 'is not', null);
  return query.orderBy('received_on', 'desc').orderBy('id').execute();
}

export async function publishedGifts(db: Db): Promise<GiftRow[]> {
  return db.selectFrom('gift_hospitality').selectAll().where('published_on', 'is not', null).orderBy('received_on', 'desc').orderBy('id').execute();
}

export async function insertGift(db: Db, row: NewRow<'gift_hospitality'>): Promise<void> {
  await db.insertInto('gift_hospitality').values(row).execute();
}

export async function publishGiftsOf(db: Db, personId: string, on: string): Promise<void> {
  await db.updateTable('gift_hospitality').set({ published_on: on }).where('person_id', '=', personId).where('published_on', 'is', null).execute();
}

export type DeclarationRow = Row<'declaration'> & {
  person_name: string;
  item_title: string | null;
  link_entry_key: string | null;
  flagged_on: string | null;
  flag_reason: string | null;
  resolved_on: string | null;
  resolution: string | null;
};

function declarations(db: Db) {
  return db
    .selectFrom('declaration as d')
    .innerJoin('person as p', 'p.id', 'd.person_id')
    .leftJoin('agenda_item as a', 'a.id', 'd.agenda_item_id')
    .leftJoin('declaration_interest as l', 'l.id', 'd.id')
    .selectAll('d')
    .select([
      personNameSql('p').as('person_name'),
      'a.title as item_title',
      'l.entry_key as link_entry_key',
      'l.flagged_on',
      'l.flag_reason',
      'l.resolved_on',
      'l.resolution',
    ]);
}

export async function declarationsAt(db: Db, meetingId: string): Promise<DeclarationRow[]> {
  return (await declarations(db).where('d.meeting_id', '=', meetingId).orderBy('d.agenda_item_number').orderBy('d.id').execute()) as DeclarationRow[];
}

export async function findDeclaration(db: Db, id: string): Promise<(DeclarationRow & { meeting_date: string }) | undefined> {
  return (await declarations(db)
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .select('m.date as meeting_date')
    .where('d.id', '=', id)
    .executeTakeFirst()) as (DeclarationRow & { meeting_date: string }) | undefined;
}

/** Declarations flagged to the monitoring officer, open ones first. */
export async function flaggedDeclarations(db: Db): Promise<Array<DeclarationRow & { meeting_date: string; body_name: string }>> {
  return (await declarations(db)
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.date as meeting_date', 'b.name as body_name'])
    .where('l.flagged_on', 'is not', null)
    .orderBy(sql`l.resolved_on is not null`)
    .orderBy('l.flagged_on', 'desc')
    .execute()) as Array<DeclarationRow & { meeting_date: string; body_name: string }>;
}

export async function saveDeclarationLink(db: Db, row: NewRow<'declaration_interest'>): Promise<void> {
  await db
    .insertInto('declaration_interest')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet({ entry_key: row.entry_key, flagged_on: row.flagged_on, flag_reason: row.flag_reason ?? '', resolved_on: null, resolution: '' }),
    )
    .execute();
}

export async function resolveFlag(db: Db, declarationId: string, on: string, resolution: string): Promise<void> {
  await db.updateTable('declaration_interest').set({ resolved_on: on, resolution }).where('id', '=', declarationId).execute();
}

export async function meetingsWithDeclarations(db: Db) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select([
      'm.id',
      'm.date',
      'b.name as body_name',
      sql<number>`(select count(*) from declaration d where d.meeting_id = m.id)::int`.as('declarations'),
      sql<number>`(select count(*) from declaration d left join declaration_interest l on l.id = d.id where d.meeting_id = m.id and l.id is null)::int`.as(
        'unlinked',
      ),
    ])
    .where(sql<boolean>`exists (select 1 from declaration d where d.meeting_id = m.id)`)
    .orderBy('m.date', 'desc')
    .limit(200)
    .execute();
}

/** Members with the email of their linked account (null when none), for review reminders. */
export async function membersWithAccounts(db: Db) {
  return db
    .selectFrom('person as p')
    .leftJoin('account as a', (join) => join.onRef('a.person_id', '=', 'p.id').on('a.disabled_at', 'is', null))
    .select(['p.id', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'a.email'])
    .where('p.kind', '=', 'member')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .execute();
}
