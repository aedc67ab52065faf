/**
 * The readable audit trail (issue 18 item 8): the publish and approve events named, names instead of ids, filters by
 * who, kind of record and date, a clear error for a date that is not one, and only democratic services may read it.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { linkTo } from '../../src/http/routes.ts';
import { bodyCreator, membershipAdder } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';
import { Client, makeAccount, makeApp } from './support.ts';

const AUTHORITY = 'Kent County Council';

describe.skipIf(databaseUnavailable)('the audit trail', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let personId: string;

  const rows = async (query = '') => {
    const response = await officer.get(`${linkTo('admin.audit')}${query}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return parse(response.body)
      .querySelectorAll('tbody tr')
      .map((row) => row.querySelectorAll('td').map((cell) => cell.text.replace(/\s+/g, ' ').trim()));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    const actor: SessionUser = { id: account.id, email: account.email, name: 'Test democratic-services', roles: ['democratic-services'], personId: null };
    const authority = await database.db.insertInto('authority').values({ id: 'authority-kent', name: AUTHORITY }).returning('id').executeTakeFirstOrThrow();
    personId = (await insertPerson(database.db, authority.id, { honorific: 'Mrs', given_name: 'Ann', family_name: 'Allen' })).id as string;
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Governance and Audit Committee', kind: 'committee' });
    await membershipAdder({ database, actor, bodyId: body.id, personId, role: 'Chairman', startDate: '2030-05-01', endDate: undefined });
    const meeting = await meetingScheduler({
      database,
      actor,
      bodyId: body.id,
      date: '2030-07-20',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    await agendaItemAdder({ database, actor, authorityName: AUTHORITY, meetingId: meeting.id, title: 'Apologies', exempt: false, exemptParagraphs: [] });
    const published = await agendaPublisher({ database, actor, meetingId: meeting.id, today: '2030-07-01', jurisdiction: 'england-and-wales' });
    expect(published.published).toBe(true);
    officer = new Client(app);
    await officer.signIn(account.email);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('names the publication of the agenda, with who did it and the meeting by name', async () => {
    const published = (await rows()).find((cells) => cells[2] === 'Published the agenda');
    expect(published).toBeDefined();
    expect(published![1]).toBe('Test democratic-services');
    expect(published![3]).toMatch(/^Governance and Audit Committee, 2030-07-20 \(meeting papers\)$/);
  });

  it('shows the records an entry points at by name, not by id', async () => {
    const membership = (await rows('?table=membership')).find((cells) => cells[2] === 'Created committee membership')!;
    expect(membership[4]).toContain('person id: – → Mrs Ann Allen');
    expect(membership[4]).not.toContain(personId);
  });

  it('filters by kind of record, by who and by date', async () => {
    expect((await rows('?table=meeting_workflow')).every((cells) => cells[3]!.endsWith('(meeting papers)'))).toBe(true);
    expect(await rows('?actor=nobody')).toEqual([]);
    expect(await rows('?from=2999-01-01')).toEqual([]);
    expect((await rows(`?to=2999-01-01&table=body`)).length).toBeGreaterThan(0);
  });

  it('says which date is wrong, with status 400 and the values kept', async () => {
    const response = await officer.get(`${linkTo('admin.audit')}?from=2030-02-31&to=banana`);
    expect(response.statusCode).toBe(400);
    const page = parse(response.body);
    expect(page.querySelector('.govuk-error-summary')!.text).toContain('Enter a real date, like 2026-03-04');
    expect(page.querySelector('#from')!.getAttribute('value')).toBe('2030-02-31');
  });

  it('is for democratic services only', async () => {
    expect((await new Client(app).get(linkTo('admin.audit'))).statusCode).toBe(303);
    const councillor = await makeAccount(database, 'councillor');
    const client = new Client(app);
    await client.signIn(councillor.email);
    expect((await client.get(linkTo('admin.audit'))).statusCode).toBe(403);
  });
});
