/**
 * A withdrawn meeting (issue 18 item 5) in the public calendars and the search index: subscribers' calendars must
 * drop it (the event becomes CANCELLED with a higher SEQUENCE, RFC 5545 sections 3.8.1.11 and 3.8.7.4, so a calendar
 * that holds it replaces it), and search must stop finding it. Its page stays, with the public reason.
 */
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { meetingWithdrawer } from '../../src/services/committee/meeting-changes.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { findMeetingForEdit } from '../../src/db/records/meetings.ts';

const AUTHORITY = 'Kent County Council';

describe.skipIf(databaseUnavailable)('a withdrawn meeting in calendars and search', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let meetingId: string;
  const actor = 'cli' as const;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    const bodyId = (await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Quarrying Liaison Committee', kind: 'committee' })).id;
    meetingId = (
      await meetingScheduler({ database, actor, bodyId, date: '2031-03-04', startTime: '14:00', location: 'Zanzibar Room, Sessions House', kind: 'ordinary' })
    ).id;
    await agendaItemAdder({
      database,
      actor,
      meetingId,
      authorityName: AUTHORITY,
      title: 'Aggregates survey',
      description: 'Survey of quarry output',
      exempt: false,
      exemptParagraphs: [],
    });
    await agendaPublisher({ database, actor, meetingId, today: '2031-02-01', jurisdiction: 'england-and-wales', confirmLate: true });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const events = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return new ICAL.Component(ICAL.parse(response.body))
      .getAllSubcomponents('vevent')
      .filter((event) => String(event.getFirstPropertyValue('uid')).startsWith(`${meetingId}@`));
  };
  const indexed = () =>
    database.db
      .selectFrom('search_document')
      .select(['kind', 'record_id'])
      .where((eb) => eb.or([eb('record_id', '=', meetingId), eb('meeting_id', '=', meetingId)]))
      .execute();

  it('is CANCELLED with a higher SEQUENCE in every calendar, and leaves the search index', async () => {
    const before = await events('/meetings.ics');
    expect(before).toHaveLength(1);
    expect(before[0]!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const sequenceBefore = Number(before[0]!.getFirstPropertyValue('sequence'));
    expect((await indexed()).map((row) => row.kind).sort()).toEqual(['agenda-item', 'meeting']);

    const meeting = (await findMeetingForEdit(database.db, meetingId))!;
    await meetingWithdrawer({ database, actor, id: meetingId, reason: 'Arranged in error', version: String(meeting.version) });

    const slug = (await database.db.selectFrom('body').select('slug').where('id', '=', meeting.body_id).executeTakeFirstOrThrow()).slug;
    for (const url of ['/meetings.ics', `/committees/${slug}/meetings.ics`]) {
      const after = await events(url);
      expect(after, url).toHaveLength(1);
      expect(after[0]!.getFirstPropertyValue('status'), url).toBe('CANCELLED');
      expect(String(after[0]!.getFirstPropertyValue('summary')), url).toMatch(/\(withdrawn\)$/);
      expect(Number(after[0]!.getFirstPropertyValue('sequence')), url).toBeGreaterThan(sequenceBefore);
    }
    expect(await indexed()).toEqual([]);
    const search = await app.inject({ method: 'GET', url: '/search?q=Zanzibar' });
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain(meetingId);
    // The page itself stays, with the reason.
    const page = await app.inject({ method: 'GET', url: `/meetings/${meetingId}` });
    expect(page.body).toContain('Arranged in error');
  });
});
