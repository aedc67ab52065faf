/**
 * The back office's withdraw buttons (issue 15): an officer withdraws a published agenda and published draft minutes
 * from the meeting's page, and the public meeting page drops them at once. Anonymous posts are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { linkTo } from '../../src/http/routes.ts';
import { agendaItemAdder, agendaPublisher } from '../../src/services/committee/meetings.ts';
import { minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { makeApp, type Client } from '../admin/support.ts';
import { officerWithMeeting } from '../hardening/support.ts';

describe.skipIf(databaseUnavailable)('withdrawing an agenda and draft minutes in the back office', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    ({ officer, meetingId } = await officerWithMeeting(database, app, 'Withdrawal Committee'));
    const actor = 'cli' as const;
    await agendaItemAdder({
      database,
      actor,
      meetingId,
      authorityName: 'Kent County Council',
      title: 'Highways programme',
      description: 'Described for the public',
      exempt: false,
      exemptParagraphs: [],
    });
    await agendaPublisher({ database, actor, meetingId, today: '2029-01-02', jurisdiction: 'england-and-wales', confirmLate: true });
    await minuteWriter({
      database,
      actor,
      meetingId,
      title: 'Highways programme',
      agendaItemNumber: '1',
      text: 'The Committee noted the programme.',
      resolutions: ['RESOLVED that the programme be agreed.'],
      exempt: false,
    });
    await minutesPublisher({ database, actor, meetingId });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('the public page drops the minutes, then the agenda', async () => {
    const page = () => app.inject({ method: 'GET', url: linkTo('meeting.show', { id: meetingId }) });
    expect((await page()).body).toContain('RESOLVED that the programme be agreed.');
    const hub = await officer.get(linkTo('admin.meeting', { id: meetingId }));
    expect(hub.body).toContain('Withdraw the draft minutes');
    expect(hub.body).toContain('Withdraw the agenda');

    const anonymous = await app.inject({ method: 'POST', url: linkTo('admin.meeting.withdrawMinutes', { id: meetingId }), payload: {} });
    expect([303, 403]).toContain(anonymous.statusCode);
    if (anonymous.statusCode === 303) expect(String(anonymous.headers.location)).toContain(linkTo('auth.signIn'));
    expect((await page()).body).toContain('RESOLVED that the programme be agreed.');

    expect((await officer.post(linkTo('admin.meeting.withdrawMinutes', { id: meetingId }), {})).statusCode).toBe(303);
    const withoutMinutes = (await page()).body;
    expect(withoutMinutes).not.toContain('RESOLVED that the programme be agreed.');
    expect(withoutMinutes).toContain('Described for the public');

    expect((await officer.post(linkTo('admin.meeting.withdrawAgenda', { id: meetingId }), {})).statusCode).toBe(303);
    const withoutAgenda = (await page()).body;
    expect(withoutAgenda).not.toContain('Described for the public');
    expect(withoutAgenda).not.toContain('Highways programme');
    expect((await officer.get(linkTo('admin.meeting', { id: meetingId }))).body).toContain('Publish the agenda');
  });
});
