/**
 * Writes of `quorum import --oparl`: the sync state of each OParl source, the map from OParl id URLs to local
 * records, and upserts of the committee records those objects become. An upsert leaves a row that would not change
 * untouched (no new `updated_at`, no audit entry), so a re-run of an unchanged server writes nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow, Row } from '../types.ts';

export async function ensureSource(db: Db, id: string, url: string): Promise<Row<'oparl_source'>> {
  await db
    .insertInto('oparl_source')
    .values({ id, url })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db.selectFrom('oparl_source').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The database's clock, so `modified_since` compares server times with server times, never this machine's. */
export async function markRunStarted(db: Db, id: string): Promise<Date> {
  const row = await db
    .updateTable('oparl_source')
    .set({ last_run_started_at: sql`now()` })
    .where('id', '=', id)
    .returning('last_run_started_at')
    .executeTakeFirstOrThrow();
  return row.last_run_started_at!;
}

/** A complete run: the next one asks for what changed since this one started. */
export async function markRunCompleted(db: Db, id: string, syncedFrom: Date): Promise<void> {
  await db.updateTable('oparl_source').set({ synced_from: syncedFrom, last_run_completed_at: sql`now()` }).where('id', '=', id).execute();
}

export type MirroredRecord = Pick<Row<'oparl_record'>, 'oparl_id' | 'oparl_type' | 'local_table' | 'local_id' | 'modified'>;

export async function loadRecords(db: Db, sourceId: string): Promise<MirroredRecord[]> {
  return db.selectFrom('oparl_record').select(['oparl_id', 'oparl_type', 'local_table', 'local_id', 'modified']).where('source_id', '=', sourceId).execute();
}

export async function putRecords(db: Db, sourceId: string, records: MirroredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('oparl_record')
    .values(records.map((record) => ({ ...record, source_id: sourceId })))
    .onConflict((oc) =>
      oc
        .columns(['source_id', 'oparl_id'])
        .doUpdateSet((eb) => ({
          oparl_type: eb.ref('excluded.oparl_type'),
          local_table: eb.ref('excluded.local_table'),
          local_id: eb.ref('excluded.local_id'),
          modified: eb.ref('excluded.modified'),
        }))
        .where(
          sql<boolean>`(oparl_record.local_table, oparl_record.local_id, oparl_record.modified) is distinct from (excluded.local_table, excluded.local_id, excluded.modified)`,
        ),
    )
    .execute();
}

/** The tables an OParl object may become, with the columns an upsert may change (never id or created_at). */
export type MirrorTable =
  | 'authority'
  | 'body'
  | 'political_group'
  | 'person'
  | 'membership'
  | 'group_membership'
  | 'meeting'
  | 'agenda_item'
  | 'attendance'
  | 'minute'
  | 'resolution'
  | 'report';

/**
 * Inserts rows, or updates the row with the same id where any given column differs. Returns how many rows were
 * created and how many changed.
 */
export async function upsertRows<T extends MirrorTable>(
  db: Db,
  table: T,
  rows: Array<NewRow<T> & { id: string }>,
): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((column) => column !== 'id' && column !== 'created_at');
  const result = await (db as Kysely<Database>)
    .insertInto(table as MirrorTable)
    .values(rows as never)
    .onConflict((oc) => {
      const update = oc.column('id').doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])) as never);
      if (columns.length === 0) return update;
      const current = sql.join(columns.map((column) => sql.ref(`${table}.${column}`)));
      const incoming = sql.join(columns.map((column) => sql.ref(`excluded.${column}`)));
      return update.where(sql<boolean>`(${current}) is distinct from (${incoming})`);
    })
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute();
  const created = result.filter((row) => row.inserted).length;
  return { created, updated: result.length - created };
}

/** The local rows an OParl object no longer has (a resolution text removed, a participant gone). */
export async function deleteRows(db: Db, table: 'attendance' | 'resolution' | 'minute', ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await (db as Kysely<Database>).deleteFrom(table).where('id', 'in', ids).execute();
}

export async function attendanceIdsOfMeeting(db: Db, meetingId: string): Promise<string[]> {
  return (await db.selectFrom('attendance').select('id').where('meeting_id', '=', meetingId).execute()).map((row) => row.id);
}

/** Links a report to the agenda items it was considered at (OParl's Consultation). */
export async function linkReport(db: Db, reportId: string, agendaItemIds: string[]): Promise<void> {
  if (agendaItemIds.length === 0) return;
  await db
    .updateTable('agenda_item')
    .set({ report_id: reportId })
    .where('id', 'in', agendaItemIds)
    .where(sql<boolean>`report_id is distinct from ${reportId}`)
    .execute();
}

/** A body's slug is unique in its authority: the first free one of "name", "name-2", ... (this body's own counts as free). */
export async function freeBodySlug(db: Db, authorityId: string, bodyId: string, slug: string): Promise<string> {
  const taken = new Set(
    (
      await db.selectFrom('body').select('slug').where('authority_id', '=', authorityId).where('id', '!=', bodyId).where('slug', 'like', `${slug}%`).execute()
    ).map((row) => row.slug),
  );
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}

/** Sets a body's parent; returns 1 if it changed. */
export async function setBodyParent(db: Db, bodyId: string, parentId: string): Promise<number> {
  const result = await db
    .updateTable('body')
    .set({ parent_id: parentId })
    .where('id', '=', bodyId)
    .where(sql<boolean>`parent_id is distinct from ${parentId}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Removes agenda items a meeting no longer has, with the minutes and resolutions the mirror made for them (OParl
 * shows a resolution on its agenda item; Quorum keeps it in the item's minute). Returns how many items went.
 */
export async function removeAgendaItemsExcept(db: Db, meetingId: string, keep: string[]): Promise<string[]> {
  let query = db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId);
  if (keep.length) query = query.where('id', 'not in', keep);
  const gone = (await query.execute()).map((row) => row.id);
  if (gone.length === 0) return [];
  const minutes = db.selectFrom('minute').select('id').where('agenda_item_id', 'in', gone);
  await db.deleteFrom('resolution').where('minute_id', 'in', minutes).execute();
  await db.deleteFrom('minute').where('agenda_item_id', 'in', gone).execute();
  await db.deleteFrom('agenda_item').where('id', 'in', gone).execute();
  return gone;
}

/** Removes a report the server no longer publishes: its agenda items keep their place, without it. */
export async function removeReport(db: Db, reportId: string): Promise<number> {
  await db.updateTable('agenda_item').set({ report_id: null }).where('report_id', '=', reportId).execute();
  const result = await db.deleteFrom('report').where('id', '=', reportId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A meeting the source withdrew (deleted: true) is withdrawn in the copy too, not deleted: its record stays, and the
 * copy's public pages and OParl treat it as the source does (migration 20261207_3001). Returns 1 when it changed.
 */
export async function withdrawMeeting(db: Db, meetingId: string, reason: string): Promise<number> {
  const result = await db
    .updateTable('meeting')
    .set({ withdrawn_at: new Date(), withdrawn_reason: reason })
    .where('id', '=', meetingId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function dropRecordsOfLocal(db: Db, sourceId: string, localTable: string, localIds: string[]): Promise<string[]> {
  if (localIds.length === 0) return [];
  const rows = await db
    .deleteFrom('oparl_record')
    .where('source_id', '=', sourceId)
    .where('local_table', '=', localTable)
    .where('local_id', 'in', localIds)
    .returning('oparl_id')
    .execute();
  return rows.map((row) => row.oparl_id);
}

/** The name parts of people, for the printed name of an attendance row. */
export async function peopleByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('person').select(['id', 'honorific', 'given_name', 'initials', 'family_name', 'post_nominals']).where('id', 'in', ids).execute();
}
