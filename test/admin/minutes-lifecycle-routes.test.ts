/**
 * Issue 18 items 4 and 5 over HTTP: the approval confirmation page, the undo with a reason, the delete confirmation,
 * the withdrawal and its public notice, draft minutes labelled on the public page, old addresses answered with 301,
 * and 31 February or 1999 in the meeting forms as field errors (400), never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, makeAccount, makeApp } from './support.ts';
import { docxText, pdfPages } from '../documents/read-back.ts';
import { findMeetingForEdit } from '../../src/db/records/meetings.ts';

const AUTHORITY = 'Kent County Council';

describe.skipIf(databaseUnavailable)('minutes lifecycle and meeting changes over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let bodyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services');
    bodyId = (await bodyCreator({ database, actor: 'cli', authorityName: AUTHORITY, name: 'Regulation Committee', kind: 'committee' })).id;
    app = await makeApp(database);
    officer = new Client(app);
    expect((await officer.signIn(account.email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  async function withDraftMinutes(date: string) {
    const meeting = await meetingScheduler({ database, actor: 'cli', bodyId, date, startTime: '10:00', kind: 'ordinary' });
    await minuteWriter({
      database,
      actor: 'cli',
      meetingId: meeting.id,
      title: 'Enforcement',
      text: 'The Committee considered the report.',
      resolutions: ['RESOLVED that enforcement action be taken.'],
      exempt: false,
    });
    await minutesPublisher({ database, actor: 'cli', meetingId: meeting.id });
    return meeting;
  }

  it('labels published draft minutes "Draft" on the public page, and approves them only after a confirmation naming both meetings', async () => {
    const first = await withDraftMinutes('2012-03-06');
    const next = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2012-04-10', startTime: '10:00', kind: 'ordinary' });
    const future = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2031-04-10', startTime: '10:00', kind: 'ordinary', confirmDate: true });

    const draft = await officer.get('/meetings/2012-03-06-regulation-committee');
    expect(draft.statusCode).toBe(200);
    expect(draft.body).toMatch(/Minutes <strong class="govuk-tag govuk-tag--yellow">\s*Draft\s*<\/strong>/);
    expect(draft.body).toContain('resolutions are provisional');
    expect((await app.inject({ method: 'GET', url: `/api/v1/meetings/${first.id}` })).json()).toMatchObject({ minutesStatus: 'draft' });
    // The minutes documents say so too.
    const docx = await app.inject({ method: 'GET', url: `/meetings/${first.id}/minutes.docx` });
    expect(docx.statusCode).toBe(200);
    expect(await docxText(docx.rawPayload)).toMatch(/DRAFT MINUTES of a meeting of the Regulation Committee[\s\S]*DRAFT: not yet approved as a correct record/);
    const pdf = await app.inject({ method: 'GET', url: `/meetings/${first.id}/minutes.pdf` });
    expect((await pdfPages(new Uint8Array(pdf.rawPayload))).join(' ').replace(/\s+/g, ' ')).toContain('DRAFT MINUTES of a meeting');
    const register = await app.inject({ method: 'GET', url: '/decisions' });
    expect(register.body).toContain('Provisional: draft minutes');

    // The hub offers only meetings that have begun; a future one is refused if posted anyway.
    const hub = await officer.get(`/admin/meetings/${first.id}`);
    expect(hub.body).toContain('Tuesday, 10 April 2012');
    expect(hub.body).not.toContain('Thursday, 10 April 2031');
    const early = await officer.post(`/admin/meetings/${first.id}/approve-minutes`, { atMeetingId: future.id, confirm: 'yes' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toMatch(/already begun/);

    const asked = await officer.post(`/admin/meetings/${first.id}/approve-minutes`, { atMeetingId: next.id });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Approve these minutes as a correct record?');
    expect(asked.body).toMatch(/Minutes of the meeting of<\/dt><dd class="govuk-summary-list__value">Tuesday, 6 March 2012/);
    expect(asked.body).toMatch(/Approved at the meeting of<\/dt><dd class="govuk-summary-list__value">Tuesday, 10 April 2012/);
    expect(
      (await database.db.selectFrom('meeting_workflow').select('minutes_approved_at').where('id', '=', first.id).executeTakeFirstOrThrow()).minutes_approved_at,
    ).toBeNull();

    const done = await officer.post(`/admin/meetings/${first.id}/approve-minutes`, { atMeetingId: next.id, confirm: 'yes' });
    expect(done.statusCode).toBe(303);
    const approved = await officer.get('/meetings/2012-03-06-regulation-committee');
    expect(approved.body).not.toContain('govuk-tag--yellow">\n          Draft');
    expect(approved.body).not.toContain('resolutions are provisional');
    expect((await app.inject({ method: 'GET', url: `/api/v1/meetings/${first.id}` })).json()).toMatchObject({ minutesStatus: 'approved' });
    expect(await docxText((await app.inject({ method: 'GET', url: `/meetings/${first.id}/minutes.docx` })).rawPayload)).not.toContain('DRAFT');
    expect((await app.inject({ method: 'GET', url: '/decisions' })).body).not.toContain('Provisional: draft minutes');

    // Moving the approving meeting before the approved one is a field error on the date.
    const approving = (await findMeetingForEdit(database.db, next.id))!;
    const moved = await officer.post(`/admin/meetings/${next.id}/details`, { date: '2012-03-01', kind: 'ordinary', version: String(approving.version) });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('href="#details-date"');
    expect(moved.body).toMatch(/approved the minutes of the meeting on 6 March 2012/);

    // A mistaken approval is undone with a reason.
    const noReason = await officer.post(`/admin/meetings/${first.id}/undo-approval`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#undoApproval-reason"');
    const undone = await officer.post(`/admin/meetings/${first.id}/undo-approval`, { reason: 'Approved at the wrong meeting' });
    expect(undone.statusCode).toBe(303);
    const hubAfter = await officer.get(`/admin/meetings/${first.id}`);
    expect(hubAfter.body).toContain('An earlier approval was undone: Approved at the wrong meeting');
  });

  it('answers 31 February and 1999 with field errors, and takes 1999 once the officer confirms it', async () => {
    const impossible = await officer.post('/admin/meetings/new', { bodyId, date: '2026-02-31', kind: 'ordinary' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('href="#date"');
    expect(impossible.body).toMatch(/Enter the date of the meeting as a real date/);
    const old = await officer.post('/admin/meetings/new', { bodyId, date: '1999-05-04', kind: 'ordinary' });
    expect(old.statusCode).toBe(400);
    expect(old.body).toMatch(/before 2000/);
    expect(old.body).toContain('name="confirmDate"');
    expect((await officer.post('/admin/meetings/new', { bodyId, date: '1999-05-04', kind: 'ordinary', confirmDate: 'yes' })).statusCode).toBe(303);
    const meeting = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2017-05-04', kind: 'ordinary' });
    const row = (await findMeetingForEdit(database.db, meeting.id))!;
    const edit = await officer.post(`/admin/meetings/${meeting.id}/details`, { date: '2017-02-30', kind: 'ordinary', version: String(row.version) });
    expect(edit.statusCode).toBe(400);
    expect(edit.body).toContain('href="#details-date"');
  });

  it('deletes a meeting with nothing published after a confirmation page, and withdraws a published one with a public notice', async () => {
    const mistake = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2018-06-05', kind: 'ordinary' });
    const page = await officer.get(`/admin/meetings/${mistake.id}/delete`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Delete the meeting of Tuesday, 5 June 2018?');
    expect((await officer.post(`/admin/meetings/${mistake.id}/delete`, {})).statusCode).toBe(303);
    expect(await findMeetingForEdit(database.db, mistake.id)).toBeUndefined();
    expect((await officer.get('/meetings/2018-06-05-regulation-committee')).statusCode).toBe(404);

    const published = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2018-07-10', kind: 'ordinary' });
    await agendaItemAdder({
      database,
      actor: 'cli',
      authorityName: AUTHORITY,
      meetingId: published.id,
      title: 'Tree preservation order',
      exempt: false,
      exemptParagraphs: [],
    });
    await agendaPublisher({ database, actor: 'cli', meetingId: published.id, today: '2018-06-01', jurisdiction: 'england-and-wales' });
    const refused = await officer.post(`/admin/meetings/${published.id}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toMatch(/withdraw it instead/);
    const version = String((await findMeetingForEdit(database.db, published.id))!.version);
    expect((await officer.post(`/admin/meetings/${published.id}/withdraw`, { reason: '', version })).statusCode).toBe(400);
    expect((await officer.post(`/admin/meetings/${published.id}/withdraw`, { reason: 'Arranged in error <b>twice</b>', version })).statusCode).toBe(303);
    const notice = await officer.get('/meetings/2018-07-10-regulation-committee');
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('This meeting has been withdrawn.');
    expect(notice.body).toContain('Arranged in error &lt;b&gt;twice&lt;/b&gt;');
    expect(notice.body).not.toContain('Tree preservation order');
    // The open data tells mirrors to drop it (OParl 1.1 section 2.8).
    const oparl = await app.inject({ method: 'GET', url: `/oparl/v1/meeting/${published.id}` });
    expect(oparl.statusCode).toBe(200);
    expect(oparl.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Meeting', deleted: true });
    // The API says where minutes stand.
    const api = await app.inject({ method: 'GET', url: `/api/v1/meetings/${published.id}` });
    expect(api.json()).toMatchObject({ minutesStatus: 'unpublished' });
  });

  it('answers a meeting’s old address with a permanent redirect to the current one', async () => {
    const meeting = await meetingScheduler({ database, actor: 'cli', bodyId, date: '2019-09-03', kind: 'ordinary' });
    const version = String((await findMeetingForEdit(database.db, meeting.id))!.version);
    expect((await officer.post(`/admin/meetings/${meeting.id}/details`, { date: '2019-09-10', kind: 'ordinary', version })).statusCode).toBe(303);
    const old = await app.inject({ method: 'GET', url: '/meetings/2019-09-03-regulation-committee' });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/meetings/2019-09-10-regulation-committee');
    expect((await app.inject({ method: 'GET', url: '/meetings/2019-09-10-regulation-committee' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/meetings/2019-09-17-regulation-committee' })).statusCode).toBe(404);
  });
});
