import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { readWholeTables, type PlainRow } from './export-rows.ts';
import type { Db, Row } from '../types.ts';

/** Every table the export covers, read whole. Ordering is left to the exporter, which sorts by code point so both engines agree whatever their collation. */
export interface ExportTables {
  authority: Row<'authority'>[];
  source_document: Row<'source_document'>[];
  person: Row<'person'>[];
  ward: Row<'ward'>[];
  person_alias: Row<'person_alias'>[];
  political_group: Row<'political_group'>[];
  group_membership: Row<'group_membership'>[];
  body: Row<'body'>[];
  membership: Row<'membership'>[];
  meeting: Row<'meeting'>[];
  report: Row<'report'>[];
  agenda_item: Row<'agenda_item'>[];
  attendance: Row<'attendance'>[];
  minute: Row<'minute'>[];
  declaration: Row<'declaration'>[];
  resolution: Row<'resolution'>[];
  motion: Row<'motion'>[];
  vote_event: Row<'vote_event'>[];
  vote: Row<'vote'>[];
  question: Row<'question'>[];
  decision: Row<'decision'>[];
  // The statutory registers (migration 20261207_2200).
  forward_plan_entry: Row<'forward_plan_entry'>[];
  forward_plan_representation: Row<'forward_plan_representation'>[];
  executive_decision_record: Row<'executive_decision_record'>[];
  interest_register: Row<'interest_register'>[];
  interest_entry: Row<'interest_entry'>[];
  gift_hospitality: Row<'gift_hospitality'>[];
  declaration_interest: Row<'declaration_interest'>[];
  outside_body: Row<'outside_body'>[];
  outside_body_appointment: Row<'outside_body_appointment'>[];
  outside_body_report: Row<'outside_body_report'>[];
  /** The tables of the row-for-row sections (services/export/sections.ts), by table name. */
  sectionRows: Record<string, PlainRow[]>;
}

/**
 * Reads every exported table inside one read-only, repeatable-read transaction, so an export taken while officers
 * are editing is a consistent snapshot (no vote without its vote event).
 */
export async function readExportTables(
  db: Kysely<Database>,
  options: { publicOnly?: boolean; sectionTables?: readonly (keyof Database)[] } = {},
): Promise<ExportTables> {
  const sectionTables = options.sectionTables ?? [];
  // The public export reads the visibility rule's views (migration 20261207_1560): unpublished papers are left out and
  // exempt text is blanked at the source. The views have their tables' columns.
  const ruled = <T extends 'report' | 'agenda_item' | 'minute' | 'declaration' | 'resolution' | 'motion' | 'vote_event' | 'vote'>(table: T): T =>
    (options.publicOnly ? `public_${table} as ${table}` : table) as T;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => ({
      authority: await trx.selectFrom('authority').selectAll().execute(),
      source_document: await trx.selectFrom('source_document').selectAll().execute(),
      person: await trx.selectFrom('person').selectAll().execute(),
      ward: await trx.selectFrom('ward').selectAll().execute(),
      person_alias: await trx.selectFrom('person_alias').selectAll().execute(),
      political_group: await trx.selectFrom('political_group').selectAll().execute(),
      group_membership: await trx.selectFrom('group_membership').selectAll().execute(),
      body: await trx.selectFrom('body').selectAll().execute(),
      membership: await trx.selectFrom('membership').selectAll().execute(),
      meeting: await trx.selectFrom('meeting').selectAll().execute(),
      report: await trx.selectFrom(ruled('report')).selectAll().execute(),
      agenda_item: await trx.selectFrom(ruled('agenda_item')).selectAll().execute(),
      attendance: await trx.selectFrom('attendance').selectAll().execute(),
      minute: await trx.selectFrom(ruled('minute')).selectAll().execute(),
      declaration: await trx.selectFrom(ruled('declaration')).selectAll().execute(),
      resolution: await trx.selectFrom(ruled('resolution')).selectAll().execute(),
      motion: await trx.selectFrom(ruled('motion')).selectAll().execute(),
      vote_event: await trx.selectFrom(ruled('vote_event')).selectAll().execute(),
      vote: await trx.selectFrom(ruled('vote')).selectAll().execute(),
      question: await trx.selectFrom('question').selectAll().execute(),
      decision: await trx.selectFrom('decision').selectAll().execute(),
      forward_plan_entry: await trx.selectFrom('forward_plan_entry').selectAll().execute(),
      forward_plan_representation: await trx.selectFrom('forward_plan_representation').selectAll().execute(),
      executive_decision_record: await trx.selectFrom('executive_decision_record').selectAll().execute(),
      interest_register: await trx.selectFrom('interest_register').selectAll().execute(),
      interest_entry: await trx.selectFrom('interest_entry').selectAll().execute(),
      gift_hospitality: await trx.selectFrom('gift_hospitality').selectAll().execute(),
      declaration_interest: await trx.selectFrom('declaration_interest').selectAll().execute(),
      outside_body: await trx.selectFrom('outside_body').selectAll().execute(),
      outside_body_appointment: await trx.selectFrom('outside_body_appointment').selectAll().execute(),
      outside_body_report: await trx.selectFrom('outside_body_report').selectAll().execute(),
      sectionRows: await readWholeTables(trx, sectionTables),
    }));
}

export type RestorableTable = Exclude<keyof ExportTables, 'sectionRows'>;

/** The key a restore treats as "already there": the primary key of each table. */
export const CONFLICT_KEY: Record<RestorableTable, readonly string[]> = {
  authority: ['id'],
  source_document: ['id'],
  ward: ['id'],
  person: ['id'],
  person_alias: ['person_id', 'printed'],
  political_group: ['id'],
  group_membership: ['id'],
  body: ['id'],
  membership: ['id'],
  meeting: ['id'],
  report: ['id'],
  agenda_item: ['id'],
  attendance: ['id'],
  minute: ['id'],
  declaration: ['id'],
  resolution: ['id'],
  motion: ['id'],
  vote_event: ['id'],
  vote: ['vote_event_id', 'person_id'],
  question: ['id'],
  decision: ['id'],
  forward_plan_entry: ['id'],
  forward_plan_representation: ['id'],
  executive_decision_record: ['id'],
  interest_register: ['id'],
  interest_entry: ['id'],
  gift_hospitality: ['id'],
  declaration_interest: ['id'],
  outside_body: ['id'],
  outside_body_appointment: ['id'],
  outside_body_report: ['id'],
};

/** Rows per insert: well under PostgreSQL's 65,535 bind parameters for the widest table, and few round trips. */
export const INSERT_CHUNK = 500;

/** Marks every change in this transaction with who made it, for the audit log. */
export async function setTransactionActor(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`select set_config('quorum.actor', ${actor}, true)`.execute(trx);
}

/** Row counts of every table, for tests and for reporting what a restore changed. */
export async function countRows(db: Db, tables: readonly (keyof Database)[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await (db as unknown as Kysely<any>).selectFrom(table).select(sql<string>`count(*)::text`.as('count')).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
