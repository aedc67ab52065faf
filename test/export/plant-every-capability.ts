/**
 * Records of every capability the seed papers do not produce, so the complete-export tests see a row in every
 * exported table (and a non-default value in the committee-record columns version 1 left out). Built on whatever
 * the seed import made: the first meeting, member, minute and report it holds.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { plantAccountability } from '../api/support/plant-accountability.ts';
import { plantRegisters } from '../registers/plant-registers.ts';

export const SECRET_EMAIL = 'member.secret@example.invalid';
export const CLAIM_CANARY = 'CANARY-claim train to Maidstone';

export async function plantEveryCapability(db: Kysely<Database>): Promise<void> {
  const authority = await db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
  const meeting = await db.selectFrom('meeting').select(['id', 'body_id']).orderBy('date').orderBy('id').executeTakeFirstOrThrow();
  const later = await db.selectFrom('meeting').select('id').where('id', '!=', meeting.id).orderBy('date', 'desc').orderBy('id').executeTakeFirstOrThrow();
  const member = await db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').executeTakeFirstOrThrow();
  const minute = await db.selectFrom('minute').select('id').where('exempt', '=', false).orderBy('id').executeTakeFirstOrThrow();
  const resolution = await db.selectFrom('resolution').select('id').orderBy('id').executeTakeFirstOrThrow();
  const report = await db.selectFrom('report').select('id').where('exempt', '=', false).orderBy('id').executeTakeFirstOrThrow();
  const group = { id: 'group-planted1' };
  await db.insertInto('political_group').values({ id: group.id, authority_id: authority.id, name: 'Planted Group', abbreviation: 'PG' }).execute();
  await db
    .insertInto('group_membership')
    .values({ id: 'group-membership-planted1', group_id: group.id, person_id: member.id, role: 'Leader', start_date: '2009-06-04' })
    .execute();
  const source = await db.selectFrom('source_document').select(['id', 'content_hash']).orderBy('id').executeTakeFirstOrThrow();

  await plantAccountability(db, { authorityId: authority.id, meetingId: meeting.id, bodyId: meeting.body_id });
  await plantRegisters(db, { bodyId: meeting.body_id, memberId: member.id });

  // Committee-record columns added after version 1.
  await db.updateTable('person').set({ email: SECRET_EMAIL }).where('id', '=', member.id).execute();
  // Wards, members' terms and contact details, committees' terms of reference and clerks (migration 20261207_1800).
  await db.insertInto('ward').values({ id: 'ward-planted1', authority_id: authority.id, name: 'Planted Ward', slug: 'planted-ward' }).execute();
  await db
    .updateTable('person')
    .set({ ward_id: 'ward-planted1', term_start: '2009-06-04', term_end: '2013-05-01', phone: '01622 000000', address: '1 Planted Row' })
    .where('id', '=', member.id)
    .execute();
  await db
    .updateTable('body')
    .set({ terms_of_reference: 'To plant records.', clerk_name: 'A Clerk', clerk_email: 'clerk@example.invalid', clerk_phone: '01622 000001' })
    .where('id', '=', meeting.body_id)
    .execute();
  await db.updateTable('meeting').set({ cancelled_reason: 'Not quorate' }).where('id', '=', meeting.id).execute();
  const file = { sha256: 'a'.repeat(64), content: Buffer.from('%PDF-1.4 planted report'), byte_size: 23 };
  const receipt = { sha256: 'b'.repeat(64), content: Buffer.from([0, 1, 2, 250, 251, 252]), byte_size: 6 };
  await db.insertInto('stored_file').values([file, receipt]).execute();
  await db
    .updateTable('report')
    .set({ original_file_sha256: file.sha256, original_filename: 'report.pdf', original_media_type: 'application/pdf' })
    .where('id', '=', report.id)
    .execute();
  // A councillor's photo (migration 20261207_4401): its copy names a stored file already planted, so the counts of files stay.
  await db.insertInto('person_photo').values({ person_id: member.id, alt_text: 'Photo of a planted member' }).execute();
  await db.insertInto('person_photo_file').values({ person_id: member.id, width: 240, height: 320, format: 'webp', sha256: file.sha256 }).execute();
  await db.updateTable('resolution').set({ withdrawn_at: '2026-11-30T10:15:00.123Z', withdrawn_by: 'user:clerk' }).where('id', '=', resolution.id).execute();

  // Meeting workflow: minutes approved, so the meeting's record is locked (a restore must still work, twice).
  await db
    .insertInto('minute_correction')
    .values({ id: 'correction-planted1', minute_id: minute.id, text: 'Corrected wording.', reason: 'Typing error' })
    .execute();
  await db
    .insertInto('meeting_workflow')
    .values({
      id: meeting.id,
      agenda_published_at: new Date('2011-03-08T09:00:00Z'),
      agenda_published_late: true,
      minutes_published_at: new Date('2011-03-20T09:00:00Z'),
      minutes_approved_at: new Date('2011-04-06T11:00:00Z'),
      minutes_approved_at_meeting_id: later.id,
    })
    .execute();
  // An address the meeting had before its date changed (old links redirect).
  await db
    .insertInto('meeting_address')
    .values({ slug: `2011-03-01-${meeting.id}-old`, meeting_id: meeting.id })
    .execute();

  // Scrutiny beyond the planted recommendations.
  await db
    .insertInto('scrutiny_action_owner')
    .values({
      id: 'owner-planted1',
      recommendation_id: 'recommendation-planted1',
      person_id: member.id,
      printed: 'Mr Owner',
      instruction: 'Internal: chase weekly',
      position: 1,
    })
    .execute();
  await db
    .insertInto('scrutiny_status_change')
    .values([
      {
        recommendation_id: 'recommendation-planted1',
        from_status: 'PENDING',
        to_status: 'RESPONSE RECEIVED',
        effective_date: '2012-01-10',
        reason: 'Response in',
        actor: 'user:officer',
        created_at: '2012-01-10T12:00:00Z',
      },
      {
        recommendation_id: 'recommendation-planted2',
        from_status: null,
        to_status: 'PENDING',
        effective_date: '2011-12-01',
        reason: 'Made',
        actor: 'user:officer',
        created_at: '2011-12-01T12:00:00Z',
      },
    ])
    .execute();
  await db
    .insertInto('scrutiny_tracking_sheet')
    .values({ id: 'sheet-planted1', body_id: meeting.body_id, sheet_date: '2012-02-01', title: 'Tracking sheet' })
    .execute();
  await db
    .insertInto('scrutiny_tracking_row')
    .values({
      id: 'sheet-row-planted1',
      sheet_id: 'sheet-planted1',
      position: 1,
      item_printed: 'Treasury',
      meeting_date: '2011-12-01',
      recommendation_number: 2,
      status_printed: 'Pending',
      recommendation_id: 'recommendation-planted2',
    })
    .execute();
  await db
    .insertInto('scrutiny_reminder')
    .values({
      kind: 'after-deadline',
      dedupe_key: 'planted',
      person_id: member.id,
      email: SECRET_EMAIL,
      recommendation_ids: ['recommendation-planted2'],
      as_at: '2012-01-24',
      subject: 'Overdue',
      sent_at: '2012-01-24T08:00:00Z',
    })
    .execute();

  // Plans beyond the planted plan.
  await db.insertInto('plan_governance').values({ id: 'governance-planted1', plan_id: 'plan-planted1', body_id: meeting.body_id, position: 1 }).execute();
  await db
    .insertInto('plan_milestone')
    .values({
      id: 'milestone-planted1',
      action_id: 'action-planted1',
      position: 1,
      timescale_text: 'Quarterly',
      timescale_kind: 'recurring',
      recurrence: 'quarterly',
      review: true,
    })
    .execute();
  await db.insertInto('plan_measure').values({ id: 'measure-planted1', milestone_id: 'milestone-planted1', position: 1, text: 'Report made' }).execute();
  await db
    .insertInto('plan_lead')
    .values({ id: 'lead-planted1', plan_id: 'plan-planted1', milestone_id: 'milestone-planted1', position: 1, person_id: member.id, role: null })
    .execute();
  await db
    .insertInto('requirement_set')
    .values({ id: 'requirement-set-planted1', authority_id: authority.id, plan_id: 'plan-planted1', prefix: 'R', name: 'Auditor', source: 'Audit letter' })
    .execute();
  await db
    .insertInto('requirement')
    .values({ id: 'requirement-planted1', set_id: 'requirement-set-planted1', code: 'R1', number: 1, text: 'Report treasury', due_date: '2012-03-31' })
    .execute();
  await db
    .insertInto('plan_action_requirement')
    .values({ id: 'action-requirement-planted1', action_id: 'action-planted1', requirement_id: 'requirement-planted1' })
    .execute();
  await db.updateTable('indicator_target').set({ requirement_id: 'requirement-planted1' }).where('id', '=', 'target-planted1').execute();

  // Allowances: a scheme of our own (the seed's, if any, stays as imported), and everything hung on it.
  await db
    .insertInto('allowance_scheme')
    .values({
      id: 'scheme-planted1',
      authority_id: authority.id,
      title: 'Planted scheme',
      status: 'adopted',
      effective_from: '2030-04-01',
      amended_on: ['2030-06-01'],
      basic_allowance_pence: '1234567',
      carers_max_pence_per_hour: 850n,
      rules: ['No double claims'],
      sections: JSON.stringify([{ heading: 'Basic', paragraphs: ['Paid monthly.'] }]),
      proposals: JSON.stringify([{ kind: 'increase', summary: 'Up 2%' }]),
      takes_effect_on: '2030-04-02',
      one_sra_only: true,
    })
    .execute();
  await db
    .insertInto('allowance_sra_post')
    .values({
      id: 'post-planted1',
      scheme_id: 'scheme-planted1',
      position: 1,
      name: 'Leader',
      printed: 'Leader of the Council',
      percent_of_leader: '100.00',
      amount_pence: '3000000',
      applies_to: ['Leader'],
    })
    .execute();
  await db
    .insertInto('allowance_mileage_band')
    .values({ id: 'band-planted1', scheme_id: 'scheme-planted1', effective_from: '2030-04-01', position: 1, up_to_miles: 10000, pence_per_mile: '45.5' })
    .execute();
  await db
    .insertInto('allowance_journey_purpose')
    .values({ id: 'purpose-planted1', scheme_id: 'scheme-planted1', code: 'A', text: 'Meetings of the council' })
    .execute();
  await db
    .insertInto('allowance_co_optee_rate')
    .values({ id: 'rate-planted1', scheme_id: 'scheme-planted1', role: 'Independent person', per_year_pence: 50000n, per_day_pence: null })
    .execute();
  await db.insertInto('allowance_claim_limit').values({ id: 'limit-planted1', scheme_id: 'scheme-planted1', claim_kind: 'travel', months: 3 }).execute();
  await db
    .insertInto('allowance_holding')
    .values({ id: 'holding-planted1', person_id: member.id, kind: 'sra', scheme_id: 'scheme-planted1', sra_post_id: 'post-planted1', start_date: '2030-04-01' })
    .execute();
  await db
    .insertInto('allowance_forgone')
    .values({
      id: 'forgone-planted1',
      person_id: member.id,
      year_start: '2030-04-01',
      kind: 'all',
      amount_pence: null,
      recorded_on: '2030-04-02',
      note: 'Private reason',
    })
    .execute();
  await db
    .insertInto('allowance_claim')
    .values({
      id: 'claim-planted1',
      person_id: member.id,
      scheme_id: 'scheme-planted1',
      kind: 'travel',
      duty_date: '2030-05-01',
      claimed_on: '2030-05-02',
      description: CLAIM_CANARY,
      purpose_code: 'A',
      miles: '12.5',
      mileage_parts: JSON.stringify([{ miles: '12.5', pencePerMile: '45.5', amountPence: '569' }]),
      payable_pence: '569',
      status: 'approved',
      submitted_by: 'user:member',
      decided_by: 'user:officer',
      decided_on: '2030-05-03',
    })
    .execute();
  await db
    .insertInto('allowance_claim_receipt')
    .values({
      id: 'receipt-planted1',
      claim_id: 'claim-planted1',
      file_sha256: receipt.sha256,
      filename: 'ticket.jpg',
      media_type: 'image/jpeg',
      byte_size: 6,
      uploaded_by: 'user:member',
    })
    .execute();
  await db
    .insertInto('allowance_payment')
    .values([
      {
        id: 'payment-planted1',
        run_id: 'run-2030-05',
        person_id: member.id,
        head: 'travel',
        amount_pence: '569',
        paid_on: '2030-05-31',
        claim_id: 'claim-planted1',
      },
      {
        id: 'payment-planted2',
        run_id: 'run-2030-05',
        person_id: member.id,
        head: 'sra',
        amount_pence: '250000',
        paid_on: '2030-05-31',
        covers_to: '2030-05-31',
      },
    ])
    .execute();

  // Political balance.
  await db
    .insertInto('balance_body')
    .values({ id: meeting.body_id, seats: 7, rules_apply: true, kind: 'committee' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('balance_agreement')
    .values({
      id: 'agreement-planted1',
      body_id: meeting.body_id,
      group_id: group.id,
      person_id: member.id,
      agreed_on: '2011-05-20',
      note: 'By agreement',
      votes_for: 50,
      votes_against: 0,
      votes_abstained: 2,
    })
    .execute();

  // An import issue (the seeds may give none).
  await sql`insert into import_issue (source_document_id, severity, line, message, created_at) values (${source.id}, 'warning', 12, 'Planted problem', '2026-11-20T09:15:30.123Z')`.execute(
    db,
  );

  // The import review: an officer's correction and check of the paper (its text is kept by the import).
  await db
    .insertInto('import_correction')
    .values({
      id: 'import-correction-planted1',
      content_hash: source.content_hash,
      body_name: 'Planted Body',
      meeting_date: '2011-04-06',
      kind: 'vote-count',
      record_key: '22#1',
      value: JSON.stringify({ for: 1, against: 2, abstain: 3 }),
    })
    .execute();
  await db.insertInto('paper_check').values({ id: 'paper-check-planted1', content_hash: source.content_hash, checked_by: 'account-planted' }).execute();
  await db
    .insertInto('unrecognised_paper')
    .values({ id: 'unrecognised-paper-planted1', content_hash: 'b'.repeat(64), file_name: 'notes.txt', reason: 'no meeting found' })
    .execute();

  // Preparing agendas: a standing item and a report request returned to its officer, with the file they sent.
  await db
    .insertInto('standing_item')
    .values({ id: 'standing-item-planted1', body_id: meeting.body_id, position: 1, title: 'Apologies for absence' })
    .execute();
  const item = await db.selectFrom('agenda_item').select('id').where('report_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  await db
    .insertInto('report_request')
    .values({
      id: 'report-request-planted1',
      agenda_item_id: item.id,
      officer_account_id: 'account-planted',
      officer_name: 'A Planted Officer',
      deadline: '2011-03-30',
      note: 'Two pages',
      state: 'returned',
      submitted_text: 'A draft report.',
      original_file_sha256: file.sha256,
      original_filename: 'draft.pdf',
      original_media_type: 'application/pdf',
      submitted_at: new Date('2011-03-29T10:00:00.000Z'),
      returned_reason: 'Add the costs',
      report_id: report.id,
      cleared_at: new Date('2011-03-31T10:00:00.000Z'),
    })
    .execute();
}
