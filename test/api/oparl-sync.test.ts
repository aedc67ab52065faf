/**
 * OParl 1.1's `modified` rule, tested the way it is relied on: a client mirrors the API, the back office makes a
 * scripted series of edits, and after each one the client updates its mirror with `modified_since` only. Its mirror
 * must then be identical to a fresh full harvest, and each edit must have changed the types it shows on, so an
 * object whose `modified` did not move with something it shows (an embedded agenda item, a resolution, a participant,
 * a membership, a meeting leaving a place) is caught. Every OParl type is covered.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMinute } from '../../src/db/records/minutes.ts';
import { findGroup } from '../../src/db/records/political-groups.ts';
import { bodyEditor, groupEditor, groupMembershipAdder, membershipAdder, membershipEnder } from '../../src/services/committee/bodies.ts';
import {
  agendaItemAdder,
  agendaItemEditor,
  agendaPublisher,
  agendaWithdrawer,
  meetingEditor,
  meetingScheduler,
} from '../../src/services/committee/meetings.ts';
import { meetingWithdrawer } from '../../src/services/committee/meeting-changes.ts';
import { minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { attendanceRecorder, minuteEditor, minuteWriter, voteEventRecorder } from '../../src/services/committee/proceedings.ts';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { apiTestConfig } from './support/app.ts';
import { type Mirror, mirrorDifferences, OParlClient } from './support/oparl-client.ts';
import { findBodyRow } from '../../src/db/records/bodies.ts';
import { findMeetingForEdit } from '../../src/db/records/meetings.ts';
import { findAgendaItemRow } from '../../src/db/records/agenda-items.ts';

const actor = 'cli' as const;
const typeOf = (id: string, mirror: Mirror) => mirror.get(id)?.type.split('/').at(-1);

/** The types of the objects that differ between two states of a mirror: new, changed or dropped. */
function changedTypes(before: Mirror, after: Mirror): Set<string> {
  const types = new Set<string>();
  for (const [id, object] of after) if (JSON.stringify(before.get(id)) !== JSON.stringify(object)) types.add(typeOf(id, after)!);
  for (const id of before.keys()) if (!after.has(id)) types.add(`${typeOf(id, before)} deleted`);
  return types;
}

describe.skipIf(databaseUnavailable)('OParl: a mirror kept with modified_since equals a full harvest after every edit', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 5, meetingsPerYear: 12, agendaItemsPerMeeting: 3, councillors: 40 });
    app = await createApp({ config: apiTestConfig, database, logger: false });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('follows every edit of the back office, for every type', async () => {
    const db = database.db;
    const props = { database, actor };
    const authority = await db.selectFrom('authority').select(['id', 'name']).executeTakeFirstOrThrow();
    const committee = await db.selectFrom('body').select('id').where('kind', '=', 'committee').orderBy('id').executeTakeFirstOrThrow();
    const members = await db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').limit(4).execute();
    const [alice, bob, carol, dan] = members.map((member) => member.id) as [string, string, string, string];
    const group = await db.selectFrom('political_group').select('id').orderBy('id').executeTakeFirstOrThrow();
    const otherGroup = await db.selectFrom('political_group').select('id').where('id', '!=', group.id).orderBy('id').executeTakeFirstOrThrow();
    const placed = await db.selectFrom('meeting').select('location').where('location', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const latest = await db
      .selectFrom('meeting')
      .select((eb) => eb.fn.max('date').as('date'))
      .executeTakeFirstOrThrow();
    // Two terms after the generated year: a legislative term the Body does not have yet.
    const year = Number(String(latest.date).slice(0, 4)) + 8;
    const place = 'Darent Room, Sessions House';

    const ids: Record<string, string> = {};
    // Each edit, and the types whose objects it must change (as seen by a mirror), "X deleted" for withdrawals.
    const script: Array<{ edit: string; expect: string[]; run: () => Promise<unknown> }> = [
      {
        edit: 'schedule two meetings in a new term at a new place',
        expect: ['Meeting', 'Location', 'LegislativeTerm', 'Body'],
        run: async () => {
          ids.meeting = (
            await meetingScheduler({ ...props, bodyId: committee.id, date: `${year}-06-04`, startTime: '10:00', location: place, kind: 'ordinary' })
          ).id;
          ids.other = (
            await meetingScheduler({ ...props, bodyId: committee.id, date: `${year}-07-02`, startTime: '14:00', location: place, kind: 'ordinary' })
          ).id;
        },
      },
      {
        edit: 'add an agenda item with a report (not yet public)',
        expect: [],
        run: async () => {
          const item = await agendaItemAdder({
            ...props,
            meetingId: ids.meeting!,
            authorityName: authority.name,
            title: 'Highways maintenance',
            reportText: 'The report.',
            exempt: false,
            exemptParagraphs: [],
          });
          ids.item = item.id;
          ids.itemNumber = item.number;
        },
      },
      {
        edit: 'publish the agenda',
        expect: ['AgendaItem', 'Paper', 'File', 'Consultation', 'Meeting'],
        run: () => agendaPublisher({ ...props, meetingId: ids.meeting!, today: `${year}-05-01`, jurisdiction: 'england-and-wales', confirmLate: true }),
      },
      {
        edit: 'rename the agenda item',
        expect: ['AgendaItem', 'Meeting', 'Paper', 'Consultation'],
        run: async () => {
          const item = (await findAgendaItemRow(db, ids.item!))!;
          await agendaItemEditor({
            ...props,
            id: item.id,
            version: item.version,
            title: 'Highways maintenance: winter service',
            exempt: false,
            exemptParagraphs: [],
          });
        },
      },
      {
        edit: 'record who was present',
        expect: ['Meeting'],
        run: async () => {
          for (const personId of [alice, bob, carol]) await attendanceRecorder({ ...props, meetingId: ids.meeting!, personId, status: 'present' });
        },
      },
      {
        edit: 'write a minute with a resolution (draft, not public)',
        expect: [],
        run: async () => {
          ids.minute = (
            await minuteWriter({
              ...props,
              meetingId: ids.meeting!,
              title: 'Highways maintenance',
              agendaItemNumber: ids.itemNumber,
              text: '',
              resolutions: ['RESOLVED that the winter service plan be approved.'],
              exempt: false,
            })
          ).id;
        },
      },
      {
        edit: 'publish the minutes, which fills the item’s resolutionText',
        expect: ['AgendaItem', 'Meeting'],
        run: () => minutesPublisher({ ...props, meetingId: ids.meeting! }),
      },
      {
        edit: 'record a vote on the minute',
        expect: ['AgendaItem', 'Meeting'],
        run: () =>
          voteEventRecorder({
            ...props,
            minuteId: ids.minute!,
            motionText: 'That the plan be approved',
            moverId: alice,
            seconderId: bob,
            votes: { [alice]: 'for', [bob]: 'for', [carol]: 'against' },
          }),
      },
      {
        edit: 'revise the resolution',
        expect: ['AgendaItem', 'Meeting'],
        run: async () => {
          const minute = (await findMinute(db, ids.minute!))!;
          await minuteEditor({
            ...props,
            id: minute.id,
            version: minute.version,
            title: minute.title,
            text: '',
            resolutions: ['RESOLVED that the winter service plan be approved as amended.'],
            exempt: false,
          });
        },
      },
      {
        edit: 'add a member to the committee',
        expect: ['Membership', 'Person', 'Organization'],
        run: async () => {
          ids.membership = (await membershipAdder({ ...props, bodyId: committee.id, personId: dan, role: 'member', startDate: `${year}-05-10` })).id;
        },
      },
      {
        edit: 'end that membership',
        expect: ['Membership', 'Person'],
        run: () => membershipEnder({ ...props, table: 'membership', id: ids.membership!, endDate: `${year}-12-31` }),
      },
      {
        edit: 'move a member to another political group',
        expect: ['Membership', 'Person', 'Organization'],
        run: async () => {
          const current = await db
            .selectFrom('group_membership')
            .select('group_id')
            .where('person_id', '=', dan)
            .where('end_date', 'is', null)
            .executeTakeFirst();
          const to = current?.group_id === group.id ? otherGroup.id : group.id;
          await groupMembershipAdder({ ...props, groupId: to, personId: dan, role: undefined, startDate: `${year}-05-10` });
        },
      },
      {
        edit: 'rename a political group',
        expect: ['Organization'],
        run: async () => {
          const found = (await findGroup(db, group.id))!;
          await groupEditor({
            ...props,
            id: found.id,
            version: found.version,
            name: `${found.name} and Independent`,
            abbreviation: found.abbreviation ?? undefined,
          });
        },
      },
      {
        edit: 'rename the committee, which renames its meetings',
        expect: ['Organization', 'Meeting'],
        run: async () => {
          const body = (await findBodyRow(db, committee.id))!;
          await bodyEditor({ ...props, id: body.id, version: body.version, name: `${body.name} (Highways)`, kind: body.kind as 'committee' });
        },
      },
      {
        edit: 'move one meeting to another place: the place it left lists one meeting fewer',
        expect: ['Meeting', 'Location'],
        run: async () => {
          const meeting = (await findMeetingForEdit(db, ids.other!))!;
          await meetingEditor({
            ...props,
            id: meeting.id,
            version: meeting.version,
            date: meeting.date,
            startTime: '14:00',
            location: placed.location!,
            kind: 'ordinary',
          });
        },
      },
      {
        edit: 'rename a person (the roster)',
        expect: ['Person'],
        run: () => db.updateTable('person').set({ family_name: 'Fairweather' }).where('id', '=', alice).execute(),
      },
      {
        edit: 'make the agenda item exempt: its paper, file and consultation are withdrawn',
        expect: ['AgendaItem', 'Meeting', 'Paper deleted', 'File deleted', 'Consultation deleted'],
        run: async () => {
          const item = (await findAgendaItemRow(db, ids.item!))!;
          await agendaItemEditor({ ...props, id: item.id, version: item.version, title: item.title, exempt: true, exemptParagraphs: [3] });
        },
      },
      {
        edit: 'withdraw the agenda: its item is withdrawn',
        expect: ['Meeting', 'AgendaItem deleted'],
        run: () => agendaWithdrawer({ ...props, meetingId: ids.meeting! }),
      },
      {
        edit: 'withdraw the meeting (its minutes were published): it is deleted, and its place lists one meeting fewer',
        expect: ['Meeting deleted', 'Location'],
        run: async () => {
          const meeting = (await findMeetingForEdit(db, ids.meeting!))!;
          await meetingWithdrawer({ ...props, id: meeting.id, version: meeting.version, reason: 'Arranged in error' });
        },
      },
    ];

    const client = new OParlClient(app);
    let since = new Date();
    const mirror = await client.harvest();
    const harvestRequests = client.requests;
    const covered = new Set<string>();
    for (const step of script) {
      await step.run();
      const before = new Map(mirror);
      const started = new Date();
      client.requests = 0;
      await client.update(mirror, since);
      since = started;
      const fresh = await new OParlClient(app).harvest();
      expect(mirrorDifferences(mirror, fresh), step.edit).toEqual([]);
      const changed = changedTypes(before, mirror);
      for (const type of step.expect) expect([...changed], `${step.edit}: ${type}`).toContain(type);
      for (const type of changed) covered.add(type.replace(' deleted', ''));
      // Only what changed is sent: an update is far cheaper than a harvest.
      expect(client.requests, step.edit).toBeLessThan(harvestRequests);
    }
    expect([...covered].sort()).toEqual([
      'AgendaItem',
      'Body',
      'Consultation',
      'File',
      'LegislativeTerm',
      'Location',
      'Meeting',
      'Membership',
      'Organization',
      'Paper',
      'Person',
    ]);
  }, 300_000);
});
