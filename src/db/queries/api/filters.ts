/**
 * Shared pieces of the open data queries: change-time filters, windows, and the rules that keep exempt information
 * inside the database. Every API query builds on these, so no list or object can forget them.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

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
  /** Every row across all pages; undefined when there are more than were counted (COUNT_AHEAD past this page). */
  total: number | undefined;
}

/** Conditions on a table's created_at/updated_at ("true" when the filter is empty), for `.where(...)`. */
export function changedWithin(table: string, filter: ChangeFilter, modifiedColumn = 'updated_at'): Expression<SqlBool> {
  const created = sql.ref(`${table}.created_at`);
  const updated = sql.ref(`${table}.${modifiedColumn}`);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filter.createdSince) conditions.push(sql<SqlBool>`${created} >= ${filter.createdSince}`);
  if (filter.createdUntil) conditions.push(sql<SqlBool>`${created} <= ${filter.createdUntil}`);
  if (filter.modifiedSince) conditions.push(sql<SqlBool>`${updated} >= ${filter.modifiedSince}`);
  if (filter.modifiedUntil) conditions.push(sql<SqlBool>`${updated} <= ${filter.modifiedUntil}`);
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * A report is public when the visibility rule's view holds it (migration 20261207_1560): published with its agenda,
 * not exempt, and carried by no exempt agenda item.
 */
export function reportIsPublic(reportTable = 'report'): Expression<SqlBool> {
  const id = sql.ref(`${reportTable}.id`);
  return sql<SqlBool>`exists (select 1 from public_report visible_report where visible_report.id = ${id})`;
}

/** A vote event is public when the rule's view holds it: its minutes published, and its minute and that minute's agenda item not exempt. */
export function voteEventIsPublic(voteEventTable = 'vote_event'): Expression<SqlBool> {
  const id = sql.ref(`${voteEventTable}.id`);
  return sql<SqlBool>`exists (select 1 from public_vote_event visible_vote_event where visible_vote_event.id = ${id})`;
}

/** Ordering by id that does not depend on the server's collation, so pages and cursors agree on both engines. */
export function byIdC(column: string): RawBuilder<unknown> {
  return sql`${sql.ref(column)} collate "C"`;
}

/**
 * How many rows past a full page are counted for the total. A list longer than that gives no total: OParl 1.1
 * makes every `pagination` attribute optional (section 2.5, only the `next` link is required), and counting the
 * whole list cost time in proportion to the archive (issue 23: 90,000 buffers for the papers of three years).
 */
export const COUNT_AHEAD = 1000;

/**
 * One page of an ordered query and the total across all pages. The total is counted by a second query only when the
 * page cannot tell it (a full page, or a page past the end), and only up to COUNT_AHEAD rows past the page: a window
 * count over every row would defeat the index that finds the first rows of a large list in order.
 */
export async function runPage<O>(db: Kysely<any>, query: SelectQueryBuilder<any, any, O>, window: PageWindow, countAhead = COUNT_AHEAD): Promise<Paged<O>> {
  const rows = (await query.limit(window.limit).offset(window.offset).execute()) as O[];
  if (rows.length > 0 && rows.length < window.limit) return { rows, total: window.offset + rows.length };
  if (rows.length === 0 && window.offset === 0) return { rows, total: 0 };
  const bound = window.offset + window.limit + countAhead;
  const bounded = query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'))
    .limit(bound + 1)
    .as('bounded');
  const counted = (await db.selectFrom(bounded).select(sql<string>`count(*)::text`.as('count')).executeTakeFirst()) as { count: string } | undefined;
  const total = Number(counted?.count ?? 0);
  return { rows, total: total > bound ? undefined : total };
}
