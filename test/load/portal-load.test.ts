/**
 * Load, scaled down to fit CI (issue 9; the full figures are `npm run bench -- portal` on the twenty-year
 * authority): 64 concurrent clients over mixed public routes (meeting, councillor and committee pages, searches,
 * OParl lists) of a generated council for a few seconds, against the app listening on a real port. Every response
 * must be a 200; the p99 is printed. Correctness, not speed: nothing here is timed against a limit.
 */
import type { FastifyInstance } from 'fastify';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';

const SECONDS = Number(process.env.QUORUM_LOAD_SECONDS ?? 8);

describe.skipIf(databaseUnavailable)('the portal under load (scaled down)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  const paths: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 11, meetingsPerYear: 120, agendaItemsPerMeeting: 6 });
    app = await createApp({ config: portalConfig, database, logger: false });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const meetings = await database.db.selectFrom('meeting').select('id').orderBy('id').limit(60).execute();
    const people = await database.db.selectFrom('person').select('id').orderBy('id').limit(30).execute();
    const bodies = await database.db.selectFrom('body').select('slug').orderBy('slug').execute();
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    paths.push(
      ...meetings.map((meeting) => linkTo('meeting.show', { id: meeting.id })),
      ...people.map((person) => linkTo('person.show', { id: person.id })),
      ...bodies.map((body) => linkTo('committee.show', { slug: body.slug })),
      ...['winter service', 'foster carers', 'school admissions', 'library'].map((q) => `${linkTo('search')}?q=${encodeURIComponent(q)}`),
      ...[1, 2, 3].map((page) => `${linkTo('oparl.body.meetings', { id: authority.id })}?page=${page}`),
      linkTo('home'),
      linkTo('decision.list'),
    );
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it(`answers 64 concurrent clients for ${SECONDS} s over mixed routes without an error`, async () => {
    const statuses = new Map<number, number>();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: origin, connections: 64, duration: SECONDS, requests: paths.map((path) => ({ method: 'GET', path })) },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client: unknown, statusCode: number) => statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1));
    });
    const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    console.log(
      `load (${testEngine}): ${total} requests in ${SECONDS} s over ${paths.length} paths, p99 ${result.latency.p99} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(total).toBeGreaterThan(paths.length);
    expect(Object.fromEntries(statuses)).toEqual({ 200: total });
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
  }, 120_000);
});
