/**
 * Canaries planted in exempt records (Schedule 12A) must not come back from any anonymous request to the portal's
 * pages or its search. (Feeds and the export are to join this list as they arrive.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/web/app.ts';
import { linkTo } from '../../src/web/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { EXEMPT_MINUTE_TEXT, seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

const CANARY = 'xylocanary';

describe.skipIf(databaseUnavailable)('exempt information stays private', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;
  const reportId = 'report-canary0000000001';

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    await database.db
      .insertInto('report')
      .values({ id: reportId, authority_id: seed.authority.id as string, subject: `Land valuation ${CANARY} subject`, exempt: true, summary: `${CANARY} price`, full_text: `The bid of ${CANARY} pounds` })
      .execute();
    await database.db.updateTable('agenda_item').set({ report_id: reportId, description: `Private note ${CANARY}` }).where('id', '=', seed.agendaIds['5']!).execute();
    await database.db.updateTable('minute').set({ text: `${EXEMPT_MINUTE_TEXT} ${CANARY}` }).where('id', '=', seed.minuteIds.exemptMinute).execute();
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('no page or search returns the canary, while the exempt item keeps its public title and paragraphs', async () => {
    const people = await database.db.selectFrom('person').select('id').execute();
    const urls = [
      '/',
      linkTo('meeting.list'),
      linkTo('meeting.show', { id: seed.meeting.id as string }),
      linkTo('committee.list'),
      linkTo('committee.show', { slug: 'county-council' }),
      linkTo('person.list'),
      ...people.map((person) => linkTo('person.show', { id: person.id })),
      linkTo('decision.list'),
      linkTo('report.show', { id: reportId }),
      '/search?q=tender+bidders',
      '/search?q=land+valuation',
      '/search?q=Ashford',
    ];
    const echoed = await app.inject({ method: 'GET', url: `/search?q=${CANARY}` });
    // The search page repeats what was typed; it must find nothing.
    expect(echoed.body).toContain(`No results for “${CANARY}”`);
    expect(echoed.body).not.toContain('quorum-result');
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain(CANARY);
      expect(response.body, url).not.toContain('tender prices');
    }
    expect((await app.inject({ method: 'GET', url: linkTo('report.show', { id: reportId }) })).statusCode).toBe(404);
    const meeting = await app.inject({ method: 'GET', url: linkTo('meeting.show', { id: seed.meeting.id as string }) });
    expect(meeting.body).toContain('Disposal of land at Ashford');
    expect(meeting.body).toContain('Schedule 12A paragraphs 2 and 7');
    const search = await app.inject({ method: 'GET', url: '/search?q=Ashford' });
    expect(search.body).toContain('Disposal of land at <mark>Ashford</mark>');
    const index = await database.db.selectFrom('search_document').select(['title', 'body']).execute();
    expect(JSON.stringify(index)).not.toContain(CANARY);
  });
});
