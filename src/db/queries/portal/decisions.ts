/**
 * The decisions register: every resolution a body passed (from its published minutes) and every recorded decision
 * (executive, urgent, key), as one list. Resolutions of exempt minutes are left out here, at the source.
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
  limit: number;
  offset: number;
  /** How far the total is counted (default DECISION_COUNT_CAP; tests lower it to try the windows on small data). */
  countCap?: number;
}

function register(db: Db) {
  const resolutions = db
    .selectFrom('public_resolution as resolution')
    .innerJoin('public_minute as minute', 'minute.id', 'resolution.minute_id')
    .innerJoin('meeting', 'meeting.id', 'minute.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('meeting_workflow as workflow', 'workflow.id', 'meeting.id')
    .where('minute.exempt', '=', false)
    .where('resolution.withdrawn_at', 'is', null)
    .select((eb) => [
      sql<'resolution' | 'decision'>`'resolution'`.as('kind'),
      'resolution.id as id',
      'meeting.date as date',
      'minute.title as subject',
      'resolution.text as text',
      eb.ref('body.id').$castTo<string | null>().as('body_id'),
      eb.ref('body.name').$castTo<string | null>().as('body_name'),
      eb.ref('body.slug').$castTo<string | null>().as('body_slug'),
      sql<string | null>`null::text`.as('maker_person_id'),
      sql<string | null>`null::text`.as('maker_role'),
      eb.ref('meeting.id').$castTo<string | null>().as('meeting_id'),
      eb.ref('minute.number').$castTo<string | null>().as('minute_number'),
      sql<boolean>`false`.as('is_key'),
      sql<boolean>`false`.as('is_urgent'),
      // From draft minutes not yet approved at a later meeting: provisional until then (issue 18).
      sql<boolean>`coalesce(workflow.minutes_published_at is not null and workflow.minutes_approved_at is null, false)`.as('provisional'),
      'resolution.position as position',
    ]);
  const decisions = db
    .selectFrom('decision')
    .leftJoin('body', 'body.id', 'decision.decision_maker_body_id')
    .select([
      sql<'resolution' | 'decision'>`'decision'`.as('kind'),
      'decision.id as id',
      'decision.decision_date as date',
      'decision.subject as subject',
      'decision.text as text',
      'body.id as body_id',
      'body.name as body_name',
      'body.slug as body_slug',
      'decision.decision_maker_person_id as maker_person_id',
      'decision.decision_maker_role as maker_role',
      sql<string | null>`null::text`.as('meeting_id'),
      sql<string | null>`null::text`.as('minute_number'),
      'decision.is_key as is_key',
      'decision.is_urgent as is_urgent',
      sql<boolean>`false`.as('provisional'),
      sql<number>`0`.as('position'),
    ]);
  return db.selectFrom(resolutions.unionAll(decisions).as('register'));
}

function filtered(db: Db, filters: DecisionFilters) {
  let query = register(db);
  if (filters.bodyId) query = query.where('register.body_id', '=', filters.bodyId);
  if (filters.makerPersonId) query = query.where('register.maker_person_id', '=', filters.makerPersonId);
  if (filters.from) query = query.where('register.date', '>=', filters.from);
  if (filters.to) query = query.where('register.date', '<=', filters.to);
  if (filters.keyOnly) query = query.where('register.is_key', '=', true);
  if (filters.urgentOnly) query = query.where('register.is_urgent', '=', true);
  return query;
}

/** The register counts its entries up to this many; beyond, a page says "more than" (issue 23: bounded counts). */
export const DECISION_COUNT_CAP = 1000;

/**
 * The oldest and newest dates on the register (index reads: meeting_date_idx, decision_date_idx of migration
 * 20261207_2802): where the windows of `listDecisions` start, and when a window already holds everything.
 */
async function dateSpan(db: Db): Promise<{ oldest: string; newest: string } | undefined> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('meeting')
        .select((m) => m.fn.min('meeting.date').as('d'))
        .as('meeting_oldest'),
      eb
        .selectFrom('meeting')
        .select((m) => m.fn.max('meeting.date').as('d'))
        .as('meeting_newest'),
      eb
        .selectFrom('decision')
        .select((d) => d.fn.min('decision.decision_date').as('d'))
        .as('decision_oldest'),
      eb
        .selectFrom('decision')
        .select((d) => d.fn.max('decision.decision_date').as('d'))
        .as('decision_newest'),
    ])
    .executeTakeFirst();
  const oldest = [row?.meeting_oldest, row?.decision_oldest].filter((date): date is string => Boolean(date)).sort();
  const newest = [row?.meeting_newest, row?.decision_newest].filter((date): date is string => Boolean(date)).sort();
  return oldest.length && newest.length ? { oldest: oldest[0]!, newest: newest.at(-1)! } : undefined;
}

function monthsBefore(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.toISOString().slice(0, 10);
}

async function pageOf(db: Db, filters: DecisionFilters, since: string | undefined) {
  let query = filtered(db, filters);
  if (since) query = query.where('register.date', '>=', since);
  return query
    .leftJoin('person', 'person.id', 'register.maker_person_id')
    .selectAll('register')
    .select(['person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals'])
    .orderBy('register.date', 'desc')
    .orderBy('register.body_name')
    .orderBy('register.minute_number')
    .orderBy('register.position')
    .orderBy('register.id')
    .limit(filters.limit + 1)
    .offset(filters.offset)
    .execute();
}

/**
 * One page of the register, newest first, and how many entries it has (exactly up to DECISION_COUNT_CAP, else
 * `capped`). Sorting the whole register for every page cost time in proportion to the archive (120,000 resolutions
 * at twenty years), so the page is read from a window of recent dates (an index range on the meeting's date), widened
 * until it holds the page and one more entry, or the whole register. The register is ordered by date first, so every
 * entry in the window comes before every entry outside it: the page is the same as the whole register's.
 */
export async function listDecisions(db: Db, filters: DecisionFilters) {
  const cap = filters.countCap ?? DECISION_COUNT_CAP;
  const [countRow, span] = await Promise.all([
    db
      .selectFrom(
        filtered(db, filters)
          .select('register.id')
          .limit(cap + 1)
          .as('bounded'),
      )
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
      .executeTakeFirst(),
    dateSpan(db),
  ]);
  const total = Number(countRow?.total ?? 0);
  const capped = total > cap;
  // A small register is read whole at once. A large one from a year's window, doubled until the window holds the
  // page and one more entry (then it is the whole register's page) or reaches back past the oldest date.
  let rows: Awaited<ReturnType<typeof pageOf>> = [];
  for (let months = 12; ; months *= 2) {
    const since = capped && span ? monthsBefore(span.newest, months) : undefined;
    const whole = since === undefined || since <= span!.oldest;
    rows = await pageOf(db, filters, whole ? undefined : since);
    if (whole || rows.length > filters.limit) break;
  }
  return { total: Math.min(total, cap), capped, more: rows.length > filters.limit, rows: rows.slice(0, filters.limit) };
}
export type DecisionRegisterRow = Awaited<ReturnType<typeof listDecisions>>['rows'][number];

/** People who have taken recorded decisions, for the register's filter. */
export async function decisionMakers(db: Db) {
  return db
    .selectFrom('decision')
    .innerJoin('person', 'person.id', 'decision.decision_maker_person_id')
    .select(['person.id', 'person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals'])
    .distinct()
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
