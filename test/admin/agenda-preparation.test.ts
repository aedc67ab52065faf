/**
 * Preparing agendas at the service layer (issue 18 item 7): a body's standing items start every new agenda; a report
 * is requested from an officer by a deadline, submitted, returned, submitted again and cleared, every step audited;
 * overdue requests are listed; and nothing of a report that is not cleared, or whose agenda is not published, is in
 * any public view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOverdueReportRequests, listReportRequestsOfOfficer } from '../../src/db/repositories/agenda-preparation.ts';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { reportClearer, reportRequester, reportReturner, reportSubmitter } from '../../src/services/committee/report-requests.ts';
import { standingItemAdder, standingItemMover, standingItemRemover, usualStandingItemsAdder } from '../../src/services/committee/standing-items.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { makeAccount } from './support.ts';

const AUTHORITY = 'Kent County Council';
const SECRET = 'CANARY-draft report on the library closures';

describe.skipIf(databaseUnavailable)('preparing agendas', () => {
  let database: TestDatabase;
  let clerk: SessionUser;
  let author: SessionUser;
  let stranger: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const user = async (role: 'democratic-services' | 'officer', email: string): Promise<SessionUser> => {
      const account = await makeAccount(database, role, email);
      return { id: account.id, email, name: `Test ${role}`, roles: [role], personId: null };
    };
    clerk = await user('democratic-services', 'clerk@kent.example');
    author = await user('officer', 'author@kent.example');
    stranger = await user('officer', 'stranger@kent.example');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const titles = async (meetingId: string) =>
    (await database.db.selectFrom('agenda_item').select(['number', 'title']).where('meeting_id', '=', meetingId).orderBy('position').execute()).map(
      (row) => `${row.number} ${row.title}`,
    );

  it('starts each new meeting of a body with its standing items, in the order the officers keep', async () => {
    const body = await bodyCreator({ database, actor: clerk, authorityName: AUTHORITY, name: 'Scrutiny Committee', kind: 'committee' });
    const bare = await meetingScheduler({ database, actor: 'cli', bodyId: body.id, date: '2026-02-03', kind: 'ordinary' });
    expect(await titles(bare.id)).toEqual([]);

    expect(await usualStandingItemsAdder({ database, actor: clerk, bodyId: body.id })).toEqual({ added: 3 });
    expect(await usualStandingItemsAdder({ database, actor: clerk, bodyId: body.id })).toEqual({ added: 0 });
    await standingItemAdder({ database, actor: clerk, bodyId: body.id, title: 'Urgent business' });
    await expect(standingItemAdder({ database, actor: clerk, bodyId: body.id, title: ' urgent BUSINESS ' })).rejects.toMatchObject({
      problems: [{ field: 'title' }],
    });
    await expect(standingItemAdder({ database, actor: author, bodyId: body.id, title: 'Anything' })).rejects.toMatchObject({ kind: 'forbidden' });

    const items = await database.db.selectFrom('standing_item').select(['id', 'title']).where('body_id', '=', body.id).orderBy('position').execute();
    await standingItemMover({ database, actor: clerk, id: items[3]!.id, direction: 'up' });
    await expect(standingItemMover({ database, actor: clerk, id: items[0]!.id, direction: 'up' })).rejects.toMatchObject({ kind: 'conflict' });
    await standingItemRemover({ database, actor: clerk, id: items[1]!.id });

    const meeting = await meetingScheduler({ database, actor: clerk, bodyId: body.id, date: '2026-03-03', kind: 'ordinary' });
    expect(await titles(meeting.id)).toEqual(['1 Apologies for absence', '2 Urgent business', '3 Minutes of the previous meeting']);
    // Items added after the standing items number on from them; agendas already made are not changed.
    await agendaItemAdder({
      database,
      actor: clerk,
      authorityName: AUTHORITY,
      meetingId: meeting.id,
      title: 'Library services review',
      exempt: false,
      exemptParagraphs: [],
    });
    expect((await titles(meeting.id)).at(-1)).toBe('4 Library services review');
    expect(await titles(bare.id)).toEqual([]);
    // Taken off the list, positions close up.
    const positions = await database.db.selectFrom('standing_item').select('position').where('body_id', '=', body.id).orderBy('position').execute();
    expect(positions.map((row) => row.position)).toEqual([1, 2, 3]);
  });

  it('requests, returns, resubmits and clears a report; only the cleared one reaches the public, with the agenda', async () => {
    const body = await bodyCreator({ database, actor: clerk, authorityName: AUTHORITY, name: 'Cabinet', kind: 'cabinet' });
    const meeting = await meetingScheduler({ database, actor: clerk, bodyId: body.id, date: '2026-01-20', kind: 'ordinary' });
    const item = await agendaItemAdder({
      database,
      actor: clerk,
      authorityName: AUTHORITY,
      meetingId: meeting.id,
      title: 'Library services review',
      exempt: false,
      exemptParagraphs: [],
    });
    const today = '2026-01-02';

    // The deadline: not in the past, not after the meeting; the officer must be one who can be asked.
    await expect(
      reportRequester({ database, actor: clerk, agendaItemId: item.id, officerAccountId: author.id, deadline: '2026-01-01', today }),
    ).rejects.toMatchObject({ problems: [{ field: 'deadline', message: 'The deadline must be today or later' }] });
    await expect(
      reportRequester({ database, actor: clerk, agendaItemId: item.id, officerAccountId: author.id, deadline: '2026-01-21', today }),
    ).rejects.toMatchObject({
      problems: [{ field: 'deadline', message: 'The deadline must be on or before the day of the meeting, 20 January 2026' }],
    });
    await expect(
      reportRequester({ database, actor: clerk, agendaItemId: item.id, officerAccountId: clerk.id, deadline: '2026-01-08', today }),
    ).rejects.toMatchObject({ problems: [{ field: 'officerAccountId' }] });
    await expect(
      reportRequester({ database, actor: author, agendaItemId: item.id, officerAccountId: author.id, deadline: '2026-01-08', today }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const { id } = await reportRequester({
      database,
      actor: clerk,
      agendaItemId: item.id,
      officerAccountId: author.id,
      deadline: '2026-01-08',
      note: 'Include the costs',
      today,
    });
    await expect(
      reportRequester({ database, actor: clerk, agendaItemId: item.id, officerAccountId: author.id, deadline: '2026-01-08', today }),
    ).rejects.toMatchObject({ kind: 'conflict' });

    // Overdue only after the deadline, and only while the officer holds it.
    expect((await listOverdueReportRequests(database.db, '2026-01-08')).map((row) => row.id)).toEqual([]);
    expect((await listOverdueReportRequests(database.db, '2026-01-09')).map((row) => row.id)).toEqual([id]);
    expect((await listReportRequestsOfOfficer(database.db, author.id)).map((row) => [row.id, row.state, row.item_title])).toEqual([
      [id, 'requested', 'Library services review'],
    ]);

    await expect(reportClearer({ database, actor: clerk, id, authorityName: AUTHORITY })).rejects.toMatchObject({
      kind: 'conflict',
      message: 'The officer has not submitted this report yet.',
    });
    await expect(reportSubmitter({ database, actor: stranger, id, reportText: 'Not mine' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(reportSubmitter({ database, actor: author, id })).rejects.toMatchObject({ problems: [{ field: 'reportFile' }] });
    await reportSubmitter({ database, actor: author, id, reportText: `${SECRET}, first draft` });
    expect(await listOverdueReportRequests(database.db, '2026-01-09')).toEqual([]);
    await expect(reportSubmitter({ database, actor: author, id, reportText: 'Again' })).rejects.toMatchObject({ kind: 'conflict' });

    // Published agenda, report not cleared: the item is public, nothing of the report is.
    await agendaPublisher({ database, actor: clerk, meetingId: meeting.id, today: '2026-01-05', jurisdiction: 'england-and-wales' });
    const publicItem = await database.db.selectFrom('public_agenda_item').select('report_id').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(publicItem.report_id).toBeNull();
    expect(await database.db.selectFrom('public_report').select('id').where('full_text', 'like', '%CANARY%').execute()).toEqual([]);
    expect(await database.db.selectFrom('report').select('id').where('full_text', 'like', '%CANARY%').execute()).toEqual([]);

    await expect(reportReturner({ database, actor: author, id, reason: 'x' })).rejects.toMatchObject({ kind: 'forbidden' });
    await reportReturner({ database, actor: clerk, id, reason: 'Add the costs of each option' });
    expect((await listOverdueReportRequests(database.db, '2026-01-09')).map((row) => [row.id, row.state])).toEqual([[id, 'returned']]);
    await reportSubmitter({ database, actor: author, id, reportText: `${SECRET}, with costs` });
    const { reportId } = await reportClearer({ database, actor: clerk, id, authorityName: AUTHORITY });

    const cleared = await database.db.selectFrom('report_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([cleared.state, cleared.report_id, cleared.returned_reason]).toEqual(['cleared', reportId, null]);
    const shown = await database.db.selectFrom('public_report').select(['id', 'full_text']).where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(shown.full_text).toBe(`${SECRET}, with costs`);
    await expect(reportReturner({ database, actor: clerk, id, reason: 'Too late' })).rejects.toMatchObject({ kind: 'conflict' });

    // Every transition is in the audit log, with who made it.
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'after'])
      .where('table_name', '=', 'report_request')
      .where('record_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => [row.actor, row.action, (row.after as { state: string }).state])).toEqual([
      [clerk.id, 'insert', 'requested'],
      [author.id, 'update', 'submitted'],
      [clerk.id, 'update', 'returned'],
      [author.id, 'update', 'submitted'],
      [clerk.id, 'update', 'cleared'],
    ]);
  });

  it('keeps a cleared report private until the agenda is published, and exempt when its item is', async () => {
    const body = await bodyCreator({ database, actor: clerk, authorityName: AUTHORITY, name: 'Regulation Committee', kind: 'committee' });
    const meeting = await meetingScheduler({ database, actor: clerk, bodyId: body.id, date: '2026-02-10', kind: 'ordinary' });
    const open = await agendaItemAdder({
      database,
      actor: clerk,
      authorityName: AUTHORITY,
      meetingId: meeting.id,
      title: 'Fees and charges',
      exempt: false,
      exemptParagraphs: [],
    });
    const exempt = await agendaItemAdder({
      database,
      actor: clerk,
      authorityName: AUTHORITY,
      meetingId: meeting.id,
      title: 'Contract award',
      exempt: true,
      exemptParagraphs: [3],
    });
    const reports: string[] = [];
    for (const item of [open, exempt]) {
      const { id } = await reportRequester({
        database,
        actor: clerk,
        agendaItemId: item.id,
        officerAccountId: author.id,
        deadline: '2026-01-26',
        today: '2026-01-05',
      });
      await reportSubmitter({ database, actor: author, id, reportText: `${SECRET} ${item.id}` });
      reports.push((await reportClearer({ database, actor: clerk, id, authorityName: AUTHORITY })).reportId);
    }
    const publicReports = () => database.db.selectFrom('public_report').select('id').where('id', 'in', reports).execute();
    expect(await publicReports()).toEqual([]);
    await agendaPublisher({ database, actor: clerk, meetingId: meeting.id, today: '2026-01-27', jurisdiction: 'england-and-wales' });
    expect((await publicReports()).map((row) => row.id)).toEqual([reports[0]]);
  });
});
