import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow, Row } from '../types.ts';

/** Typed queries the paper importer needs. No rules here: those live in import/persist/. */

const CHUNK = 500;

/** Marks every change in this transaction with who made it, for the audit log. */
export { setActor } from '../actor.ts';

/**
 * Starts a file's transaction: names the actor for the audit log and, for bulk imports on a PostgreSQL server, lets
 * it commit without waiting for the WAL flush. A server crash can then lose the last few files committed, never part
 * of one (each is still all-or-nothing), and re-running the import brings them back (it is idempotent). Not for the
 * embedded engine: it has no WAL writer, so a killed process would lose every file committed since the last flush
 * (paperImporter). One statement: it runs for every file.
 */
export async function beginImport(trx: Transaction<Database>, actor: string, options: { relaxCommitDurability: boolean }): Promise<void> {
  const durability = options.relaxCommitDurability ? sql`, set_config('synchronous_commit', 'off', true)` : sql``;
  await sql`select set_config('quorum.actor', ${actor}, true)${durability}`.execute(trx);
}

export async function findSourceByHash(db: Db, contentHash: string): Promise<Row<'source_document'> | undefined> {
  return db.selectFrom('source_document').selectAll().where('content_hash', '=', contentHash).executeTakeFirst();
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
    const rows = people
      .slice(start, start + CHUNK)
      .map(
        (p) => sql`(${p.id}, ${p.kind}, ${p.honorific}, ${p.given_name}, ${p.initials}::text[], ${p.family_name}, ${p.post_nominals}::text[], ${p.job_title})`,
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

/** The meetings on record for these (body, date) pairs, in one query. */
export async function findMeetings(db: Db, keys: Array<{ bodyId: string; date: string }>): Promise<Array<Row<'meeting'>>> {
  const found: Array<Row<'meeting'>> = [];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    found.push(
      ...(await db
        .selectFrom('meeting')
        .selectAll()
        .where((eb) =>
          eb(
            eb.refTuple('body_id', 'date'),
            'in',
            chunk.map((key) => eb.tuple(key.bodyId, key.date)),
          ),
        )
        .execute()),
    );
  }
  return found;
}

export type AgendaItemRef = Pick<Row<'agenda_item'>, 'id' | 'meeting_id' | 'number' | 'title' | 'report_id'>;

export async function agendaItemRefsOfMeetings(db: Db, meetingIds: string[]): Promise<AgendaItemRef[]> {
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

export { insertNew, insertNewMany, type InsertPart } from './bulk-insert.ts';

export async function insertImportIssues(db: Db, rows: Array<NewRow<'import_issue'>>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db
      .insertInto('import_issue')
      .values(rows.slice(start, start + CHUNK))
      .execute();
  }
}

export async function countMeetings(db: Db): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The authority's political groups, with the people recorded as members of each (for the importer to add to). */
export async function loadPoliticalGroups(db: Db, authorityId: string): Promise<Array<{ id: string; name: string; memberIds: string[] }>> {
  const [groups, memberships] = await Promise.all([
    db.selectFrom('political_group').select(['id', 'name']).where('authority_id', '=', authorityId).execute(),
    db
      .selectFrom('group_membership')
      .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
      .select(['group_membership.group_id', 'group_membership.person_id'])
      .where('political_group.authority_id', '=', authorityId)
      .execute(),
  ]);
  return groups.map((group) => ({ ...group, memberIds: memberships.filter((row) => row.group_id === group.id).map((row) => row.person_id) }));
}
