/**
 * Typed queries for members' allowances. No rules here: those live in src/domain/allowances and the services.
 */
import { claimQuantity, type ClaimMade } from '../../domain/allowances/duplicate-claims.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow, Row } from '../types.ts';

export async function findMeetingOn(db: Db, bodyId: string, date: string): Promise<string | undefined> {
  const row = await db.selectFrom('meeting').select('id').where('body_id', '=', bodyId).where('date', '=', date).executeTakeFirst();
  return row?.id;
}

export async function findBodyByName(db: Db, authorityId: string, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('body').select('id').where('authority_id', '=', authorityId).where('name', '=', name).executeTakeFirst();
  return row?.id;
}

export async function listSchemes(db: Db): Promise<Array<Row<'allowance_scheme'>>> {
  return db.selectFrom('allowance_scheme').selectAll().orderBy('effective_from', 'desc').orderBy('status').execute();
}

export interface SchemeDetail {
  scheme: Row<'allowance_scheme'>;
  posts: Array<Row<'allowance_sra_post'>>;
  bands: Array<Row<'allowance_mileage_band'>>;
  purposes: Array<Row<'allowance_journey_purpose'>>;
  coOpteeRates: Array<Row<'allowance_co_optee_rate'>>;
  limits: Array<Row<'allowance_claim_limit'>>;
  adoptedMeeting: { id: string; date: string; bodyName: string } | undefined;
}

/** The latest day anything was claimed, paid or held under a scheme: the statement opens on that day's year. */
export async function latestRecordedDay(db: Db): Promise<string | undefined> {
  const [claim, payment, holding] = await Promise.all([
    db
      .selectFrom('allowance_claim')
      .select((eb) => eb.fn.max('duty_date').as('day'))
      .executeTakeFirst(),
    db
      .selectFrom('allowance_payment')
      .select((eb) => eb.fn.max('paid_on').as('day'))
      .executeTakeFirst(),
    db
      .selectFrom('allowance_holding')
      .select((eb) => eb.fn.max('start_date').as('day'))
      .executeTakeFirst(),
  ]);
  const days = [claim?.day, payment?.day, holding?.day].filter((day): day is string => typeof day === 'string' && day.length > 0);
  return days.sort().at(-1);
}

export async function findScheme(db: Db, id: string): Promise<SchemeDetail | undefined> {
  const scheme = await db.selectFrom('allowance_scheme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!scheme) return undefined;
  const [posts, bands, purposes, coOpteeRates, limits] = await Promise.all([
    db.selectFrom('allowance_sra_post').selectAll().where('scheme_id', '=', id).orderBy('position').execute(),
    db.selectFrom('allowance_mileage_band').selectAll().where('scheme_id', '=', id).orderBy('effective_from').orderBy('position').execute(),
    db.selectFrom('allowance_journey_purpose').selectAll().where('scheme_id', '=', id).orderBy('code').execute(),
    db.selectFrom('allowance_co_optee_rate').selectAll().where('scheme_id', '=', id).orderBy('role').execute(),
    db.selectFrom('allowance_claim_limit').selectAll().where('scheme_id', '=', id).orderBy('claim_kind').execute(),
  ]);
  const adoptedMeeting = scheme.adopted_meeting_id
    ? await db
        .selectFrom('meeting')
        .innerJoin('body', 'body.id', 'meeting.body_id')
        .select(['meeting.id as id', 'meeting.date as date', 'body.name as bodyName'])
        .where('meeting.id', '=', scheme.adopted_meeting_id)
        .executeTakeFirst()
    : undefined;
  return { scheme, posts, bands, purposes, coOpteeRates, limits, adoptedMeeting };
}

/** The adopted scheme in force on `date` (the latest to start on or before it). */
export async function findSchemeInForce(db: Db, date: string): Promise<SchemeDetail | undefined> {
  const row = await db
    .selectFrom('allowance_scheme')
    .select('id')
    .where('status', '=', 'adopted')
    // In force from the day it takes effect (Regulation 10(3)), which may be after the start of its period.
    .where(sql<string>`coalesce(takes_effect_on, effective_from)`, '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .orderBy(sql`coalesce(takes_effect_on, effective_from)`, 'desc')
    .executeTakeFirst();
  return row ? findScheme(db, row.id) : undefined;
}

export async function findPost(db: Db, id: string): Promise<Row<'allowance_sra_post'> | undefined> {
  return db.selectFrom('allowance_sra_post').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Serialises writes about one person's allowances (mileage counts, forgoing) and one post's holders. */
export async function lockPerson(trx: Transaction<Database>, personId: string): Promise<void> {
  await sql`select id from person where id = ${personId} for update`.execute(trx);
}

export async function lockPost(trx: Transaction<Database>, postId: string): Promise<void> {
  await sql`select id from allowance_sra_post where id = ${postId} for update`.execute(trx);
}

export async function holdersOfPost(db: Db, postId: string): Promise<Array<{ start_date: string; end_date: string | null; person_id: string }>> {
  return db.selectFrom('allowance_holding').select(['start_date', 'end_date', 'person_id']).where('sra_post_id', '=', postId).execute();
}

export async function insertHolding(db: Db, row: NewRow<'allowance_holding'>): Promise<void> {
  await db.insertInto('allowance_holding').values(row).execute();
}

export async function insertForgone(db: Db, row: NewRow<'allowance_forgone'>): Promise<void> {
  await db.insertInto('allowance_forgone').values(row).execute();
}

export interface HoldingWithAmount {
  id: string;
  person_id: string;
  kind: 'basic' | 'sra' | 'co-optee';
  start_date: string;
  end_date: string | null;
  post_name: string | null;
  role: string | null;
  sra_amount_pence: string | null;
  basic_allowance_pence: string;
  co_optee_per_year_pence: string | null;
}

/** Holdings overlapping a period, with the annual amount each carries. */
export async function holdingsIn(db: Db, period: { start: string; end: string }, personId?: string): Promise<HoldingWithAmount[]> {
  let query = db
    .selectFrom('allowance_holding as h')
    .innerJoin('allowance_scheme as s', 's.id', 'h.scheme_id')
    .leftJoin('allowance_sra_post as p', 'p.id', 'h.sra_post_id')
    .leftJoin('allowance_co_optee_rate as c', 'c.id', 'h.co_optee_rate_id')
    .select([
      'h.id',
      'h.person_id',
      'h.kind',
      'h.start_date',
      'h.end_date',
      'p.name as post_name',
      'c.role as role',
      'p.amount_pence as sra_amount_pence',
      's.basic_allowance_pence',
      'c.per_year_pence as co_optee_per_year_pence',
    ])
    .where('h.start_date', '<=', period.end)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', period.start)]));
  if (personId) query = query.where('h.person_id', '=', personId);
  return query.orderBy('h.start_date').orderBy('h.id').execute();
}

export async function forgoneIn(db: Db, yearStart: string, personId?: string): Promise<Array<Row<'allowance_forgone'>>> {
  let query = db.selectFrom('allowance_forgone').selectAll().where('year_start', '=', yearStart);
  if (personId) query = query.where('person_id', '=', personId);
  return query.orderBy('created_at').execute();
}

/** Business miles a person has claimed (and not had rejected) in a tax year. */
export async function milesClaimedIn(db: Db, personId: string, period: { start: string; end: string }): Promise<string> {
  const row = await db
    .selectFrom('allowance_claim')
    .select(sql<string>`coalesce(sum(miles), 0)::text`.as('miles'))
    .where('person_id', '=', personId)
    .where('kind', '=', 'travel')
    .where('status', '<>', 'rejected')
    .where('duty_date', '>=', period.start)
    .where('duty_date', '<=', period.end)
    .executeTakeFirstOrThrow();
  return row.miles;
}

export async function insertClaim(db: Db, row: NewRow<'allowance_claim'>): Promise<void> {
  await db.insertInto('allowance_claim').values(row).execute();
}

/** A member's claims that a new one could repeat: the same day of duty, or the same receipt file. */
export async function claimsLike(db: Db, personId: string, dutyDate: string, receiptSha256?: string): Promise<ClaimMade[]> {
  const rows = await db
    .selectFrom('allowance_claim as claim')
    .leftJoin('allowance_claim_receipt as receipt', 'receipt.claim_id', 'claim.id')
    .select(['claim.kind', 'claim.duty_date', 'claim.claimed_on', 'claim.status', 'claim.miles', 'claim.cost_pence', 'claim.days', 'receipt.file_sha256'])
    .where('claim.person_id', '=', personId)
    .where((eb) =>
      receiptSha256 ? eb.or([eb('claim.duty_date', '=', dutyDate), eb('receipt.file_sha256', '=', receiptSha256)]) : eb('claim.duty_date', '=', dutyDate),
    )
    .orderBy('claim.claimed_on')
    .execute();
  return rows.map((row) => ({
    kind: row.kind,
    dutyDate: row.duty_date,
    claimedOn: row.claimed_on,
    status: row.status,
    quantity: claimQuantity(row.kind, { miles: row.miles, costPence: row.cost_pence, days: row.days }),
    receiptSha256: row.file_sha256,
  }));
}

export async function findClaim(db: Db, id: string): Promise<Row<'allowance_claim'> | undefined> {
  return db.selectFrom('allowance_claim').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function decideClaim(
  db: Db,
  id: string,
  changes: { status: 'approved' | 'rejected'; decided_by: string; decided_on: string; decision_note: string | null },
): Promise<number> {
  const result = await db.updateTable('allowance_claim').set(changes).where('id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listClaims(
  db: Db,
  filter: { personId?: string; status?: 'submitted' | 'approved' | 'rejected'; period?: { start: string; end: string } },
) {
  let query = db
    .selectFrom('allowance_claim as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(['p.honorific', 'p.given_name', 'p.initials', 'p.family_name']);
  if (filter.personId) query = query.where('c.person_id', '=', filter.personId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.period) query = query.where('c.duty_date', '>=', filter.period.start).where('c.duty_date', '<=', filter.period.end);
  return query.orderBy('c.duty_date').orderBy('c.created_at').execute();
}

/** Each change to a claim, oldest first, from the audit log the triggers keep. */
export async function claimHistory(db: Db, claimId: string) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action', 'after'])
    .where('table_name', '=', 'allowance_claim')
    .where('record_id', '=', claimId)
    .orderBy('id')
    .execute();
}

export async function peopleNamed(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('person').select(['id', 'honorific', 'given_name', 'initials', 'family_name']).where('id', 'in', ids).execute();
}

/** Members an officer can choose from on the back-office forms, by family name. */
export async function listMemberNames(db: Db) {
  return db
    .selectFrom('person')
    .select(['id', 'honorific', 'given_name', 'initials', 'family_name'])
    .where('kind', '=', 'member')
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
}

/** Every holding overlapping a period with its post and person, for the post holders page. */
export async function holdersIn(db: Db, period: { start: string; end: string }) {
  return db
    .selectFrom('allowance_holding as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .leftJoin('allowance_sra_post as s', 's.id', 'h.sra_post_id')
    .leftJoin('allowance_co_optee_rate as c', 'c.id', 'h.co_optee_rate_id')
    .leftJoin('membership as m', 'm.id', 'h.membership_id')
    .leftJoin('body as b', 'b.id', 'm.body_id')
    .select([
      'h.id',
      'h.kind',
      'h.start_date',
      'h.end_date',
      'h.sra_post_id',
      's.name as post_name',
      's.max_holders',
      'c.role as co_optee_role',
      'm.role as membership_role',
      'b.name as membership_body',
    ])
    .select(['p.id as person_id', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name'])
    .where('h.start_date', '<=', period.end)
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>=', period.start)]))
    .orderBy('s.position')
    .orderBy('h.kind')
    .orderBy('p.family_name')
    .orderBy('h.start_date')
    .execute();
}

/** What members have forgone in an allowances year, with their names. */
export async function forgoneWithNames(db: Db, yearStart: string) {
  return db
    .selectFrom('allowance_forgone as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .selectAll('f')
    .select(['p.honorific', 'p.given_name', 'p.initials', 'p.family_name'])
    .where('f.year_start', '=', yearStart)
    .orderBy('p.family_name')
    .orderBy('f.created_at')
    .execute();
}

/** A claim with the claimant's name and the names of the accounts that submitted and decided it. */
export async function findClaimDetail(db: Db, id: string) {
  return db
    .selectFrom('allowance_claim as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('account as submitter', 'submitter.id', 'c.submitted_by')
    .leftJoin('account as decider', 'decider.id', 'c.decided_by')
    .leftJoin('allowance_journey_purpose as j', (join) => join.onRef('j.scheme_id', '=', 'c.scheme_id').onRef('j.code', '=', 'c.purpose_code'))
    .selectAll('c')
    .select([
      'p.honorific',
      'p.given_name',
      'p.initials',
      'p.family_name',
      'submitter.name as submitter_name',
      'decider.name as decider_name',
      'j.text as purpose_text',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Marks a proposed scheme adopted; returns how many rows changed (0 when it was not proposed). */
export async function adoptScheme(db: Db, id: string, changes: { adopted_on: string; takes_effect_on: string }): Promise<number> {
  const result = await db
    .updateTable('allowance_scheme')
    .set({ status: 'adopted', ...changes })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every adopted scheme's period with its basic allowance, SRA amounts by post name and co-optees' annual rates by role. */
export async function adoptedSchemeAmounts(db: Db) {
  const [schemes, posts, rates] = await Promise.all([
    db
      .selectFrom('allowance_scheme')
      .select(['id', 'effective_from', 'effective_to', 'takes_effect_on', 'one_sra_only', 'basic_allowance_pence'])
      .where('status', '=', 'adopted')
      .execute(),
    db
      .selectFrom('allowance_sra_post as p')
      .innerJoin('allowance_scheme as s', 's.id', 'p.scheme_id')
      .select(['p.scheme_id', 'p.name', 'p.amount_pence'])
      .where('s.status', '=', 'adopted')
      .execute(),
    db
      .selectFrom('allowance_co_optee_rate as c')
      .innerJoin('allowance_scheme as s', 's.id', 'c.scheme_id')
      .select(['c.scheme_id', 'c.role', 'c.per_year_pence'])
      .where('s.status', '=', 'adopted')
      .where('c.per_year_pence', 'is not', null)
      .execute(),
  ]);
  return { schemes, posts, rates };
}

export async function insertClaimReceipt(db: Db, row: NewRow<'allowance_claim_receipt'>): Promise<void> {
  await db.insertInto('allowance_claim_receipt').values(row).execute();
}

export async function findClaimReceipt(db: Db, claimId: string): Promise<Row<'allowance_claim_receipt'> | undefined> {
  return db.selectFrom('allowance_claim_receipt').selectAll().where('claim_id', '=', claimId).executeTakeFirst();
}

/** Memberships with a role beyond "member" (chairman, vice-chairman, spokesperson...), which an SRA is usually paid for. */
export async function listRoleMemberships(db: Db) {
  return db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select([
      'm.id',
      'm.person_id',
      'm.role',
      'm.start_date',
      'm.end_date',
      'b.name as body_name',
      'p.honorific',
      'p.given_name',
      'p.initials',
      'p.family_name',
    ])
    .where('m.role', 'not in', ['member', ''])
    .where('p.kind', '=', 'member')
    .orderBy('p.family_name')
    .orderBy('b.name')
    .orderBy('m.start_date')
    .execute();
}

export async function findMembershipTerm(db: Db, id: string) {
  return db.selectFrom('membership').select(['id', 'person_id', 'start_date', 'end_date']).where('id', '=', id).executeTakeFirst();
}

/** Serialises payment runs: two at once could both pay the same arrears. */
export async function lockPayments(trx: Transaction<Database>): Promise<void> {
  await sql`lock table allowance_payment in share row exclusive mode`.execute(trx);
}

/** Everything each person has been paid for their allowances (not claims), by head. */
export async function allowancesPaid(db: Db): Promise<Array<{ person_id: string; head: string; total: string }>> {
  return db
    .selectFrom('allowance_payment')
    .select(['person_id', 'head', sql<string>`sum(amount_pence)::text`.as('total')])
    .where('claim_id', 'is', null)
    .groupBy(['person_id', 'head'])
    .execute();
}

/** Approved claims decided on or before a day and not yet paid. */
export async function approvedUnpaidClaims(db: Db, decidedBy: string) {
  return db
    .selectFrom('allowance_claim as c')
    .leftJoin('allowance_payment as pay', 'pay.claim_id', 'c.id')
    .select(['c.id', 'c.person_id', 'c.kind', 'c.payable_pence'])
    .where('c.status', '=', 'approved')
    .where('c.decided_on', '<=', decidedBy)
    .where('pay.id', 'is', null)
    .orderBy('c.decided_on')
    .orderBy('c.id')
    .execute();
}

/** Every holding that started on or before a day, with its amounts (for a payment run's to-date sums). */
export async function holdingsTo(db: Db, day: string): Promise<HoldingWithAmount[]> {
  return holdingsIn(db, { start: '0001-01-01', end: day });
}

/** Everything forgone, for the years up to a day. */
export async function forgoneTo(db: Db, day: string): Promise<Array<Row<'allowance_forgone'>>> {
  return db.selectFrom('allowance_forgone').selectAll().where('year_start', '<=', day).orderBy('year_start').execute();
}

export async function insertPayments(db: Db, rows: Array<NewRow<'allowance_payment'>>): Promise<void> {
  if (rows.length) await db.insertInto('allowance_payment').values(rows).execute();
}

/** Payments made in a period, by person and head. */
export async function paymentsIn(db: Db, period: { start: string; end: string }, personId?: string) {
  let query = db
    .selectFrom('allowance_payment')
    .select(['person_id', 'head', sql<string>`sum(amount_pence)::text`.as('total')])
    .where('paid_on', '>=', period.start)
    .where('paid_on', '<=', period.end);
  if (personId) query = query.where('person_id', '=', personId);
  return query.groupBy(['person_id', 'head']).execute();
}
