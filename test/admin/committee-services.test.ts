/**
 * The democratic services workflow at the service layer: schedule, agenda with an exempt item, publish (with the
 * five-clear-working-days warning), attendance, a recorded vote, draft minutes, approval at the next meeting, and
 * the lock that follows, enforced by the services and, behind them, by database triggers.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator, bodyEditor, groupCreator, groupMembershipAdder, membershipAdder, membershipEnder } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingCanceller, meetingEditor, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { attendanceRecorder, minuteEditor, minuteWriter, voteEventRecorder } from '../../src/services/committee/proceedings.ts';
import { minuteCorrector, minutesApprover, minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';
import { makeAccount } from './support.ts';

const AUTHORITY = 'Kent County Council';

describe.skipIf(databaseUnavailable)('committee services', () => {
  let database: TestDatabase;
  let actor: SessionUser;
  let people: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services');
    actor = { id: account.id, email: account.email, name: 'Test officer', roles: ['democratic-services'], personId: null };
    const authorityId = await database.db.insertInto('authority').values({ id: 'authority-kent', name: AUTHORITY }).returning('id').executeTakeFirstOrThrow();
    people = [];
    for (const family_name of ['Hayton', 'Carter', 'Gibbens', 'Hill']) {
      people.push((await insertPerson(database.db, authorityId.id, { honorific: 'Mr', initials: ['A'], family_name })).id as string);
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('runs a meeting from schedule to approved, locked minutes', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Governance and Audit Committee', kind: 'committee' });
    expect(body.slug).toBe('governance-and-audit-committee');
    await membershipAdder({ database, actor, bodyId: body.id, personId: people[0]!, role: 'Chairman', startDate: '2011-05-01', endDate: undefined });

    const first = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-07-20',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const next = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-09-21',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    await expect(meetingScheduler({ database, actor, bodyId: body.id, date: '2011-07-20', kind: 'ordinary' })).rejects.toThrow(
      /already has a meeting on 20 July 2011/,
    );

    const one = await agendaItemAdder({
      database,
      actor,
      authorityName: AUTHORITY,
      meetingId: first.id,
      title: 'Apologies and substitutes',
      exempt: false,
      exemptParagraphs: [],
    });
    const two = await agendaItemAdder({
      database,
      actor,
      authorityName: AUTHORITY,
      meetingId: first.id,
      title: 'Contract award: waste services',
      reportText: 'Tender evaluation.',
      exempt: true,
      exemptParagraphs: [3],
    });
    expect([one.number, two.number]).toEqual(['1', '2']);
    await expect(
      agendaItemAdder({ database, actor, authorityName: AUTHORITY, meetingId: first.id, title: 'Secret', exempt: true, exemptParagraphs: [] }),
    ).rejects.toThrow(/paragraph of Schedule 12A/);
    const exemptItem = await database.db
      .selectFrom('agenda_item')
      .innerJoin('report', 'report.id', 'agenda_item.report_id')
      .select(['agenda_item.exempt', 'agenda_item.exempt_paragraphs', 'report.exempt as report_exempt'])
      .where('agenda_item.id', '=', two.id)
      .executeTakeFirstOrThrow();
    expect(exemptItem).toEqual({ exempt: true, exempt_paragraphs: [3], report_exempt: true });

    // Published Thursday 14 July for Wednesday 20 July: only 15, 18 and 19 July are clear working days.
    const short = await agendaPublisher({ database, actor, meetingId: first.id, today: '2011-07-14', jurisdiction: 'england-and-wales' });
    expect(short).toEqual({ published: false, needsConfirmation: true, clearWorkingDays: 3, latestOnTime: '2011-07-12' });
    // In Northern Ireland 12 July (the Battle of the Boyne) is a bank holiday: the agenda had to be out on the 11th.
    const boyne = await agendaPublisher({ database, actor, meetingId: first.id, today: '2011-07-14', jurisdiction: 'northern-ireland' });
    expect(boyne).toEqual({ published: false, needsConfirmation: true, clearWorkingDays: 3, latestOnTime: '2011-07-11' });
    const late = await agendaPublisher({ database, actor, meetingId: first.id, today: '2011-07-14', jurisdiction: 'england-and-wales', confirmLate: true });
    expect(late).toEqual({ published: true, clearWorkingDays: 3, late: true });
    await expect(
      agendaPublisher({ database, actor, meetingId: first.id, today: '2011-07-14', jurisdiction: 'england-and-wales', confirmLate: true }),
    ).rejects.toThrow(/already been published/);

    await attendanceRecorder({ database, actor, meetingId: first.id, personId: people[0]!, status: 'present' });
    await attendanceRecorder({ database, actor, meetingId: first.id, personId: people[1]!, status: 'apologies' });
    await attendanceRecorder({ database, actor, meetingId: first.id, personId: people[2]!, status: 'substitute', substituteForPersonId: people[1]! });
    await expect(attendanceRecorder({ database, actor, meetingId: first.id, personId: people[3]!, status: 'substitute' })).rejects.toThrow(/substituted for/);

    const minute = await minuteWriter({
      database,
      actor,
      meetingId: first.id,
      title: 'Contract award: waste services',
      agendaItemNumber: '2',
      text: 'The Committee considered the report.',
      resolutions: ['RESOLVED that the contract be awarded.'],
      exempt: false,
    });
    const vote = await voteEventRecorder({
      database,
      actor,
      minuteId: minute.id,
      motionText: 'That the contract be awarded',
      moverId: people[0]!,
      seconderId: people[2]!,
      votes: { [people[0]!]: 'for', [people[2]!]: 'for', [people[3]!]: 'against' },
    });
    expect(vote.result).toBe('carried');
    const event = await database.db.selectFrom('vote_event').selectAll().where('id', '=', vote.id).executeTakeFirstOrThrow();
    expect([event.for_count, event.against_count, event.abstain_count]).toEqual([2, 1, 0]);
    // The minute of an exempt item is exempt too.
    expect((await database.db.selectFrom('minute').select('exempt').where('id', '=', minute.id).executeTakeFirstOrThrow()).exempt).toBe(true);

    await expect(minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id })).rejects.toThrow(/Publish the draft minutes/);
    await minutesPublisher({ database, actor, meetingId: first.id });
    await expect(minutesApprover({ database, actor, meetingId: next.id, atMeetingId: first.id })).rejects.toThrow(/Publish the draft minutes/);
    await minutesApprover({ database, actor, meetingId: first.id, atMeetingId: next.id, confirm: true });

    const approving = await database.db.selectFrom('minute').select(['title', 'approves_meeting_id']).where('meeting_id', '=', next.id).execute();
    expect(approving).toEqual([{ title: 'Minutes of the meeting held on 20 July 2011', approves_meeting_id: first.id }]);

    // Locked in the services...
    const saved = await database.db.selectFrom('minute').select(sql<string>`version::text`.as('version')).where('id', '=', minute.id).executeTakeFirstOrThrow();
    await expect(
      minuteEditor({ database, actor, id: minute.id, version: saved.version, title: 'Changed', text: 'Changed', resolutions: [], exempt: false }),
    ).rejects.toThrow(/approved as a correct record at the meeting of 21 September 2011/);
    await expect(attendanceRecorder({ database, actor, meetingId: first.id, personId: people[3]!, status: 'present' })).rejects.toMatchObject({
      kind: 'conflict',
      id: 'minutes_locked',
    });
    await expect(
      voteEventRecorder({
        database,
        actor,
        minuteId: minute.id,
        motionText: 'Again',
        moverId: people[0]!,
        seconderId: people[2]!,
        votes: { [people[0]!]: 'for' },
      }),
    ).rejects.toMatchObject({ id: 'minutes_locked' });
    // ...and in the database, whatever writes.
    await expect(database.db.updateTable('minute').set({ text: 'Tampered' }).where('id', '=', minute.id).execute()).rejects.toThrow(/locked/);
    await expect(database.db.deleteFrom('vote').where('vote_event_id', '=', vote.id).execute()).rejects.toThrow(/locked/);
    await expect(database.db.updateTable('resolution').set({ text: 'Tampered' }).where('minute_id', '=', minute.id).execute()).rejects.toThrow(/locked/);
    await expect(database.db.deleteFrom('attendance').where('meeting_id', '=', first.id).execute()).rejects.toThrow(/locked/);
    await expect(
      database.db.updateTable('meeting_workflow').set({ minutes_approved_at: null, minutes_approved_at_meeting_id: null }).where('id', '=', first.id).execute(),
    ).rejects.toThrow(/cannot be changed/);
    expect((await database.db.selectFrom('minute').select('text').where('id', '=', minute.id).executeTakeFirstOrThrow()).text).toBe(
      'The Committee considered the report.',
    );

    // A correction is a new record linked to the original.
    const correction = await minuteCorrector({
      database,
      actor,
      minuteId: minute.id,
      text: 'The Committee considered the report and the appendix.',
      reason: 'The appendix was omitted',
    });
    const stored = await database.db.selectFrom('minute_correction').selectAll().where('id', '=', correction.id).executeTakeFirstOrThrow();
    expect(stored.minute_id).toBe(minute.id);

    // Every change was audited as this account.
    const actors = await database.db
      .selectFrom('audit_log')
      .select(['table_name', 'actor'])
      .where('table_name', 'in', ['meeting', 'agenda_item', 'minute', 'vote_event', 'meeting_workflow', 'minute_correction'])
      .execute();
    expect(new Set(actors.map((row) => row.table_name))).toEqual(
      new Set(['meeting', 'agenda_item', 'minute', 'vote_event', 'meeting_workflow', 'minute_correction']),
    );
    expect(new Set(actors.map((row) => row.actor))).toEqual(new Set([actor.id]));
  });

  it('refuses a stale save: the second officer to save an edit gets a conflict', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Regulation Committee', kind: 'committee' });
    const version = (await database.db.selectFrom('body').select(sql<string>`version::text`.as('version')).where('id', '=', body.id).executeTakeFirstOrThrow())
      .version;
    await bodyEditor({ database, actor, id: body.id, version, name: 'Regulation Committee (Planning)', kind: 'committee' });
    await expect(bodyEditor({ database, actor, id: body.id, version, name: 'Regulation Committee (Licensing)', kind: 'committee' })).rejects.toMatchObject({
      kind: 'conflict',
      id: 'conflict',
    });
    expect((await database.db.selectFrom('body').select('name').where('id', '=', body.id).executeTakeFirstOrThrow()).name).toBe(
      'Regulation Committee (Planning)',
    );
  });

  it('withdraws a resolution taken out of draft minutes instead of deleting it, and restores it if it comes back', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Governance Committee', kind: 'committee' });
    const meeting = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-10-05',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const minute = await minuteWriter({
      database,
      actor,
      meetingId: meeting.id,
      title: 'Internal audit',
      text: 'The Committee considered the report.',
      resolutions: ['RESOLVED that the report be noted.', 'RESOLVED that the plan be approved.'],
      exempt: false,
    });
    // Published, so the search index holds the minute (unpublished minutes are not public: issue 15).
    await minutesPublisher({ database, actor, meetingId: meeting.id });
    const version = async () =>
      (await database.db.selectFrom('minute').select(sql<string>`version::text`.as('version')).where('id', '=', minute.id).executeTakeFirstOrThrow()).version;
    const rows = () =>
      database.db
        .selectFrom('resolution')
        .select(['id', 'position', 'text', 'withdrawn_at', 'withdrawn_by'])
        .where('minute_id', '=', minute.id)
        .orderBy('position')
        .execute();
    const [first, second] = await rows();

    await minuteEditor({
      database,
      actor,
      id: minute.id,
      version: await version(),
      title: 'Internal audit',
      text: 'The Committee considered the report.',
      resolutions: ['RESOLVED that the report be noted, with thanks.'],
      exempt: false,
    });
    const after = await rows();
    expect(after).toHaveLength(2);
    // The first changed in place (same row, the old text in the audit log); the second kept, marked withdrawn by this officer.
    expect(after[0]).toMatchObject({ id: first!.id, text: 'RESOLVED that the report be noted, with thanks.', withdrawn_at: null });
    expect(after[1]).toMatchObject({ id: second!.id, text: 'RESOLVED that the plan be approved.', withdrawn_by: actor.id });
    expect(after[1]!.withdrawn_at).not.toBeNull();
    const history = await database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('table_name', '=', 'resolution')
      .where('record_id', '=', first!.id)
      .orderBy('id')
      .execute();
    expect(history.map((entry) => entry.action)).toEqual(['insert', 'update']);
    expect((history[1]!.before as { text: string }).text).toBe('RESOLVED that the report be noted.');
    expect(await database.db.selectFrom('audit_log').select('id').where('table_name', '=', 'resolution').where('action', '=', 'delete').execute()).toEqual([]);
    // The search index and the decisions register read only resolutions in force.
    const indexed = await database.db
      .selectFrom('search_document')
      .select('body')
      .where('kind', '=', 'minute')
      .where('record_id', '=', minute.id)
      .executeTakeFirstOrThrow();
    expect(indexed.body).not.toContain('the plan be approved');

    await minuteEditor({
      database,
      actor,
      id: minute.id,
      version: await version(),
      title: 'Internal audit',
      text: 'The Committee considered the report.',
      resolutions: ['RESOLVED that the report be noted, with thanks.', 'RESOLVED that the plan be approved.'],
      exempt: false,
    });
    const restored = await rows();
    expect(restored).toHaveLength(2);
    expect(restored[1]).toMatchObject({ id: second!.id, withdrawn_at: null, withdrawn_by: null });
  });

  it('numbers agenda items and minutes added at the same moment one after another, without a failure', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Pension Fund Committee', kind: 'committee' });
    const meeting = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-11-14',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const items = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        agendaItemAdder({
          database,
          actor,
          meetingId: meeting.id,
          authorityName: AUTHORITY,
          title: `Item added at once ${i + 1}`,
          exempt: false,
          exemptParagraphs: [],
        }),
      ),
    );
    expect(items.map((item) => Number(item.number)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const minutes = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        minuteWriter({ database, actor, meetingId: meeting.id, title: `Minute written at once ${i + 1}`, text: 'Noted.', resolutions: [], exempt: false }),
      ),
    );
    expect(minutes.map((minute) => Number(minute.number)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('changes a meeting’s date and place, refusing a clash and a stale save, and cancels one with its reason', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Licensing Committee', kind: 'committee' });
    const meeting = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-12-01',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const other = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2011-12-08',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const version = async (id: string) =>
      (await database.db.selectFrom('meeting').select(sql<string>`version::text`.as('version')).where('id', '=', id).executeTakeFirstOrThrow()).version;
    const seen = await version(meeting.id);
    await expect(
      meetingEditor({ database, actor, id: meeting.id, version: seen, date: '2011-12-08', startTime: '10:00', location: 'Darent Room', kind: 'ordinary' }),
    ).rejects.toThrow(/already has a meeting on 8 December 2011/);
    await meetingEditor({
      database,
      actor,
      id: meeting.id,
      version: seen,
      date: '2011-12-02',
      startTime: '14:00',
      location: 'Medway Room',
      kind: 'extraordinary',
    });
    expect(
      await database.db.selectFrom('meeting').select(['date', 'start_time', 'location', 'kind']).where('id', '=', meeting.id).executeTakeFirstOrThrow(),
    ).toMatchObject({ date: '2011-12-02', location: 'Medway Room', kind: 'extraordinary' });
    // A second officer saving from the version they saw before the change is refused; their change is not applied.
    await expect(meetingEditor({ database, actor, id: meeting.id, version: seen, date: '2011-12-03', kind: 'ordinary' })).rejects.toMatchObject({
      kind: 'conflict',
    });

    await expect(meetingCanceller({ database, actor, id: other.id, version: 'x', reason: 'No business' })).rejects.toMatchObject({ kind: 'conflict' });
    await meetingCanceller({ database, actor, id: other.id, version: await version(other.id), reason: 'There is no business to transact' });
    expect(await database.db.selectFrom('meeting').select(['status', 'cancelled_reason']).where('id', '=', other.id).executeTakeFirstOrThrow()).toEqual({
      status: 'cancelled',
      cancelled_reason: 'There is no business to transact',
    });
    await expect(meetingEditor({ database, actor, id: other.id, version: await version(other.id), date: '2011-12-09', kind: 'ordinary' })).rejects.toThrow(
      /was cancelled/,
    );
    const audit = await database.db.selectFrom('audit_log').select('action').where('table_name', '=', 'meeting').where('record_id', '=', other.id).execute();
    expect(audit.map((entry) => entry.action)).toEqual(['insert', 'update']);
  });

  it('ends a membership of a body or a group on a day, keeping the record, and refuses an end before its start', async () => {
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Standards Committee', kind: 'committee' });
    const { id } = await membershipAdder({ database, actor, bodyId: body.id, personId: people[0]!, role: 'member', startDate: '2009-06-04' });
    await expect(membershipEnder({ database, actor, table: 'membership', id, endDate: '2009-01-01' })).rejects.toThrow(/same as or after the start date/);
    expect(await membershipEnder({ database, actor, table: 'membership', id, endDate: '2011-05-12' })).toEqual({ ownerId: body.id });
    expect(await database.db.selectFrom('membership').select(['start_date', 'end_date']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      start_date: '2009-06-04',
      end_date: '2011-05-12',
    });
    const group = await groupCreator({ database, actor, authorityName: AUTHORITY, name: 'Independent Group' });
    const joined = await groupMembershipAdder({ database, actor, groupId: group.id, personId: people[1]!, startDate: '2009-06-04' });
    await membershipEnder({ database, actor, table: 'group_membership', id: joined.id, endDate: '2011-06-30' });
    const history = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'group_membership')
      .where('record_id', '=', joined.id)
      .execute();
    expect(history.map((entry) => entry.action)).toEqual(['insert', 'update']);
  });

  it('refuses anyone but democratic services', async () => {
    const councillor: SessionUser = { id: 'account-x', email: 'c@kent.example', name: 'Cllr', roles: ['councillor'], personId: null };
    await expect(bodyCreator({ database, actor: councillor, authorityName: AUTHORITY, name: 'Shadow Committee', kind: 'committee' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(await database.db.selectFrom('body').select('id').where('name', '=', 'Shadow Committee').execute()).toEqual([]);
  });
});
