/**
 * The forward plan over HTTP: an entry goes from draft to published notice to recorded decision, with the 28 clear
 * days' rule, the general exception and special urgency each refused until their conditions are met; a private
 * meeting's representations and response are published; drafts, withdrawn entries and officers' notes never reach
 * the public pages or feeds; the special urgency report is generated as DOCX and PDF.
 */
import mammoth from 'mammoth';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

const SECRET_NOTE = 'Officer-only: the preferred bidder is Acme Paving';

describe.skipIf(databaseUnavailable)('forward plan', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  let officer: Client;

  const entryFields = (overrides: Record<string, string | string[]> = {}) => ({
    subject: 'Highways maintenance contract 2027-2032',
    summary: 'Award of the term contract for highways maintenance.',
    decisionMakerBodyId: council.cabinet.id as string,
    decisionMakerPersonId: '',
    decisionMakerTitle: '',
    plannedDate: '2027-01-13',
    keyDecision: 'yes',
    wards: 'Northgate\nSouthgate',
    documents: 'Report of the Director of Highways',
    consultees: 'Parish councils',
    contact: 'Eira Director',
    privateMeeting: 'no',
    route: 'notice',
    officerNote: SECRET_NOTE,
    ...overrides,
  });

  async function create(fields: Record<string, string | string[]>): Promise<string> {
    const response = await officer.post(linkTo('forwardPlan.admin.new'), fields);
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
    return response.headers.location!.split('/').pop()!;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    app = await makeApp(database, { publicUrl: 'https://democracy.shire.example' });
    officer = new Client(app);
    expect((await officer.signIn((await makeAccount(database, 'democratic-services')).email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('publishes a key decision with 28 clear days’ notice and records the decision with its call-in period', async () => {
    const id = await create(entryFields());
    // A draft is not public.
    expect((await new Client(app).get(linkTo('forwardPlan.entry', { id }))).statusCode).toBe(404);
    // 13 January 2027 is 42 clear days after 1 December 2026.
    expect((await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' })).statusCode).toBe(303);
    const page = await new Client(app).get(linkTo('forwardPlan.entry', { id }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Highways maintenance contract 2027-2032');
    expect(page.body).toContain('Northgate, Southgate');
    expect(page.body).not.toContain('Acme Paving');

    const recorded = await officer.post(linkTo('forwardPlan.admin.decision', { id }), {
      decidedOn: '2027-01-13',
      decision: 'To award the contract to the highest-scoring tenderer.',
      reasons: 'Best value.',
      meetingId: council.cabinetMeeting.id as string,
      publishedOn: '2027-01-14',
    });
    expect(recorded.statusCode, recorded.body.slice(0, 3000)).toBe(303);
    const decided = await new Client(app).get(linkTo('forwardPlan.entry', { id }));
    // Published Thursday 14 January 2027: five working days end on Thursday 21st; implementation Friday 22nd.
    expect(decided.body).toContain('May be called in until the end of Thursday 21 January 2027');
    expect(decided.body).toContain('Friday 22 January 2027');
    const decision = await database.db
      .selectFrom('decision')
      .selectAll()
      .where('subject', '=', 'Highways maintenance contract 2027-2032')
      .executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ decision_date: '2027-01-13', is_key: true, is_urgent: false, decision_maker_body_id: council.cabinet.id });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['table_name', 'action'])
      .where('table_name', 'in', ['forward_plan_entry', 'executive_decision_record'])
      .execute();
    expect(audit).toContainEqual({ table_name: 'executive_decision_record', action: 'insert' });
    expect(audit.filter((row) => row.table_name === 'forward_plan_entry').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses 18 days’ notice until the general exception is taken with its reasons and the scrutiny chair informed', async () => {
    const id = await create(entryFields({ subject: 'School transport policy', plannedDate: '2026-12-20' }));
    const refused = await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Only 18 clear days');
    expect(refused.body).toContain('general exception (regulation 10)');
    expect(refused.body).toContain('href="#publish-publishedOn"');

    const edited = await officer.post(
      linkTo('forwardPlan.admin.edit', { id }),
      entryFields({ subject: 'School transport policy', plannedDate: '2026-12-20', route: 'general-exception' }),
    );
    expect(edited.statusCode).toBe(303);
    const stillRefused = await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' });
    expect(stillRefused.statusCode).toBe(400);
    expect(stillRefused.body).toContain('Say why 28 days’ notice is impracticable');
    expect(stillRefused.body).toContain('Choose the chair of the relevant overview and scrutiny committee');

    await officer.post(
      linkTo('forwardPlan.admin.edit', { id }),
      entryFields({
        subject: 'School transport policy',
        plannedDate: '2026-12-20',
        route: 'general-exception',
        urgencyReasons: 'The grant must be claimed by January.',
        scrutinyChairPersonId: council.chair.id as string,
        scrutinyChairInformedOn: '2026-12-01',
      }),
    );
    expect((await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' })).statusCode).toBe(303);
    const page = await new Client(app).get(linkTo('forwardPlan.entry', { id }));
    expect(page.body).toContain('General exception (regulation 10)');
    expect(page.body).toContain('The grant must be claimed by January.');
    expect(page.body).toContain('Mrs Alice Chairwood');
  });

  it('takes special urgency only with the scrutiny chair’s agreement; the decision escapes call-in and is in the quarterly report', async () => {
    const fields = entryFields({
      subject: 'Emergency bridge repairs',
      plannedDate: '2026-12-03',
      route: 'special-urgency',
      urgencyReasons: 'The bridge is unsafe.',
      scrutinyChairPersonId: council.chair.id as string,
    });
    const id = await create(fields);
    const refused = await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the date the scrutiny chair agreed the decision is urgent (regulation 11)');
    await officer.post(linkTo('forwardPlan.admin.edit', { id }), { ...fields, scrutinyChairAgreedOn: '2026-12-01' });
    expect((await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' })).statusCode).toBe(303);
    const recorded = await officer.post(linkTo('forwardPlan.admin.decision', { id }), {
      decidedOn: '2026-12-03',
      decision: 'To close the bridge and repair it.',
      reasons: 'Safety.',
      meetingId: council.urgentMeeting.id as string,
      publishedOn: '2026-12-03',
    });
    expect(recorded.statusCode, recorded.body.slice(0, 2000)).toBe(303);
    expect((await new Client(app).get(linkTo('forwardPlan.entry', { id }))).body).toContain('Not subject to call-in');

    const report = await new Client(app).get(`${linkTo('forwardPlan.urgencyReport')}?quarter=2026-Q4`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Emergency bridge repairs');
    const docx = await new Client(app).get(`${linkTo('forwardPlan.urgencyReport.docx')}?quarter=2026-Q4`);
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Emergency bridge repairs');
    expect(text).toContain('Mrs Alice Chairwood, chair of the relevant overview and scrutiny committee, agreed on 1 December 2026');
    expect(text).not.toContain('School transport policy');
    const pdf = await new Client(app).get(`${linkTo('forwardPlan.urgencyReport.pdf')}?quarter=2026-Q4`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await new Client(app).get(`${linkTo('forwardPlan.urgencyReport')}?quarter=Q5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the quarter as a year and quarter, like 2026-Q4');
  });

  it('publishes a private meeting notice with its representations and response', async () => {
    const id = await create(
      entryFields({ subject: 'Sale of the depot', privateMeeting: 'yes', exemptParagraphs: ['3'], privateReasons: 'Commercial terms of the sale.' }),
    );
    await officer.post(linkTo('forwardPlan.admin.publish', { id }), { publishedOn: '2026-12-01' });
    expect(
      (
        await officer.post(linkTo('forwardPlan.admin.representations', { id }), {
          receivedOn: '2026-12-10',
          text: 'The public should hear why the depot is sold.',
        })
      ).statusCode,
    ).toBe(303);
    const representation = await database.db.selectFrom('forward_plan_representation').select('id').executeTakeFirstOrThrow();
    expect(
      (
        await officer.post(linkTo('forwardPlan.admin.response', { id: representation.id }), {
          response: 'Only the prices are private.',
          respondedOn: '2026-12-15',
        })
      ).statusCode,
    ).toBe(303);
    const page = await new Client(app).get(linkTo('forwardPlan.entry', { id }));
    expect(page.body).toContain('Schedule 12A paragraph 3');
    expect(page.body).toContain('The public should hear why the depot is sold.');
    expect(page.body).toContain('Only the prices are private.');
    expect(page.body).toContain('7 January 2027'); // further notice: 5 clear days before 13 January
  });

  it('keeps drafts, withdrawn entries and officers’ notes out of the list, the feeds and the calendar', async () => {
    const draft = await create(entryFields({ subject: 'Draft only matter' }));
    const withdrawn = await create(entryFields({ subject: 'Withdrawn matter' }));
    await officer.post(linkTo('forwardPlan.admin.publish', { id: withdrawn }), { publishedOn: '2026-12-01' });
    expect((await officer.post(linkTo('forwardPlan.admin.withdraw', { id: withdrawn }), { reason: 'No longer needed' })).statusCode).toBe(303);
    const anonymous = new Client(app);
    const surfaces = [
      linkTo('forwardPlan.list'),
      linkTo('forwardPlan.rss'),
      linkTo('forwardPlan.atom'),
      linkTo('forwardPlan.ics'),
      linkTo('forwardPlan.entry', { id: draft }),
      linkTo('forwardPlan.entry', { id: withdrawn }),
    ];
    for (const url of surfaces) {
      const body = (await anonymous.get(url)).body;
      expect(body, url).not.toContain('Draft only matter');
      expect(body, url).not.toContain('Withdrawn matter');
      expect(body, url).not.toContain('Acme Paving');
    }
    const list = await anonymous.get(linkTo('forwardPlan.list'));
    expect(list.body).toContain('Highways maintenance contract 2027-2032');
    const rss = await anonymous.get(linkTo('forwardPlan.rss'));
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('https://democracy.shire.example/forward-plan/');
    const ics = await anonymous.get(linkTo('forwardPlan.ics'));
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('SUMMARY:Decided: Highways maintenance contract 2027-2032');
  });

  it('filters the list by ward, decision maker, date and words, and says what is wrong with a bad date', async () => {
    const anonymous = new Client(app);
    const byWard = await anonymous.get(`${linkTo('forwardPlan.list')}?ward=Northgate&q=bridge`);
    expect(byWard.body).toContain('Emergency bridge repairs');
    expect(byWard.body).not.toContain('Sale of the depot');
    const byDate = await anonymous.get(`${linkTo('forwardPlan.list')}?from=2027-01-01&status=planned`);
    expect(byDate.body).toContain('Sale of the depot');
    expect(byDate.body).not.toContain('Emergency bridge repairs');
    // Dates are taken as people write them; an impossible one is a field error naming the field.
    const ukStyle = await anonymous.get(`${linkTo('forwardPlan.list')}?from=1/1/2027&status=planned`);
    expect(ukStyle.statusCode).toBe(200);
    expect(ukStyle.body).toContain('Sale of the depot');
    expect(ukStyle.body).not.toContain('Emergency bridge repairs');
    const bad = await anonymous.get(`${linkTo('forwardPlan.list')}?from=31/02/2026`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The first decision date must be a real date, for example 1 April 2011');
  });

  it('shows the form’s errors for bad input, with the values kept', async () => {
    const response = await officer.post(linkTo('forwardPlan.admin.new'), entryFields({ subject: '', plannedDate: '2027-02-31', decisionMakerBodyId: '' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the matter to be decided');
    expect(response.body).toContain('Enter the date of the decision as YYYY-MM-DD');
    expect(response.body).toContain('Parish councils');
  });
});
