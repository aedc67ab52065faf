/**
 * A recorded vote on the meeting page, grouped by each voter's political group on the day of the meeting.
 */
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

describe.skipIf(databaseUnavailable)('recorded votes by political group', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    const authorityId = seed.authority.id as string;
    await database.db
      .insertInto('political_group')
      .values([
        { id: 'group-blue', authority_id: authorityId, name: 'Blue Group', abbreviation: null },
        { id: 'group-red', authority_id: authorityId, name: 'Red Group', abbreviation: null },
      ])
      .execute();
    // The first 68 members voted: 0-54 for, 55-65 against, 66-67 abstained (seedCouncilMeeting).
    // Blue: members 0-49 and 60-61; Red: 50-59; member 62 left Blue before the meeting (2011-04-06); 63-67 in no group.
    const rows = [];
    for (let i = 0; i < 68; i++) {
      const person_id = seed.members[i]!.id as string;
      if (i < 50 || i === 60 || i === 61) rows.push({ id: `gm-${i}`, person_id, group_id: 'group-blue', role: null, start_date: '2009-06-04', end_date: null });
      else if (i < 60) rows.push({ id: `gm-${i}`, person_id, group_id: 'group-red', role: null, start_date: null, end_date: null });
      else if (i === 62) rows.push({ id: `gm-${i}`, person_id, group_id: 'group-blue', role: null, start_date: '2009-06-04', end_date: '2011-03-31' });
    }
    await database.db.insertInto('group_membership').values(rows).execute();
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('counts each group’s votes and lists the members under their group', async () => {
    const response = await app.inject({ method: 'GET', url: linkTo('meeting.show', { id: seed.meeting.id as string }) });
    expect(response.statusCode).toBe(200);
    const table = parse(response.body).querySelector('table[data-vote-groups]')!;
    expect(table.querySelector('caption')!.text.trim()).toBe('Named votes by political group');
    const rows = table.querySelectorAll('tbody tr').map((row) => row.querySelectorAll('th, td').map((cell) => cell.text.trim()));
    // Blue: 50 for (0-49) + 2 against (60, 61); Red: 5 for (50-54) + 5 against (55-59);
    // no group: 62-65 against (4; 62 had left Blue) and 66-67 abstained.
    expect(rows).toEqual([
      ['Blue Group', '50', '2', '0'],
      ['Red Group', '5', '5', '0'],
      ['No group recorded', '0', '4', '2'],
    ]);
    const details = parse(response.body).querySelector('#votes .govuk-details__text')!.text;
    expect(details).toContain('By political group');
    expect(details).toMatch(/Red Group[\s\S]*: Against/);
  });
});
