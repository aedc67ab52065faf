/**
 * quorum generate: deterministic synthetic councils, written through the ordinary tables, that the portal serves.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuthority } from '../../src/services/generate/build.ts';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';

const everything = (options: Parameters<typeof buildAuthority>[0]) => {
  const authority = buildAuthority(options);
  return { setup: authority.setup, years: [...authority.years] };
};

describe('generated councils', () => {
  it('are the same for the same seed and differ for another', () => {
    const options = { index: 1, years: 2, seed: 7, meetingsPerYear: 40 };
    const first = everything(options);
    expect(everything(options)).toEqual(first);
    expect(everything({ ...options, seed: 8 })).not.toEqual(first);
    expect(first.years.flatMap((year) => year.meeting!)).toHaveLength(80);
    expect(first.years[0]!.agenda_item).toHaveLength(400);
    expect(first.setup.person).toHaveLength(200);
    // A body meets at most once a day.
    const days = first.years.flatMap((year) => year.meeting!).map((meeting) => `${meeting.body_id} ${meeting.date}`);
    expect(new Set(days).size).toBe(days.length);
  });
});

describe.skipIf(databaseUnavailable)('quorum generate into a database', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 3, meetingsPerYear: 30, agendaItemsPerMeeting: 6 });
    expect(summary.rows.meeting).toBe(30);
    expect(summary.rows.agenda_item).toBe(180);
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('writes through the audit trail and refuses to generate the same authority twice', async () => {
    const audited = await database.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('actor', '=', 'generator')
      .where('table_name', '=', 'agenda_item')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(180);
    await expect(generateAuthorities(database.db, { authorities: 1, years: 1, seed: 3, meetingsPerYear: 30 })).rejects.toThrow(/already in the database/);
  });

  it('is served by the portal: a meeting, a councillor, a committee, and search', async () => {
    const meeting = await database.db.selectFrom('meeting').select('id').orderBy('id').executeTakeFirstOrThrow();
    const meetingPage = await app.inject({ method: 'GET', url: linkTo('meeting.show', { id: meeting.id }) });
    expect(meetingPage.statusCode).toBe(200);
    expect(meetingPage.body).toContain('Apologies and substitutes');
    const person = await database.db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow();
    expect((await app.inject({ method: 'GET', url: linkTo('person.show', { id: person.id }) })).statusCode).toBe(200);
    const body = await database.db.selectFrom('body').select('slug').where('kind', '=', 'committee').orderBy('slug').executeTakeFirstOrThrow();
    expect((await app.inject({ method: 'GET', url: linkTo('committee.show', { slug: body.slug }) })).statusCode).toBe(200);
    const report = await database.db.selectFrom('report').select('subject').orderBy('id').executeTakeFirstOrThrow();
    const topic = report.subject.split(':')[0]!.toLowerCase();
    const search = await app.inject({ method: 'GET', url: `${linkTo('search')}?q=${encodeURIComponent(topic)}` });
    expect(search.statusCode).toBe(200);
    // Matches are highlighted with <mark>: compare the text.
    expect(search.body.replace(/<[^>]+>/g, '')).toContain(report.subject.split(':')[0]!);
  });

  it('holds an improvement plan tied to requirements, indicators observed monthly, and scrutiny recommendations, all served', async () => {
    const count = async (
      table:
        | 'plan_action'
        | 'requirement'
        | 'plan_action_requirement'
        | 'indicator'
        | 'indicator_observation'
        | 'scrutiny_recommendation'
        | 'scrutiny_response',
    ) =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select(({ fn }) => fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('requirement')).toBe(16 + 23 + 10);
    expect(await count('plan_action')).toBeGreaterThanOrEqual(6 * 4 * 4);
    expect(await count('plan_action_requirement')).toBeGreaterThan(0);
    expect(await count('indicator')).toBe(6);
    expect(await count('indicator_observation')).toBe(6 * 12);
    expect(await count('scrutiny_recommendation')).toBeGreaterThan(0);
    expect(await count('scrutiny_response')).toBeGreaterThan(0);
    // Every answered recommendation has its response; every recommendation is due after its meeting.
    const unanswered = await database.db
      .selectFrom('scrutiny_recommendation')
      .innerJoin('scrutiny_item', 'scrutiny_item.id', 'scrutiny_recommendation.item_id')
      .innerJoin('meeting', 'meeting.id', 'scrutiny_item.meeting_id')
      .select(['scrutiny_recommendation.status', 'scrutiny_recommendation.due_date', 'meeting.date'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('scrutiny_response')
              .select('scrutiny_response.id')
              .whereRef('scrutiny_response.recommendation_id', '=', 'scrutiny_recommendation.id'),
          ),
        ),
      )
      .execute();
    for (const row of unanswered) expect(['PENDING', 'OUTSTANDING', 'TO NOTE ONLY']).toContain(row.status);

    const plan = await database.db.selectFrom('plan').select('slug').executeTakeFirstOrThrow();
    const planPage = await app.inject({ method: 'GET', url: linkTo('plan.show', { plan: plan.slug }) });
    expect(planPage.statusCode).toBe(200);
    expect(planPage.body).toContain('Improving Services for Children');
    const coverage = await app.inject({ method: 'GET', url: linkTo('plan.coverage', { plan: plan.slug }) });
    expect(coverage.statusCode).toBe(200);
    expect(coverage.body).toContain('IN 1');
    const dashboard = await app.inject({ method: 'GET', url: linkTo('dashboard') });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Social worker vacancy rate');
    const tracker = await app.inject({ method: 'GET', url: linkTo('scrutiny.list') });
    expect(tracker.statusCode).toBe(200);
    const recommendation = await database.db.selectFrom('scrutiny_recommendation').select('id').orderBy('id').executeTakeFirstOrThrow();
    expect((await app.inject({ method: 'GET', url: linkTo('scrutiny.recommendation', { id: recommendation.id }) })).statusCode).toBe(200);
  });
});
