/**
 * The open data APIs answer a repeated anonymous request from memory until the records change: the next request
 * after any committed change reads afresh, and nobody signed in is ever served a shared answer.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { apiTestConfig } from './support/app.ts';

describe.skipIf(databaseUnavailable)('open data response cache', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let meetingsUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 5, meetingsPerYear: 12, agendaItemsPerMeeting: 3 });
    app = await createApp({ config: apiTestConfig, database, logger: false });
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    meetingsUrl = `/oparl/v1/body/${authority.id}/meetings`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('serves a repeated request from memory, and the next one after a change afresh', async () => {
    const first = await app.inject({ method: 'GET', url: meetingsUrl });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-quorum-cache']).toBeUndefined();
    const second = await app.inject({ method: 'GET', url: meetingsUrl });
    expect(second.headers['x-quorum-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['access-control-allow-origin']).toBe('*');
    expect((await app.inject({ method: 'GET', url: meetingsUrl, headers: { 'if-none-match': String(first.headers.etag) } })).statusCode).toBe(304);

    const meeting = JSON.parse(first.body).data[0] as { id: string; location?: { description?: string } };
    const id = meeting.id.split('/').pop()!;
    await database.db.updateTable('meeting').set({ location: 'Committee Room 2, County Hall' }).where('id', '=', id).execute();
    const after = await app.inject({ method: 'GET', url: meetingsUrl });
    expect(after.headers['x-quorum-cache']).toBeUndefined();
    expect(after.body).toContain('Committee Room 2, County Hall');
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it('never shares an answer with a request that carries credentials', async () => {
    await app.inject({ method: 'GET', url: meetingsUrl });
    const signedIn = await app.inject({ method: 'GET', url: meetingsUrl, headers: { cookie: 'quorum_session=abc' } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-quorum-cache']).toBeUndefined();
  });
});
