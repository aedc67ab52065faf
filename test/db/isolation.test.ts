/**
 * Issue 23 item 1: no request stalls the site. A slow statement must not stop cached pages or /healthz; a full queue
 * answers 503 with Retry-After in the standard error shape; a statement over its limit is cut off and the database
 * serves on; a query whose client went away never runs. Assertions are about order and outcome, never timings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, POOL_SIZE } from '../../src/db/engine.ts';
import { ClientGoneError, runForRequest } from '../../src/db/query-context.ts';
import { BusyError } from '../../src/domain/errors.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase, testEngine } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

/**
 * A statement that runs for seconds on either engine (PGlite counts about a million rows a second; the server
 * sleeps), ended by the caller's time limit where a test wants it over sooner.
 */
const slowStatement = testEngine === 'pglite' ? sql`select count(*) from generate_series(1, 200000000)` : sql`select pg_sleep(30)`;

/** How many slow statements hold every connection: one on the embedded engine, the pool's size on a server. */
const connections = testEngine === 'pglite' ? 1 : POOL_SIZE;

/** The queue's bound in these tests: a page's own queries, run side by side, wait too. */
const WAITING = 4;

interface Tracked {
  settled: boolean;
  done: Promise<unknown>;
}

function track(promise: Promise<unknown>): Tracked {
  const tracked: Tracked = { settled: false, done: Promise.resolve() };
  tracked.done = promise.then(
    () => {
      tracked.settled = true;
    },
    () => {
      tracked.settled = true;
    },
  );
  return tracked;
}

/** Runs slow statements as requests would, cut off after timeoutMs: by default on every connection. */
function holdEveryConnection(handle: DatabaseHandle, timeoutMs: number, count = connections): Tracked[] {
  return Array.from({ length: count }, () =>
    track(runForRequest({ signal: new AbortController().signal, statementTimeoutMs: timeoutMs }, () => slowStatement.execute(handle.db))),
  );
}

/** The test database reopened with other limits (the embedded engine's folder takes one handle at a time). */
async function reopen(database: TestDatabase, limits: { maxWaiting: number; retryAfterSeconds: number }): Promise<DatabaseHandle> {
  if (testEngine === 'pglite') await database.close();
  return openDatabase({ dataDir: database.location.dataDir, ...(database.location.databaseUrl ? { databaseUrl: database.location.databaseUrl } : {}), limits });
}

describe.skipIf(databaseUnavailable)(`no request stalls the site (${testEngine})`, () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let meetingPath: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedCouncilMeeting(database.db);
    meetingPath = linkTo('meeting.show', { id: seed.meeting.id as string });
    handle = await reopen(database, { maxWaiting: WAITING, retryAfterSeconds: 7 });
    app = await createApp({ config, database: handle, logger: false });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await database?.destroy();
  });

  it('answers cached pages and /healthz while a slow statement runs', async () => {
    // Twice: the data version is kept in memory once the engine's announcements are heard (src/db/data-version-watch.ts).
    expect((await app.inject({ method: 'GET', url: meetingPath })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: meetingPath })).headers['x-quorum-cache']).toBe('hit');
    // On a server a cached page still reads the data version (one primary-key read), so leave it a connection.
    const slow = holdEveryConnection(handle, 4_000, testEngine === 'pglite' ? 1 : POOL_SIZE - 2);
    // Let the statements reach the database before asking for anything else.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cached = await app.inject({ method: 'GET', url: meetingPath });
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    const asset = await app.inject({ method: 'GET', url: '/assets/images/favicon.svg' });
    expect(slow.every((each) => !each.settled)).toBe(true);
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['x-quorum-cache']).toBe('hit');
    expect(health.json()).toEqual({ status: 'ok' });
    expect(asset.statusCode).toBeLessThan(400);
    await Promise.all(slow.map((each) => each.done));
  }, 60_000);

  it('answers 503 with Retry-After, in the standard error shape, when the queue for the database is full', async () => {
    const slow = holdEveryConnection(handle, 4_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Other requests fill the queue.
    const queued = Array.from({ length: WAITING }, () =>
      track(runForRequest({ signal: new AbortController().signal, statementTimeoutMs: 60_000 }, () => sql`select 1`.execute(handle.db))),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await app.inject({ method: 'GET', url: `${linkTo('meeting.list')}?year=2011`, headers: { accept: 'application/json' } });
    expect(slow.every((each) => !each.settled)).toBe(true);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.json()).toEqual({ error: { id: 'overloaded', status: 503, message: expect.stringMatching(/busy/) } });
    await Promise.all([...slow, ...queued].map((each) => each.done));
    expect(queued.every((each) => each.settled)).toBe(true);
  }, 60_000);

  it("cuts a request's statement off at its time limit, and serves on", async () => {
    const started = runForRequest({ signal: new AbortController().signal, statementTimeoutMs: 500 }, () => slowStatement.execute(handle.db));
    await expect(started).rejects.toSatisfy((error) => error instanceof BusyError && error.id === 'statement_timeout');
    const after = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(after.rows).toEqual([{ one: 1 }]);
  }, 60_000);

  it('never runs a query whose client went away while it waited', async () => {
    const seen: string[] = [];
    if (testEngine === 'pglite') await handle.close();
    const watched = await openDatabase({
      dataDir: database.location.dataDir,
      ...(database.location.databaseUrl ? { databaseUrl: database.location.databaseUrl } : {}),
      onQuery: (text) => seen.push(text),
    });
    try {
      const slow = holdEveryConnection(watched, 2_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const client = new AbortController();
      const abandoned = runForRequest({ signal: client.signal, statementTimeoutMs: 10_000 }, () => sql`select 'abandoned' as marker`.execute(watched.db));
      client.abort();
      await expect(abandoned).rejects.toBeInstanceOf(ClientGoneError);
      await Promise.all(slow.map((each) => each.done));
      expect((await sql<{ one: number }>`select 1 as one`.execute(watched.db)).rows).toEqual([{ one: 1 }]);
      expect(seen.some((text) => text.includes('abandoned'))).toBe(false);
    } finally {
      await watched.close();
    }
  }, 60_000);
});
