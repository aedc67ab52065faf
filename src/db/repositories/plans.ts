/**
 * Typed queries of improvement plans, requirements and indicators. No rules here: those live in
 * src/domain/plans, src/domain/indicators and src/services/plans.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../schema.ts';
import '../schema/plans.ts';

type Db = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

export type PlanTableName =
  | 'plan'
  | 'plan_governance'
  | 'plan_priority'
  | 'plan_outcome'
  | 'plan_action'
  | 'plan_milestone'
  | 'plan_measure'
  | 'plan_lead'
  | 'requirement_set'
  | 'requirement'
  | 'plan_action_requirement'
  | 'plan_progress_update'
  | 'indicator'
  | 'indicator_observation'
  | 'indicator_target'
  | 'body';

/** Inserts rows in multi-row statements; rows whose id (or other unique key) already exists are left as they are. Returns how many were created. */
export async function insertNew<T extends PlanTableName>(db: Db, table: T, rows: Array<NewRow<T>>): Promise<number> {
  let created = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const inserted = await (db as Kysely<Database>)
      .insertInto(table as PlanTableName)
      .values(rows.slice(start, start + CHUNK) as never)
      .onConflict((oc) => oc.doNothing())
      .returning(sql<string>`1`.as('one'))
      .execute();
    created += inserted.length;
  }
  return created;
}

export async function indicatorsOf(db: Db, authorityId: string): Promise<Array<Pick<Row<'indicator'>, 'id' | 'name' | 'unit'>>> {
  return db.selectFrom('indicator').select(['id', 'name', 'unit']).where('authority_id', '=', authorityId).orderBy('position').execute();
}

export async function requirementsByCode(db: Db, planId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('requirement')
    .innerJoin('requirement_set', 'requirement_set.id', 'requirement.set_id')
    .select(['requirement.id', 'requirement.code'])
    .where('requirement_set.plan_id', '=', planId)
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Requirements of every plan of the authority, by code, for targets printed in papers other than the plan. */
export async function authorityRequirementsByCode(db: Db, authorityId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('requirement')
    .innerJoin('requirement_set', 'requirement_set.id', 'requirement.set_id')
    .select(['requirement.id', 'requirement.code'])
    .where('requirement_set.authority_id', '=', authorityId)
    .orderBy('requirement.created_at')
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function maxIndicatorPosition(db: Db, authorityId: string): Promise<number> {
  const row = await db
    .selectFrom('indicator')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function insertImportIssues(db: Db, rows: Array<NewRow<'import_issue'>>): Promise<void> {
  if (rows.length) await db.insertInto('import_issue').values(rows).execute();
}

export async function findSourceByHash(db: Db, contentHash: string): Promise<Pick<Row<'source_document'>, 'id' | 'file_name'> | undefined> {
  return db.selectFrom('source_document').select(['id', 'file_name']).where('content_hash', '=', contentHash).executeTakeFirst();
}
