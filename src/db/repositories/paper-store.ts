import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../schema.ts';

/** Typed queries the paper importer needs. No rules here: those live in import/persist.ts. */

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/** Marks every change in this transaction with who made it, for the audit log. */
export { setActor } from '../actor.ts';

/**
 * For bulk imports on a PostgreSQL server: commit without waiting for the WAL flush. A server crash can then lose the
 * last few files committed, never part of one (each is still all-or-nothing), and re-running the import brings them
 * back (it is idempotent). Not for the embedded engine: it has no WAL writer, so a killed process would lose every
 * file committed since the last flush (paperImporter).
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

/** Writes back what papers taught us about people already on record, in one statement. */
export async function updatePeople(db: Db, people: Array<{ id: string } & PersonColumns>): Promise<void> {
  for (let start = 0; start < people.length; start += CHUNK) {
    const rows = people.slice(start, start + CHUNK).map(
      (p) =>
        sql`(${p.id}, ${p.kind}, ${p.honorific}, ${p.given_name}, ${p.initials}::text[], ${p.family_name}, ${p.post_nominals}::text[], ${p.job_title})`,
    );
    await sql`
      update person set kind = v.kind, honorific = v.honorific, given_name = v.given_name, initials = v.initials,
        family_name = v.family_name, post_nominals = v.post_nominals, job_title = v.job_title
      from (values ${sql.join(rows)}) as v(id, kind, honorific, given_name, initials, family_name, post_nominals, job_title)
      where person.id = v.id`.execute(db);
  }
}

export interface PersonColumns {
  kind: Row<'person'>['kind'];
  honorific: string | null;
  given_name: string | null;
  initials: string[];
  family_name: string;
  post_nominals: string[];
  job_title: string | null;
}

export async function loadBodies(db: Db, authorityId: string): Promise<Array<Row<'body'>>> {
  return db.selectFrom('body').selectAll().where('authority_id', '=', authorityId).execute();
}

export async function findMeeting(db: Db, bodyId: string, date: string): Promise<Row<'meeting'> | undefined> {
  return db.selectFrom('meeting').selectAll().where('body_id', '=', bodyId).where('date', '=', date).executeTakeFirst();
}

/** The meetings on record for these (body, date) pairs, in one query. */
export async function findMeetings(db: Db, keys: Array<{ bodyId: string; date: string }>): Promise<Array<Row<'meeting'>>> {
  const found: Array<Row<'meeting'>> = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    found.push(
      ...(await db
        .selectFrom('meeting')
        .selectAll()
        .where((eb) => eb(eb.refTuple('body_id', 'date'), 'in', chunk.map((key) => eb.tuple(key.bodyId, key.date))))
        .execute()),
    );
  }
  return found;
}

export async function updateMeeting(db: Db, id: string, changes: Partial<NewRow<'meeting'>>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

export type AgendaItemRef = Pick<Row<'agenda_item'>, 'id' | 'meeting_id' | 'number' | 'title' | 'report_id'>;

export async function agendaItemsOfMeetings(db: Db, meetingIds: string[]): Promise<AgendaItemRef[]> {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('agenda_item').select(['id', 'meeting_id', 'number', 'title', 'report_id']).where('meeting_id', 'in', meetingIds).execute();
}

export async function minutesOfMeetings(db: Db, meetingIds: string[]): Promise<Array<Pick<Row<'minute'>, 'id' | 'meeting_id' | 'number'>>> {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('minute').select(['id', 'meeting_id', 'number']).where('meeting_id', 'in', meetingIds).execute();
}

/** Links reports to agenda items already on record, leaving any item that already has a report as it is. */
export async function linkReportsToAgendaItems(db: Db, links: Array<{ agendaItemId: string; reportId: string }>): Promise<void> {
  for (let start = 0; start < links.length; start += CHUNK) {
    const rows = links.slice(start, start + CHUNK).map((link) => sql`(${link.agendaItemId}, ${link.reportId})`);
    await sql`
      update agenda_item set report_id = v.report_id
      from (values ${sql.join(rows)}) as v(id, report_id)
      where agenda_item.id = v.id and agenda_item.report_id is null`.execute(db);
  }
}

/**
 * Links minutes on record that approve "the minutes of the meeting held on <date>" to one of these newly arrived
 * meetings of the same body. Minutes arriving with the meetings are linked before they are written; this catches
 * those imported earlier than the meeting they approve. The partial index keeps the unlinked minutes few.
 */
export async function linkApprovedMinutes(db: Db, newMeetingIds: string[]): Promise<number> {
  if (newMeetingIds.length === 0) return 0;
  const result = await sql`
    update minute set approves_meeting_id = earlier.id
    from meeting current, meeting earlier
    where earlier.id in (${sql.join(newMeetingIds)})
      and minute.approves_meeting_id is null
      and minute.approves_meeting_date = earlier.date
      and minute.meeting_id = current.id
      and current.body_id = earlier.body_id`.execute(db);
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

/** Tables a file's rows go into; person_alias, vote and import_issue have no id to count on but are as welcome. */
export type BatchInsertTable = InsertableTable | 'person_alias' | 'vote' | 'import_issue';

export interface InsertPart<T extends BatchInsertTable = BatchInsertTable> {
  table: T;
  rows: Array<NewRow<T>>;
}

/** Well under the protocol's 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts into several tables in as few statements as the parameter limit allows: each table's rows are one
 * data-modifying WITH clause of a single statement. Rows whose key already exists are left as they are. Parts go in
 * dependency order; foreign keys (and the row triggers) are checked at the end of each statement, so one statement
 * may hold parents and their children. Returns how many rows each part added.
 */
export async function insertNewMany(trx: Transaction<Database>, parts: InsertPart[]): Promise<number[]> {
  const counts = parts.map(() => 0);
  let statement: Array<{ part: number; rows: object[] }> = [];
  let parameters = 0;
  const run = async () => {
    if (statement.length === 0) return;
    const clauses = statement.map(({ part, rows }, index) => {
      const insert = (trx as Kysely<Database>)
        .insertInto(parts[part]!.table)
        .values(rows as never)
        .onConflict((oc) => oc.doNothing())
        .returning(sql<number>`1`.as('one'));
      return sql`${sql.id(`w${index}`)} as (${insert})`;
    });
    const tallies = statement.map((_, index) => sql`(select count(*)::int from ${sql.id(`w${index}`)}) as ${sql.id(`w${index}`)}`);
    const result = await sql<Record<string, number>>`with ${sql.join(clauses)} select ${sql.join(tallies)}`.execute(trx);
    const row = result.rows[0]!;
    statement.forEach(({ part }, index) => (counts[part]! += Number(row[`w${index}`] ?? 0)));
    statement = [];
    parameters = 0;
  };
  for (const [part, { rows }] of parts.entries()) {
    if (rows.length === 0) continue;
    const width = new Set(rows.flatMap((row) => Object.keys(row))).size;
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
    for (let start = 0; start < rows.length; ) {
      if (parameters + width > MAX_PARAMETERS) await run();
      const take = Math.min(rows.length - start, Math.floor((MAX_PARAMETERS - parameters) / width), perStatement);
      statement.push({ part, rows: rows.slice(start, start + take) });
      parameters += take * width;
      start += take;
    }
  }
  await run();
  return counts;
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
