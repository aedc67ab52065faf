/**
 * Outside bodies over HTTP: democratic services record a body, appoint members at a meeting with terms and roles
 * (refused when every place is filled or the member already holds one), end terms and record reports back; the public
 * pages show who holds each place, the vacancies, the appointing meeting and the reports back.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

describe.skipIf(databaseUnavailable)('outside bodies', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  let officer: Client;
  let bodyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    await database.db
      .insertInto('meeting')
      .values({ id: 'meeting-annual', body_id: council.council.id as string, date: '2026-05-21', start_time: '10:00', end_time: null, location: null })
      .execute();
    await database.db
      .insertInto('minute')
      .values({
        id: 'minute-annual-12',
        meeting_id: 'meeting-annual',
        number: '12',
        position: 12,
        title: 'Appointments to outside bodies',
        agenda_item_id: null,
        agenda_item_number: null,
        approves_meeting_date: null,
        approves_meeting_id: null,
        application_reference: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    await database.db
      .insertInto('agenda_item')
      .values({
        id: 'item-report-back',
        meeting_id: 'meeting-annual',
        number: '14',
        position: 14,
        title: 'Report from the Fire Authority',
        description: null,
        page_from: null,
        page_to: null,
        report_id: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    app = await makeApp(database);
    officer = new Client(app);
    expect((await officer.signIn((await makeAccount(database, 'democratic-services')).email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('records a body and appoints to its places, with the appointing meeting and minute', async () => {
    const bad = await officer.post(linkTo('outsideBodies.admin.new'), { name: '', places: 'two', website: 'fire.example' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the name of the body');
    expect(bad.body).toContain('Enter the number of places as a whole number');
    expect(bad.body).toContain('Enter the website as a full address');
    const created = await officer.post(linkTo('outsideBodies.admin.new'), {
      name: 'Shire Fire and Rescue Authority',
      category: 'Fire authority',
      places: '2',
      website: 'https://fire.example',
    });
    expect(created.statusCode).toBe(303);
    bodyId = created.headers.location!.split('/').pop()!;
    const appoint = (personId: string, extra: Record<string, string> = {}) =>
      officer.post(linkTo('outsideBodies.admin.appoint', { id: bodyId }), {
        personId,
        role: 'Member',
        startsOn: '2026-05-21',
        endsOn: '2030-05-01',
        meetingId: 'meeting-annual',
        minuteNumber: '12',
        ...extra,
      });
    expect((await appoint(council.chair.id as string)).statusCode).toBe(303);
    const twice = await appoint(council.chair.id as string);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('already holds a place on the body');
    expect((await appoint(council.cabinetMember.id as string, { role: 'Vice-chair' })).statusCode).toBe(303);
    const full = await appoint(council.councillor.id as string);
    expect(full.statusCode).toBe(400);
    expect(full.body).toContain('Every one of the 2 places is filled on 2026-05-21');
    const badMinute = await appoint(council.councillor.id as string, { startsOn: '2031-01-01', endsOn: '', minuteNumber: '99' });
    expect(badMinute.statusCode).toBe(400);
    expect(badMinute.body).toContain('That meeting has no minute numbered 99');

    const page = await new Client(app).get(linkTo('outsideBodies.show', { slug: 'shire-fire-and-rescue-authority' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mrs Alice Chairwood');
    expect(page.body).toContain('Vice-chair');
    expect(page.body).toContain('County Council, Thursday 21 May 2026, minute 12');
    expect(page.body).toContain('0 are vacant');
  });

  it('ends a term, which frees a place, and records a report back to a meeting', async () => {
    const appointment = await database.db
      .selectFrom('outside_body_appointment')
      .selectAll()
      .where('person_id', '=', council.cabinetMember.id as string)
      .executeTakeFirstOrThrow();
    const bad = await officer.post(linkTo('outsideBodies.admin.end', { id: appointment.id }), { endsOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The term cannot end before it started on 2026-05-21');
    expect((await officer.post(linkTo('outsideBodies.admin.end', { id: appointment.id }), { endsOn: '2026-06-30' })).statusCode).toBe(303);
    const chairs = await database.db
      .selectFrom('outside_body_appointment')
      .selectAll()
      .where('person_id', '=', council.chair.id as string)
      .executeTakeFirstOrThrow();
    expect((await officer.post(linkTo('outsideBodies.admin.report', { id: chairs.id }), { meetingId: 'meeting-annual', itemNumber: '77' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await officer.post(linkTo('outsideBodies.admin.report', { id: chairs.id }), {
          meetingId: 'meeting-annual',
          itemNumber: '14',
          summary: 'Budget and response times.',
        })
      ).statusCode,
    ).toBe(303);
    const list = await new Client(app).get(linkTo('outsideBodies.list'));
    expect(list.body).toContain('Shire Fire and Rescue Authority');
    const page = await new Client(app).get(linkTo('outsideBodies.show', { slug: 'shire-fire-and-rescue-authority' }));
    expect(page.body).toContain('1 is vacant');
    expect(page.body).toContain('Report from the Fire Authority');
    expect(page.body).toContain('Budget and response times.');
    const audit = await database.db.selectFrom('audit_log').select(['table_name', 'action']).where('table_name', 'like', 'outside_body%').execute();
    expect(audit).toContainEqual({ table_name: 'outside_body_appointment', action: 'update' });
    expect(audit).toContainEqual({ table_name: 'outside_body_report', action: 'insert' });
  });
});
