/**
 * Shared pieces of the open data queries: change-time filters, windows, and the rules that keep exempt information
 * inside the database. Every API query builds on these, so no list or object can forget them.
 */
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

/** OParl's created_since/created_until/modified_since/modified_until, already parsed. */
export interface ChangeFilter {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  rows: T[];
  total: number;
}

/** Conditions on a table's created_at/updated_at ("true" when the filter is empty), for `.where(...)`. */
export function changedWithin(table: string, filter: ChangeFilter): Expression<SqlBool> {
  const created = sql.ref(`${table}.created_at`);
  const updated = sql.ref(`${table}.updated_at`);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filter.createdSince) conditions.push(sql<SqlBool>`${created} >= ${filter.createdSince}`);
  if (filter.createdUntil) conditions.push(sql<SqlBool>`${created} <= ${filter.createdUntil}`);
  if (filter.modifiedSince) conditions.push(sql<SqlBool>`${updated} >= ${filter.modifiedSince}`);
  if (filter.modifiedUntil) conditions.push(sql<SqlBool>`${updated} <= ${filter.modifiedUntil}`);
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * A report is public when it is not exempt and no exempt agenda item carries it: an exempt item never shows its
 * report, even when the report itself was not marked exempt in the paper.
 */
export function reportIsPublic(reportTable = 'report'): Expression<SqlBool> {
  const id = sql.ref(`${reportTable}.id`);
  const exempt = sql.ref(`${reportTable}.exempt`);
  return sql<SqlBool>`(${exempt} = false and not exists (select 1 from agenda_item exempt_item where exempt_item.report_id = ${id} and exempt_item.exempt))`;
}

/** A vote event is public unless it was taken on an exempt minute or on an exempt agenda item's minute: the vote would disclose what the minute withholds. */
export function voteEventIsPublic(voteEventTable = 'vote_event'): Expression<SqlBool> {
  const minuteId = sql.ref(`${voteEventTable}.minute_id`);
  return sql<SqlBool>`(${minuteId} is null or exists (
    select 1 from minute public_minute left join agenda_item minute_item on minute_item.id = public_minute.agenda_item_id
    where public_minute.id = ${minuteId} and public_minute.exempt = false and coalesce(minute_item.exempt, false) = false))`;
}

/** Ordering by id that does not depend on the server's collation, so pages and cursors agree on both engines. */
export function byIdC(column: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} collate "C"`;
}

/**
 * One page of an ordered query and the total across all pages. The total is counted by a second query only when the
 * page cannot tell it (a full page, or a page past the end): a window count over every row would defeat the index
 * that finds the first rows of a large list in order.
 */
export async function runPage<O>(query: SelectQueryBuilder<any, any, O>, window: PageWindow): Promise<Paged<O>> {
  const rows = (await query.limit(window.limit).offset(window.offset).execute()) as O[];
  if (rows.length > 0 && rows.length < window.limit) return { rows, total: window.offset + rows.length };
  if (rows.length === 0 && window.offset === 0) return { rows, total: 0 };
  const counted = (await query.clearSelect().clearOrderBy().select(sql<string>`count(*)::text`.as('count')).executeTakeFirst()) as { count: string } | undefined;
  return { rows, total: Number(counted?.count ?? 0) };
}
