/**
 * paperReimporter: imports a paper again from its stored text with the importer of today, keeping the officers'
 * corrections (issue 17 item 4). The paper's committee records in its meetings (attendance, declarations, minutes,
 * recorded votes, questions, import issues) are removed and written again, corrections applied, in one
 * transaction: a failure leaves everything as it was. Meetings, agenda items, reports and decisions keep their
 * records (stable ids from natural keys find them again), and so do the records of other papers.
 */
import type { Transaction } from 'kysely';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as review from '../../db/repositories/import-review.ts';
import { type Actor, writeOperation } from '../write-operation.ts';
import * as store from '../../db/repositories/paper-store.ts';
import type { Database } from '../../db/schema.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { stableId } from '../../domain/stable-id.ts';
import { extractPaper } from '../../import/extract-paper.ts';
import { PeopleDirectory } from '../../import/persist/people.ts';
import { persistCommittee } from '../../import/persist/committee.ts';
import type { TextDocument } from '../../import/types.ts';
import type { Correction } from '../../domain/import-review/corrections.ts';
import { ensureAuthority } from '../../db/records/authorities.ts';

export interface PaperReimporterProps {
  database: DatabaseHandle;
  /** The council whose papers these are (Config.authorityName). */
  authorityName: string;
  /** The paper: its source_document id. */
  sourceId: string;
  /** Who, for the audit log: an account id, or "cli:<user>". */
  actor: Actor;
}

export interface ReimportResult {
  created: Record<string, number>;
  issues: number;
  /** Corrections that found no record in the paper as imported now. */
  unapplied: Correction[];
}

export async function paperReimporter(props: PaperReimporterProps): Promise<ReimportResult> {
  return writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    return reimportInTransaction(trx, props.authorityName, props.sourceId);
  });
}

/** The re-import itself, inside the caller's transaction (a correction is recorded and applied in one). */
export async function reimportInTransaction(trx: Transaction<Database>, authorityName: string, sourceId: string): Promise<ReimportResult> {
  const source = await review.findSource(trx, sourceId);
  if (!source) throw NotFound('No imported paper with that id');
  const lines = await review.sourceText(trx, sourceId);
  if (!lines) throw Conflict(`${source.file_name} was imported before papers' text was kept; import the file again to review it.`, 'no_source_text');
  const document: TextDocument = { name: source.file_name, format: source.format as TextDocument['format'], lines, warnings: [] };
  const extract = extractPaper(document);
  try {
    await review.removePaperRecords(trx, sourceId);
  } catch (error) {
    throw Conflict(`${source.file_name}: its records cannot be replaced (${(error as Error).message}).`, 'reimport_refused');
  }
  const authorityId = await ensureAuthority(trx, stableId('authority', authorityName), authorityName);
  const people = new PeopleDirectory(authorityId, await store.loadPeople(trx, authorityId));
  const bodies = new Map((await store.loadBodies(trx, authorityId)).map((body) => [body.name, body.id]));
  const corrections = { corrections: await review.correctionsOfPaper(trx, source.content_hash), lines };
  const result = await persistCommittee({ trx, authorityId, authorityName, sourceId, people, bodies }, { extract, corrections });
  await people.flush(trx);
  return { created: result.created, issues: result.issues.length, unapplied: [...result.unapplied] };
}
