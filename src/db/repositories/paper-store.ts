import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../schema.ts';

/** Typed queries the paper importer needs. No rules here: those live in import/persist.ts. */

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/** Marks every change in this transaction with who made it, for the audit log. */
export async function setActor(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`select set_config('quorum.actor', ${actor}, true)`.execute(trx);
}

/**
 * For bulk imports: commit without waiting for the WAL flush. A crash can then lose the last few files committed,
 * never part of one (each is still all-or-nothing), and re-running the import brings them back (it is idempotent).
 */
export async function relaxCommitDurability(trx: Transaction<Database>): Promise<void> {
  await sql`set local synchronous_commit = off`.execute(trx);
}

export async function findSourceByHash(db: Db, contentHash: string): Promise<Row<'source_document'> | undefined> {
  return db.selectFrom('source_document').selectAll().where('content_hash', '=', contentHash).executeTakeFirst();
}

export async function ensureAuthority(db: Db, id: string, name: string): Promise<string> {
  await db.insertInto('authority').values({ id, name }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('authority').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function loadPeople(db: Db, authorityId: string): Promise<Array<Row<'person'> & { aliases: string[] }>> {
  const people = await db.selectFrom('person').selectAll().where('authority_id', '=', authorityId).orderBy('id').execute();
  const aliases = await db
    .selectFrom('person_alias')
    .innerJoin('person', 'person.id', 'person_alias.person_id')
    .select(['person_alias.person_id', 'person_alias.printed'])
    .where('person.authority_id', '=', authorityId)
    .execute();
  const byPerson = new Map<string, string[]>();
  for (const alias of aliases) {
    const list = byPerson.get(alias.person_id) ?? [];
    list.push(alias.printed);
    byPerson.set(alias.person_id, list);
  }
  return people.map((person) => ({ ...person, aliases: byPerson.get(person.id) ?? [] }));
}

export async function updatePerson(db: Db, id: string, changes: Partial<NewRow<'person'>>): Promise<void> {
  await db.updateTable('person').set(changes).where('id', '=', id).execute();
}

export async function loadBodies(db: Db, authorityId: string): Promise<Array<Row<'body'>>> {
  return db.selectFrom('body').selectAll().where('authority_id', '=', authorityId).execute();
}

export async function findMeeting(db: Db, bodyId: string, date: string): Promise<Row<'meeting'> | undefined> {
  return db.selectFrom('meeting').selectAll().where('body_id', '=', bodyId).where('date', '=', date).executeTakeFirst();
}

export async function updateMeeting(db: Db, id: string, changes: Partial<NewRow<'meeting'>>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

export async function agendaItemsOf(db: Db, meetingId: string): Promise<Array<Pick<Row<'agenda_item'>, 'id' | 'number' | 'title' | 'report_id'>>> {
  return db.selectFrom('agenda_item').select(['id', 'number', 'title', 'report_id']).where('meeting_id', '=', meetingId).execute();
}

export async function minutesOf(db: Db, meetingId: string): Promise<Array<Pick<Row<'minute'>, 'id' | 'number' | 'title'>>> {
  return db.selectFrom('minute').select(['id', 'number', 'title']).where('meeting_id', '=', meetingId).execute();
}

export async function linkReportToAgendaItem(db: Db, agendaItemId: string, reportId: string): Promise<void> {
  await db.updateTable('agenda_item').set({ report_id: reportId }).where('id', '=', agendaItemId).where('report_id', 'is', null).execute();
}

/**
 * Links a minute approving "the minutes of the meeting held on <date>" to that meeting of the same body, once both
 * are known, whichever paper came first. Only still-unlinked minutes are looked at (a partial index keeps them few).
 */
export async function linkApprovedMinutes(db: Db): Promise<number> {
  const result = await sql`
    update minute set approves_meeting_id = earlier.id
    from meeting current, meeting earlier
    where minute.approves_meeting_id is null
      and minute.approves_meeting_date is not null
      and minute.meeting_id = current.id
      and earlier.body_id = current.body_id
      and earlier.date = minute.approves_meeting_date`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

type InsertableTable =
  | 'source_document'
  | 'person'
  | 'body'
  | 'meeting'
  | 'report'
  | 'agenda_item'
  | 'attendance'
  | 'minute'
  | 'declaration'
  | 'resolution'
  | 'motion'
  | 'vote_event'
  | 'question'
  | 'decision';

/**
 * Inserts rows in multi-row statements; rows whose id already exists are left as they are.
 * Returns how many were created.
 */
export async function insertNew<T extends InsertableTable>(db: Db, table: T, rows: Array<NewRow<T>>): Promise<number> {
  let created = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const inserted = await (db as Kysely<Database>)
      .insertInto(table as InsertableTable)
      .values(chunk as never)
      .onConflict((oc) => oc.doNothing())
      .returning(sql<string>`1`.as('one'))
      .execute();
    created += inserted.length;
  }
  return created;
}

export async function insertVotes(db: Db, rows: Array<NewRow<'vote'>>): Promise<number> {
  let created = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const inserted = await db
      .insertInto('vote')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .returning('person_id')
      .execute();
    created += inserted.length;
  }
  return created;
}

export async function insertAliases(db: Db, rows: Array<NewRow<'person_alias'>>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('person_alias')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function insertImportIssues(db: Db, rows: Array<NewRow<'import_issue'>>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.insertInto('import_issue').values(rows.slice(start, start + CHUNK)).execute();
  }
}

export async function countMeetings(db: Db): Promise<number> {
  const row = await db.selectFrom('meeting').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
