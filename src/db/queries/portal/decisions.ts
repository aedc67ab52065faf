/**
 * The decisions register: every resolution a body passed (from its published minutes) and every recorded decision
 * (executive, urgent, key), as one list. Resolutions of exempt minutes are left out here, at the source.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database>;

export interface DecisionFilters {
  bodyId?: string;
  makerPersonId?: string;
  from?: string;
  to?: string;
  keyOnly?: boolean;
  urgentOnly?: boolean;
  limit: number;
  offset: number;
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

export async function listDecisions(db: Db, filters: DecisionFilters) {
  const countRow = await filtered(db, filters)
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .executeTakeFirst();
  const rows = await filtered(db, filters)
    .leftJoin('person', 'person.id', 'register.maker_person_id')
    .selectAll('register')
    .select(['person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals'])
    .orderBy('register.date', 'desc')
    .orderBy('register.body_name')
    .orderBy('register.minute_number')
    .orderBy('register.position')
    .orderBy('register.id')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
  return { total: Number(countRow?.total ?? 0), rows };
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
