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
  /** How many rows come before this page: skipped by OFFSET, or only counted when `after` says where the page starts. */
  offset: number;
  /**
   * The order key of the last row of the page before (a next link's cursor): the page starts after it through the
   * index, so page 1,000 costs what page 1 costs. The query must already hold the condition (`afterId`, `afterDateId`).
   */
  after?: readonly string[];
}

export interface Paged<T> {
  rows: T[];
  /** Every row across all pages; undefined when there are more than were counted (COUNT_AHEAD past this page). */
  total: number | undefined;
  /** The order key of this page's last row: the next page's cursor. */
  lastKey?: string[];
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
  // With a cursor the rows before the page are not read, only known by number (the page's own).
  const skip = window.after ? 0 : window.offset;
  const before = window.offset - skip;
  const rows = (await query.limit(window.limit).offset(skip).execute()) as O[];
  if (rows.length > 0 && rows.length < window.limit) return { rows, total: window.offset + rows.length };
  if (rows.length === 0 && window.offset === 0) return { rows, total: 0 };
  const bound = skip + window.limit + countAhead;
  const bounded = query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'))
    .limit(bound + 1)
    .as('bounded');
  const counted = (await db.selectFrom(bounded).select(sql<string>`count(*)::text`.as('count')).executeTakeFirst()) as { count: string } | undefined;
  const total = Number(counted?.count ?? 0);
  return { rows, total: total > bound ? undefined : before + total };
}

/** Adds the order key of a page's last row (its next page's cursor). */
export const keyedBy =
  <O>(keyOf: (row: O) => string[]) =>
  (page: Paged<O>): Paged<O> => {
    const last = page.rows.at(-1);
    return last ? { ...page, lastKey: keyOf(last) } : page;
  };

/** Rows after a cursor of (id), in byIdC order; "true" without one. */
export function afterId(column: string, window: PageWindow): Expression<SqlBool> {
  const [id] = window.after ?? [];
  return id === undefined ? sql<SqlBool>`true` : sql<SqlBool>`${byIdC(column)} > ${id}`;
}

/**
 * Rows after a cursor of (date, id) in the order date descending, then byIdC. The plain `date <= $date` lets an
 * index on the date start at the cursor; the rest decides the rows of that same date.
 */
export function afterDateId(dateColumn: string, idColumn: string, window: PageWindow): Expression<SqlBool> {
  const [date, id] = window.after ?? [];
  if (date === undefined || id === undefined) return sql<SqlBool>`true`;
  const day = sql.ref(dateColumn);
  return sql<SqlBool>`(${day} <= ${date} and (${day} < ${date} or ${byIdC(idColumn)} > ${id}))`;
}
