/**
 * The attendance grid over HTTP (issue 18 item 3): pre-filled with the committee's members on the day, namesakes
 * told apart, chair and vice-chair from the membership roles, substitutes for whom, officers in attendance, entries
 * corrected and removed, and problems shown on their rows.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipAdder } from '../../src/services/committee/bodies.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody, insertMeeting, insertPerson } from '../support/factories.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';

describe.skipIf(databaseUnavailable)('attendance grid', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let meetingId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = await insertBody(database.db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    const add = async (key: string, spec: Parameters<typeof insertPerson>[2]) =>
      (people[key] = (await insertPerson(database.db, authority.id, spec)).id as string);
    await add('kingA', { honorific: 'Mr', given_name: 'Alan', initials: ['A', 'J'], family_name: 'King' });
    await add('kingB', { honorific: 'Mr', given_name: 'Alan', initials: ['A', 'P'], family_name: 'King' });
    await add('whittle', { honorific: 'Mrs', given_name: 'Jenny', initials: ['J'], family_name: 'Whittle' });
    await add('former', { honorific: 'Mr', given_name: 'Old', initials: ['O'], family_name: 'Member' });
    await add('sub', { honorific: 'Ms', given_name: 'Sue', initials: ['S'], family_name: 'Bstitute' });
    await add('clerk', {
      honorific: 'Ms',
      given_name: 'Anna',
      initials: ['A'],
      family_name: 'Taylor',
      kind: 'officer',
      job_title: 'Democratic Services Officer',
    });
    const cli = 'cli' as const;
    await membershipAdder({ database, actor: cli, bodyId: body.id, personId: people.kingA!, role: 'chair', startDate: '2024-05-01', endDate: undefined });
    await membershipAdder({ database, actor: cli, bodyId: body.id, personId: people.kingB!, role: 'vice-chair', startDate: '2024-05-01', endDate: undefined });
    await membershipAdder({ database, actor: cli, bodyId: body.id, personId: people.whittle!, role: 'member', startDate: '2024-05-01', endDate: undefined });
    await membershipAdder({ database, actor: cli, bodyId: body.id, personId: people.former!, role: 'member', startDate: '2020-05-01', endDate: '2024-04-30' });
    meetingId = (await insertMeeting(database.db, body.id, { date: '2024-06-10', status: 'held' })).id as string;
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    officer = new Client(app);
    await officer.signIn(account.email);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const recorded = () =>
    database.db
      .selectFrom('attendance')
      .select(['person_id', 'status', 'role', 'substitute_for_person_id'])
      .where('meeting_id', '=', meetingId)
      .orderBy('person_id')
      .execute();

  it("lists the committee's members on the day, in full with initials, chair and vice-chair from their roles, present by default", async () => {
    const page = parse((await officer.get(`/admin/meetings/${meetingId}/attendance-grid`)).body);
    expect(page.querySelector('h1')?.text).toBe('Attendance');
    const legends = page.querySelectorAll('.quorum-grid-row legend').map((legend) => legend.text.trim());
    expect(legends).toEqual(['Mr Alan J King, Chair', 'Mr Alan P King, Vice-Chair', 'Mrs Jenny Whittle']);
    expect(page.querySelector(`input[name="status-${people.whittle}"][value="present"]`)?.hasAttribute('checked')).toBe(true);
    expect(
      page
        .querySelector(`select[name="sub-${people.whittle}"]`)
        ?.querySelectorAll('option')
        .map((option) => option.text),
    ).toEqual(['No substitute', 'Ms Sue Bstitute', 'Mr Old Member']);
    expect(page.querySelector('select[name="other-0"]')?.text).toContain('Ms Anna Taylor, officer, Democratic Services Officer');
  });

  it('saves the whole grid: apologies with a substitute, an officer in attendance', async () => {
    const saved = await officer.post(`/admin/meetings/${meetingId}/attendance-grid`, {
      [`status-${people.kingA}`]: 'present',
      [`status-${people.kingB}`]: 'absent',
      [`status-${people.whittle}`]: 'apologies',
      [`sub-${people.whittle}`]: people.sub!,
      'other-0': people.clerk!,
      'otherStatus-0': 'in-attendance',
      'other-1': '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/meetings/${meetingId}`);
    expect(await recorded()).toEqual(
      [
        { person_id: people.kingA, status: 'present', role: 'Chair', substitute_for_person_id: null },
        { person_id: people.kingB, status: 'absent', role: 'Vice-Chair', substitute_for_person_id: null },
        { person_id: people.whittle, status: 'apologies', role: null, substitute_for_person_id: null },
        { person_id: people.sub, status: 'substitute', role: null, substitute_for_person_id: people.whittle },
        { person_id: people.clerk, status: 'in-attendance', role: 'Democratic Services Officer', substitute_for_person_id: null },
      ].sort((a, b) => a.person_id!.localeCompare(b.person_id!)),
    );
    const again = parse((await officer.get(`/admin/meetings/${meetingId}/attendance-grid`)).body);
    expect(again.querySelector(`input[name="status-${people.whittle}"][value="apologies"]`)?.hasAttribute('checked')).toBe(true);
    expect(again.querySelector(`select[name="sub-${people.whittle}"] option[selected]`)?.text).toBe('Ms Sue Bstitute');
    expect(again.querySelector('select[name="other-0"] option[selected]')?.text).toContain('Ms Anna Taylor');
  });

  it('corrects and removes entries: saving again replaces the attendance', async () => {
    const saved = await officer.post(`/admin/meetings/${meetingId}/attendance-grid`, {
      [`status-${people.kingA}`]: 'present',
      [`status-${people.kingB}`]: 'present',
      [`status-${people.whittle}`]: 'present',
      'other-0': '',
    });
    expect(saved.statusCode).toBe(303);
    expect((await recorded()).map((row) => row.status)).toEqual(['present', 'present', 'present']);
    const meetingPage = await officer.get(`/admin/meetings/${meetingId}`);
    expect(meetingPage.body).toContain(`href="/admin/meetings/${meetingId}/attendance-grid"`);
  });

  it('shows problems on their rows and keeps the values', async () => {
    const page = await officer.post(`/admin/meetings/${meetingId}/attendance-grid`, {
      [`status-${people.kingA}`]: 'present',
      [`sub-${people.kingA}`]: people.sub!,
      [`status-${people.whittle}`]: 'apologies',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(`href="#sub-${people.kingA}">Mr Alan J King was present, so nobody substituted for them</a>`);
    expect(page.body).toContain(`href="#status-${people.kingB}">Choose present, apologies or absent for Mr Alan P King</a>`);
    const html = parse(page.body);
    expect(html.querySelector(`input[name="status-${people.whittle}"][value="apologies"]`)?.hasAttribute('checked')).toBe(true);
    expect((await recorded()).map((row) => row.status)).toEqual(['present', 'present', 'present']);
  });

  it('refuses a status that is not on the grid', async () => {
    const page = await officer.post(`/admin/meetings/${meetingId}/attendance-grid`, {
      [`status-${people.kingA}`]: 'asleep',
      [`status-${people.kingB}`]: 'present',
      [`status-${people.whittle}`]: 'present',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(`href="#status-${people.kingA}">Choose present, apologies or absent</a>`);
  });
});
