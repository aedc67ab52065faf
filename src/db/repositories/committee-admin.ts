/**
 * Typed queries for the democratic services back office: committee records as officers edit them, their workflow
 * state, and the audit history of any record. Rules live in src/services/committee.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NewRow, Row } from '../schema.ts';
import '../schema/accounts.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function setActor(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`select set_config('quorum.actor', ${actor}, true)`.execute(trx);
}

// ---- audit history ----

export interface HistoryEntry {
  id: string;
  at: Date;
  actor: string;
  actorName: string | null;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every audit_log entry of one record, oldest first, with the actor's account name when the actor is an account. */
export async function listHistory(db: Db, table: string, recordId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('account', 'account.id', 'audit_log.actor')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor', 'account.name as actorName', 'audit_log.action', 'audit_log.before', 'audit_log.after'])
    .where('audit_log.table_name', '=', table)
    .where('audit_log.record_id', '=', recordId)
    .orderBy('audit_log.id')
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at,
    actor: row.actor,
    actorName: row.actorName,
    action: row.action,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  }));
}
