/**
 * Issue 18 items 4 and 5 at the service layer: approval only at a later meeting that has begun, confirmed first; the
 * approving meeting never moves before the approved one; a mistaken approval undone with a reason (audited);
 * impossible and unlikely dates as field problems; deleting a meeting created in error, withdrawing a published one;
 * old addresses kept; SEQUENCE raised by a date change. Each case failed before the change it tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingEditor, MeetingFieldsSchema, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesApprovalUndoer, minutesApprover, minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { meetingDeleter, meetingWithdrawer } from '../../src/services/committee/meeting-changes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { makeAccount } from './support.ts';
import { findMeetingForEdit } from '../../src/db/records/meetings.ts';

const AUTHORITY = 'Kent County Council';

describe.skipIf(databaseUnavailable)('minutes lifecycle and meeting changes', () => {
  let database: TestDatabase;
  let actor: SessionUser;
  let bodyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services');
    actor = { id: account.id, email: account.email, name: 'Test officer', roles: ['democratic-services'], personId: null };
    bodyId = (await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Planning Applications Committee', kind: 'committee' })).id;
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function withDraftMinutes(date: string) {
    const meeting = await meetingScheduler({ database, actor, bodyId, date, startTime: '10:00', kind: 'ordinary' });
    await minuteWriter({
      database,
      actor,
      meetingId: meeting.id,
      title: 'Apologies',
      text: 'Apologies were received.',
      resolutions: ['RESOLVED that the report be noted.'],
      exempt: false,
    });
    await minutesPublisher({ database, actor, meetingId: meeting.id });
    return meeting;
  }
  const workflowOf = (id: string) => database.db.selectFrom('meeting_workflow').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const versionOf = async (id: string) => (await findMeetingForEdit(database.db, id))!.version;

  it('approves only at a later meeting that has begun (London time), after a confirmation naming both', async () => {
    const first = await withDraftMinutes('2012-01-10');
    const next = await meetingScheduler({ database, actor, bodyId, date: '2012-02-14', startTime: '10:00', kind: 'ordinary' });
    const earlier = await meetingScheduler({ database, actor, bodyId, date: '2012-01-03', kind: 'ordinary' });
    await expect(minutesApprover({ database, actor, meetingId: first.id, atMeetingId: earlier.id, confirm: true })).rejects.toMatchObject({
      problems: [{ field: 'atMeetingId', message: expect.stringMatching(/later meeting of Planning Applications Committee/) }],
    });
    // 14 February 2012, 09:59 in London (GMT): the meeting has not begun.
    const before = new Date('2012-02-14T09:59:00Z');
    await expect(minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, confirm: true, now: before })).rejects.toMatchObject({
      problems: [{ field: 'atMeetingId', message: expect.stringMatching(/already begun/) }],
    });
    const after = new Date('2012-02-14T10:01:00Z');
    const asked = await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, now: after });
    expect(asked).toEqual({
      approved: false,
      needsConfirmation: true,
      meeting: { id: first.id, date: '2012-01-10', bodyName: 'Planning Applications Committee' },
      at: { id: next.id, date: '2012-02-14' },
    });
    expect((await workflowOf(first.id)).minutes_approved_at).toBeNull();
    expect(await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, confirm: true, now: after })).toEqual({ approved: true });
    expect((await workflowOf(first.id)).minutes_approved_at_meeting_id).toBe(next.id);
  });

  it('never lets the approving meeting move to or before the approved one, in the services or the database', async () => {
    const first = await withDraftMinutes('2013-01-10');
    const next = await meetingScheduler({ database, actor, bodyId, date: '2013-02-14', kind: 'ordinary' });
    await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, confirm: true });
    await expect(
      meetingEditor({ database, actor, id: next.id, version: await versionOf(next.id), date: '2013-01-09', kind: 'ordinary' }),
    ).rejects.toMatchObject({
      problems: [{ field: 'date', message: expect.stringMatching(/approved the minutes of the meeting on 10 January 2013/) }],
    });
    await expect(database.db.updateTable('meeting').set({ date: '2013-01-10' }).where('id', '=', next.id).execute()).rejects.toThrow(/cannot move/);
    await meetingEditor({ database, actor, id: next.id, version: await versionOf(next.id), date: '2013-02-21', kind: 'ordinary' });
    expect((await findMeetingForEdit(database.db, next.id))!.date).toBe('2013-02-21');
  });

  it('undoes a mistaken approval with a reason, audited, removing the minute it wrote', async () => {
    const first = await withDraftMinutes('2014-01-10');
    const wrong = await meetingScheduler({ database, actor, bodyId, date: '2014-03-14', kind: 'ordinary' });
    await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: wrong.id, confirm: true });
    await expect(
      minutesApprovalUndoer({ database, actor: { ...actor, roles: ['officer'] }, meetingId: first.id, reason: 'Wrong meeting' }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await minutesApprovalUndoer({ database, actor, meetingId: first.id, reason: 'Approved at the wrong meeting' });
    const workflow = await workflowOf(first.id);
    expect([workflow.minutes_approved_at, workflow.minutes_approved_at_meeting_id, workflow.approval_undone_reason]).toEqual([
      null,
      null,
      'Approved at the wrong meeting',
    ]);
    expect(await database.db.selectFrom('minute').select('id').where('meeting_id', '=', wrong.id).execute()).toEqual([]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('table_name', '=', 'meeting_workflow')
      .where('record_id', '=', first.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(actor.id);
    expect(audit.after).toMatchObject({ minutes_approved_at: null, approval_undone_reason: 'Approved at the wrong meeting' });
    await expect(minutesApprovalUndoer({ database, actor, meetingId: first.id, reason: 'Again' })).rejects.toThrow(/not approved/);
    // The minutes are open again; the lock still refuses an un-approval by any other path.
    await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: wrong.id, confirm: true });
    await expect(
      database.db.updateTable('meeting_workflow').set({ minutes_approved_at: null, minutes_approved_at_meeting_id: null }).where('id', '=', first.id).execute(),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('refuses 31 February as a field problem and asks to confirm a date before 2000 or over five years ahead', async () => {
    const parsed = MeetingFieldsSchema.safeParse({ bodyId, date: '2026-02-31' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['date'], message: expect.stringMatching(/real date/) });
    await expect(meetingScheduler({ database, actor, bodyId, date: '1999-05-01', kind: 'ordinary', today: '2026-12-07' })).rejects.toMatchObject({
      problems: [{ field: 'date', message: expect.stringMatching(/before 2000/) }],
    });
    await expect(meetingScheduler({ database, actor, bodyId, date: '2032-01-01', kind: 'ordinary', today: '2026-12-07' })).rejects.toMatchObject({
      problems: [{ field: 'date', message: expect.stringMatching(/5 years ahead/) }],
    });
    const confirmed = await meetingScheduler({ database, actor, bodyId, date: '1999-05-01', kind: 'ordinary', today: '2026-12-07', confirmDate: true });
    await expect(
      meetingEditor({ database, actor, id: confirmed.id, version: await versionOf(confirmed.id), date: '1899-05-01', kind: 'ordinary', today: '2026-12-07' }),
    ).rejects.toMatchObject({ problems: [{ field: 'date' }] });
  });

  it('deletes a meeting with nothing published, and withdraws a published one with a public reason', async () => {
    const mistake = await meetingScheduler({ database, actor, bodyId, date: '2015-05-05', kind: 'ordinary' });
    await agendaItemAdder({
      database,
      actor,
      authorityName: AUTHORITY,
      meetingId: mistake.id,
      title: 'Draft item',
      reportText: 'A draft report.',
      exempt: false,
      exemptParagraphs: [],
    });
    await meetingDeleter({ database, actor, id: mistake.id });
    expect(await findMeetingForEdit(database.db, mistake.id)).toBeUndefined();
    const deleted = await database.db
      .selectFrom('audit_log')
      .select('actor')
      .where('table_name', '=', 'meeting')
      .where('record_id', '=', mistake.id)
      .where('action', '=', 'delete')
      .execute();
    expect(deleted).toEqual([{ actor: actor.id }]);

    const published = await meetingScheduler({ database, actor, bodyId, date: '2015-06-05', kind: 'ordinary' });
    await agendaItemAdder({ database, actor, authorityName: AUTHORITY, meetingId: published.id, title: 'Item', exempt: false, exemptParagraphs: [] });
    await agendaPublisher({ database, actor, meetingId: published.id, today: '2015-05-01', jurisdiction: 'england-and-wales' });
    await expect(meetingDeleter({ database, actor, id: published.id })).rejects.toThrow(/withdraw it instead/);
    await meetingWithdrawer({
      database,
      actor,
      id: published.id,
      reason: 'Scheduled in error: see the meeting of 12 June',
      version: await versionOf(published.id),
    });
    const row = (await findMeetingForEdit(database.db, published.id))!;
    expect(row.withdrawn_reason).toBe('Scheduled in error: see the meeting of 12 June');
    expect((await workflowOf(published.id)).agenda_published_at).toBeNull();
    expect(await database.db.selectFrom('public_agenda_item').select('id').where('meeting_id', '=', published.id).execute()).toEqual([]);
  });

  it('keeps the old address when the date changes, and raises the calendar SEQUENCE', async () => {
    const meeting = await meetingScheduler({ database, actor, bodyId, date: '2016-03-01', kind: 'ordinary' });
    const before = (await database.db.selectFrom('meeting').select('sequence').where('id', '=', meeting.id).executeTakeFirstOrThrow()).sequence;
    await meetingEditor({ database, actor, id: meeting.id, version: await versionOf(meeting.id), date: '2016-03-08', kind: 'ordinary' });
    await meetingEditor({ database, actor, id: meeting.id, version: await versionOf(meeting.id), date: '2016-03-15', kind: 'ordinary' });
    const addresses = await database.db.selectFrom('meeting_address').select('slug').where('meeting_id', '=', meeting.id).orderBy('slug').execute();
    expect(addresses.map((row) => row.slug)).toEqual(['2016-03-01-planning-applications-committee', '2016-03-08-planning-applications-committee']);
    const after = (await database.db.selectFrom('meeting').select('sequence').where('id', '=', meeting.id).executeTakeFirstOrThrow()).sequence;
    expect(after).toBe(before + 2);
  });
});
