/**
 * Typed writes of the import review: a paper's text, the officers' corrections and checks, and the removal of a
 * paper's committee records before it is imported again. Rules live in src/services/import-review.
 */
import { type Kysely, type Transaction } from 'kysely';
import type { Correction } from '../../domain/import-review/corrections.ts';
import type { Database } from '../schema.ts';
import { personNameSql } from './registers/person-name-sql.ts';
import { setActor as setActorOf } from '../actor.ts';
import type { Db, Row } from '../types.ts';

/** Keeps a paper's lines beside its source record (once: a paper's text never changes). */
export async function insertSourceText(db: Db, sourceId: string, lines: readonly string[]): Promise<void> {
  await db
    .insertInto('source_text')
    .values({ id: sourceId, lines: [...lines] })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function sourceText(db: Db, sourceId: string): Promise<string[] | undefined> {
  return (await db.selectFrom('source_text').select('lines').where('id', '=', sourceId).executeTakeFirst())?.lines;
}

export async function findSource(db: Db, sourceId: string): Promise<Row<'source_document'> | undefined> {
  return db.selectFrom('source_document').selectAll().where('id', '=', sourceId).executeTakeFirst();
}

const asCorrection = (row: Row<'import_correction'>): Correction => ({
  contentHash: row.content_hash,
  bodyName: row.body_name,
  meetingDate: row.meeting_date,
  kind: row.kind,
  recordKey: row.record_key,
  value: row.value,
});

/** Every correction, by paper: an import run loads them once (there are few), not once per file. */
export async function loadAllCorrections(db: Db): Promise<Map<string, Correction[]>> {
  const byPaper = new Map<string, Correction[]>();
  for (const row of await db.selectFrom('import_correction').selectAll().orderBy('id').execute()) {
    byPaper.set(row.content_hash, [...(byPaper.get(row.content_hash) ?? []), asCorrection(row)]);
  }
  return byPaper;
}

export async function correctionsOfPaper(db: Db, contentHash: string): Promise<Array<Correction & { id: string; createdAt: Date; updatedAt: Date }>> {
  const rows = await db.selectFrom('import_correction').selectAll().where('content_hash', '=', contentHash).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => ({ ...asCorrection(row), id: row.id, createdAt: row.created_at, updatedAt: row.updated_at }));
}

/** A second correction of the same record replaces the first (same id, from the natural key). */
export async function saveCorrection(db: Db, id: string, correction: Correction): Promise<void> {
  const value = JSON.stringify(correction.value);
  await db
    .insertInto('import_correction')
    .values({
      id,
      content_hash: correction.contentHash,
      body_name: correction.bodyName,
      meeting_date: correction.meetingDate,
      kind: correction.kind,
      record_key: correction.recordKey,
      value,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ value }))
    .execute();
}

export async function deleteCorrection(db: Db, id: string, contentHash: string): Promise<number> {
  const result = await db.deleteFrom('import_correction').where('id', '=', id).where('content_hash', '=', contentHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function markChecked(db: Db, id: string, contentHash: string, checkedBy: string): Promise<void> {
  await db
    .insertInto('paper_check')
    .values({ id, content_hash: contentHash, checked_by: checkedBy })
    .onConflict((oc) => oc.column('content_hash').doNothing())
    .execute();
}

export async function unmarkChecked(db: Db, contentHash: string): Promise<void> {
  await db.deleteFrom('paper_check').where('content_hash', '=', contentHash).execute();
}

/**
 * Removes what a paper's committee import wrote into its meetings, so an import can write it again: its recorded
 * votes, declarations, attendance, minutes (with their resolutions and motions), questions and import issues.
 * Meetings, agenda items, reports, decisions, bodies and people stay: other papers and the back office refer to them,
 * and the import finds them again by their natural keys. Minutes referred to from outside the paper (a declaration
 * or recorded vote of another paper, an appointment) are refused by their foreign keys, and approved minutes by
 * their lock, so nothing recorded elsewhere is lost.
 */
export async function removePaperRecords(trx: Transaction<Database>, sourceId: string): Promise<void> {
  const events = trx.selectFrom('vote_event').select('id').where('source_document_id', '=', sourceId);
  const minutes = trx.selectFrom('minute').select('id').where('source_document_id', '=', sourceId);
  await trx.deleteFrom('vote').where('vote_event_id', 'in', events).execute();
  await trx.deleteFrom('vote_event').where('source_document_id', '=', sourceId).execute();
  await trx.deleteFrom('declaration').where('source_document_id', '=', sourceId).execute();
  await trx.deleteFrom('attendance').where('source_document_id', '=', sourceId).execute();
  await trx.deleteFrom('question').where('source_document_id', '=', sourceId).execute();
  await trx.deleteFrom('resolution').where('minute_id', 'in', minutes).execute();
  await trx.deleteFrom('motion').where('minute_id', 'in', minutes).execute();
  await trx.deleteFrom('minute').where('source_document_id', '=', sourceId).execute();
  await trx.deleteFrom('import_issue').where('source_document_id', '=', sourceId).execute();
}

/** A paper nothing was recognised in, with why; the latest attempt's file name and reason are kept. */
export async function recordUnrecognised(
  db: Kysely<Database>,
  actor: string,
  paper: { id: string; contentHash: string; fileName: string; reason: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setActorOf(trx, actor);
    await trx
      .insertInto('unrecognised_paper')
      .values({ id: paper.id, content_hash: paper.contentHash, file_name: paper.fileName, reason: paper.reason })
      .onConflict((oc) => oc.column('content_hash').doUpdateSet({ file_name: paper.fileName, reason: paper.reason }))
      .execute();
  });
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return (await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
}

/** A person's name as a paper would print it ("Mr Mike Angell"), or undefined for no such person. */
export async function personPrintedName(db: Db, personId: string): Promise<string | undefined> {
  if (!personId) return undefined;
  return (await db.selectFrom('person as p').select(personNameSql('p').as('name')).where('p.id', '=', personId).executeTakeFirst())?.name;
}
