/**
 * The decisions register: every resolution a body passed (from its published, non-exempt minutes) and every recorded
 * decision (executive, urgent, key), as one list, read from `decision_register_entry`, the table the database keeps
 * on write with only the entries the public may see (migration 20261208_0701, where the rule is written).
 *
 * A page is an index range: the filters, then the register's order (newest first, then body, minute number, position
 * and id), starting after a cursor (the order key of the last entry of the page before) rather than after a number
 * of skipped entries, so page 2,000 costs what page 1 costs. The total is counted only up to a bound.
 */
import { sql } from 'kysely';
import type { Db } from '../../types.ts';

export interface DecisionFilters {
  bodyId?: string;
  makerPersonId?: string;
  from?: string;
  to?: string;
  keyOnly?: boolean;
  urgentOnly?: boolean;
}

/** The register's order key of one entry: where a page before or after it starts. */
export interface DecisionCursor {
  date: string;
  bodyName: string | null;
  minuteNumber: string | null;
  position: number;
  id: string;
}

/**
 * Which page (one of): the newest, `offset` entries skipped (for the old numbered links, which the route bounds), the
 * entries older than `before`, or those newer than `after`.
 */
export interface DecisionWindow {
  limit: number;
  offset?: number;
  before?: DecisionCursor | undefined;
  after?: DecisionCursor | undefined;
}

function filtered(db: Db, filters: DecisionFilters) {
  let query = db.selectFrom('decision_register_entry as entry');
  if (filters.bodyId) query = query.where('entry.body_id', '=', filters.bodyId);
  if (filters.makerPersonId) query = query.where('entry.maker_person_id', '=', filters.makerPersonId);
  if (filters.from) query = query.where('entry.date', '>=', filters.from);
  if (filters.to) query = query.where('entry.date', '<=', filters.to);
  if (filters.keyOnly) query = query.where('entry.is_key', '=', true);
  if (filters.urgentOnly) query = query.where('entry.is_urgent', '=', true);
  return query;
}

/**
 * The order after the date as one row of values that are never null, ascending: a null body name or minute number
 * sorts last (the flag `is null` is false before true), as `nulls last` does in the order and its indexes. Only the
 * entries of the cursor's own day are compared with it; the date bounds the index range.
 */
const tail = sql`((entry.body_name is null), coalesce(entry.body_name, ''), (entry.minute_number is null), coalesce(entry.minute_number, ''), entry.position, entry.id)`;
const cursorTail = (cursor: DecisionCursor) =>
  sql`(${cursor.bodyName === null}, ${cursor.bodyName ?? ''}, ${cursor.minuteNumber === null}, ${cursor.minuteNumber ?? ''}, ${cursor.position}::integer, ${cursor.id})`;

async function readPage(db: Db, filters: DecisionFilters, window: DecisionWindow, limit: number) {
  let query = filtered(db, filters)
    .leftJoin('person', 'person.id', 'entry.maker_person_id')
    .selectAll('entry')
    .select(['person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals']);
  if (window.before) {
    const { date } = window.before;
    query = query.where('entry.date', '<=', date).where(sql<boolean>`(entry.date < ${date} or ${tail} > ${cursorTail(window.before)})`);
  }
  if (window.after) {
    // Newer entries, read from the cursor upwards (the same indexes walked backwards), then put back in order.
    const { date } = window.after;
    const rows = await query
      .where('entry.date', '>=', date)
      .where(sql<boolean>`(entry.date > ${date} or ${tail} < ${cursorTail(window.after)})`)
      .orderBy('entry.date', 'asc')
      .orderBy('entry.body_name', (ob) => ob.desc().nullsFirst())
      .orderBy('entry.minute_number', (ob) => ob.desc().nullsFirst())
      .orderBy('entry.position', 'desc')
      .orderBy('entry.id', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse();
  }
  return query
    .orderBy('entry.date', 'desc')
    .orderBy('entry.body_name', (ob) => ob.asc().nullsLast())
    .orderBy('entry.minute_number', (ob) => ob.asc().nullsLast())
    .orderBy('entry.position', 'asc')
    .orderBy('entry.id', 'asc')
    .limit(limit)
    .offset(window.before ? 0 : (window.offset ?? 0))
    .execute();
}

/**
 * One page of the register, in its order, and whether there are older and newer entries beyond it. One entry more
 * than the page is read to know. A page of newer entries that reaches the newest is the newest page itself, so
 * walking back up ends on the page the register opens with.
 */
export async function listDecisions(db: Db, filters: DecisionFilters, window: DecisionWindow) {
  const limit = window.limit;
  if (window.after) {
    const rows = await readPage(db, filters, window, limit + 1);
    if (rows.length > limit) return { rows: rows.slice(1), older: true, newer: true };
    return listDecisions(db, filters, { limit });
  }
  const rows = await readPage(db, filters, window, limit + 1);
  return { rows: rows.slice(0, limit), older: rows.length > limit, newer: Boolean(window.before) || (window.offset ?? 0) > 0 };
}
export type DecisionRegisterRow = Awaited<ReturnType<typeof listDecisions>>['rows'][number];

/** The cursor a page before or after this entry starts from. */
export function decisionCursorOf(row: DecisionRegisterRow): DecisionCursor {
  return { date: row.date, bodyName: row.body_name, minuteNumber: row.minute_number, position: row.position, id: row.id };
}

/** The register counts its entries up to this many; beyond, a page says "more than" (issue 23: bounded counts). */
export const DECISION_COUNT_CAP = 1000;

/** How many entries the filters select, counted up to `cap` (then `capped`): an index range of at most cap + 1 entries. */
export async function countDecisions(db: Db, filters: DecisionFilters, cap = DECISION_COUNT_CAP) {
  const row = await db
    .selectFrom(
      filtered(db, filters)
        .select('entry.id')
        .limit(cap + 1)
        .as('bounded'),
    )
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .executeTakeFirst();
  const total = Number(row?.total ?? 0);
  return { total: Math.min(total, cap), capped: total > cap };
}

/**
 * People who have taken recorded decisions, for the register's filter. The distinct makers are found by skipping
 * through the makers' index (one descent per person), not by reading every decision.
 */
export async function decisionMakers(db: Db) {
  return db
    .withRecursive('maker(id)', (qb) =>
      qb
        .selectNoFrom((eb) =>
          eb
            .selectFrom('decision_register_entry')
            .select((inner) => inner.fn.min('maker_person_id').as('id'))
            .where('maker_person_id', 'is not', null)
            .as('id'),
        )
        .unionAll((union) =>
          union
            .selectFrom('maker')
            .select((eb) =>
              eb
                .selectFrom('decision_register_entry as entry')
                .select((inner) => inner.fn.min('entry.maker_person_id').as('id'))
                .whereRef('entry.maker_person_id', '>', 'maker.id')
                .as('id'),
            )
            .where('maker.id', 'is not', null),
        ),
    )
    .selectFrom('maker')
    .innerJoin('person', 'person.id', 'maker.id')
    .select(['person.id', 'person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals'])
    .orderBy('person.family_name')
    .orderBy('person.id')
    .execute();
}

export async function findDecision(db: Db, id: string) {
  return db
    .selectFrom('decision')
    .leftJoin('body', 'body.id', 'decision.decision_maker_body_id')
    .leftJoin('person', 'person.id', 'decision.decision_maker_person_id')
    .leftJoin('public_report as report', (join) => join.onRef('report.id', '=', 'decision.report_id').on('report.exempt', '=', false))
    .select([
      'decision.id',
      'decision.decision_date',
      'decision.subject',
      'decision.text',
      'decision.decision_maker_role',
      'decision.is_key',
      'decision.is_urgent',
      'decision.urgency_reason',
      'decision.record_number',
      'body.name as body_name',
      'body.slug as body_slug',
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      'report.id as report_id',
      'report.subject as report_subject',
    ])
    .where('decision.id', '=', id)
    .executeTakeFirst();
}
