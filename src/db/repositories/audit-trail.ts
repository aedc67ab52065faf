/**
 * The audit trail as the back office reads it: entries filtered by who, what kind of record, which record and when,
 * newest first with keyset paging (the log only grows, so an id cursor never skips or repeats an entry); and the
 * names of the records an entry's ids point at, so people read "Cllr Jane Smith", not "person-1a2b...".
 */
import { sql } from 'kysely';
import type { Db } from '../types.ts';

export interface AuditFilter {
  actor?: string | undefined;
  table?: string | undefined;
  recordId?: string | undefined;
  /** London dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Entries older than this id (the "older entries" link). */
  before?: string | undefined;
  limit: number;
}

export type AuditEntry = HistoryEntry & { table: string; recordId: string | null };

export async function searchAudit(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('account', 'account.id', 'audit_log.actor')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor',
      'account.name as actorName',
      'audit_log.action',
      'audit_log.table_name',
      'audit_log.record_id',
      'audit_log.before',
      'audit_log.after',
    ]);
  if (filter.actor) query = query.where('audit_log.actor', '=', filter.actor);
  if (filter.table) query = query.where('audit_log.table_name', '=', filter.table);
  if (filter.recordId) query = query.where('audit_log.record_id', '=', filter.recordId);
  // Days as London has them: an entry at 00:30 BST belongs to that day, not to the UTC day before.
  if (filter.from) query = query.where(sql<boolean>`(audit_log.at at time zone 'Europe/London')::date >= ${filter.from}::date`);
  if (filter.to) query = query.where(sql<boolean>`(audit_log.at at time zone 'Europe/London')::date <= ${filter.to}::date`);
  if (filter.before) query = query.where('audit_log.id', '<', filter.before);
  const rows = await query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({ ...historyEntryOf(row), table: row.table_name, recordId: row.record_id }));
}

/** Who has written to the log (accounts by name, and the system and command line), for the "who" filter. */
export async function auditActors(db: Db): Promise<Array<{ actor: string; name: string | null }>> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('account', 'account.id', 'audit_log.actor')
    .select(['audit_log.actor', 'account.name'])
    .distinct()
    .orderBy('account.name')
    .orderBy('audit_log.actor')
    .execute();
  return rows.map((row) => ({ actor: row.actor, name: row.name }));
}

/** The kinds of record the log holds, for the "what" filter. */
export async function auditTables(db: Db): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('table_name').distinct().orderBy('table_name').execute()).map((row) => row.table_name);
}

/** Display names of the records these ids name, where they still exist. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const list = [...ids];
  const [people, bodies, meetings, items, accounts, reports, groups, authorities] = await Promise.all([
    db.selectFrom('person').select(['id', 'honorific', 'given_name', 'family_name']).where('id', 'in', list).execute(),
    db.selectFrom('body').select(['id', 'name']).where('id', 'in', list).execute(),
    db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select(['meeting.id', 'meeting.date', 'body.name'])
      .where('meeting.id', 'in', list)
      .execute(),
    db.selectFrom('agenda_item').select(['id', 'number', 'title']).where('id', 'in', list).execute(),
    db.selectFrom('account').select(['id', 'name']).where('id', 'in', list).execute(),
    db.selectFrom('report').select(['id', 'subject']).where('id', 'in', list).execute(),
    db.selectFrom('political_group').select(['id', 'name']).where('id', 'in', list).execute(),
    db.selectFrom('authority').select(['id', 'name']).where('id', 'in', list).execute(),
  ]);
  for (const row of people) names.set(row.id, [row.honorific, row.given_name, row.family_name].filter(Boolean).join(' '));
  for (const row of bodies) names.set(row.id, row.name);
  for (const row of meetings) names.set(row.id, `${row.name}, ${row.date}`);
  for (const row of items) names.set(row.id, `Item ${row.number}: ${row.title}`);
  for (const row of accounts) names.set(row.id, row.name);
  for (const row of reports) names.set(row.id, row.subject);
  for (const row of groups) names.set(row.id, row.name);
  for (const row of authorities) names.set(row.id, row.name);
  return names;
}

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
  return rows.map(historyEntryOf);
}

/** An audit_log row (with its actor's account name) as a history entry. */
export function historyEntryOf(row: {
  id: string | number | bigint;
  at: HistoryEntry['at'];
  actor: string;
  actorName: string | null;
  action: HistoryEntry['action'];
  before: unknown;
  after: unknown;
}): HistoryEntry {
  return {
    id: String(row.id),
    at: row.at,
    actor: row.actor,
    actorName: row.actorName,
    action: row.action,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  };
}
