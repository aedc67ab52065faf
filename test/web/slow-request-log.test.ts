/** Issue 23 item 1: a request slower than the threshold is logged at warn, with what an operator needs to find it. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'warn',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(databaseUnavailable)('slow-request log', () => {
  let database: TestDatabase;
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  async function appWith(slowRequestMs: number): Promise<FastifyInstance> {
    return createApp({ config, database, logger: { stream }, requestLimits: { statementTimeoutMs: 10_000, slowRequestMs } });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('logs a request over the threshold at warn, and not one under it', async () => {
    const everything = await appWith(0);
    await everything.inject({ method: 'GET', url: '/healthz?probe=1' });
    await everything.close();
    const slow = lines.find((line) => line.msg === 'slow request');
    expect(slow).toMatchObject({ level: 40, method: 'GET', url: '/healthz?probe=1', statusCode: 200 });
    expect(typeof slow?.milliseconds).toBe('number');

    lines.length = 0;
    const patient = await appWith(60_000);
    await patient.inject({ method: 'GET', url: '/healthz' });
    await patient.close();
    expect(lines.filter((line) => line.msg === 'slow request')).toEqual([]);
  });
});
