/**
 * Behind a load balancer, per-address limits must count visitors, not the balancer: with QUORUM_TRUST_PROXY the
 * sign-in limit per address follows X-Forwarded-For from the trusted hops; without it, that header is ignored (a
 * client must not be able to choose its own address).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, makeApp } from '../admin/support.ts';

/** Wrong sign-ins from one forwarded address until the per-address limit (50 in 15 minutes) answers 429. */
async function attemptsUntilLimited(app: FastifyInstance, forwardedFor: string): Promise<number> {
  const client = new Client(app);
  const csrf = await client.csrfToken();
  for (let attempt = 1; attempt <= 60; attempt++) {
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: new URLSearchParams({ email: `nobody${attempt}@kent.example`, password: 'wrong', _csrf: csrf }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-forwarded-for': forwardedFor,
      },
    });
    if (response.statusCode === 429) return attempt;
  }
  return Infinity;
}

describe.skipIf(databaseUnavailable)('the visitor address behind a proxy', () => {
  let database: TestDatabase;
  let trusting: FastifyInstance;
  let plain: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    trusting = await makeApp(database, { trustProxy: 1 });
    plain = await makeApp(database);
  });
  afterAll(async () => {
    await trusting?.close();
    await plain?.close();
    await database?.destroy();
  });

  it('counts each forwarded visitor separately when the proxy is trusted', async () => {
    const first = await attemptsUntilLimited(trusting, '203.0.113.7');
    expect(first).toBe(51);
    // Another visitor behind the same proxy is not limited by the first one's attempts.
    expect(await attemptsUntilLimited(trusting, '203.0.113.8')).toBe(51);
  }, 120_000);

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const injected = await plain.inject({ method: 'GET', url: '/healthz', headers: { 'x-forwarded-for': '198.51.100.1' } });
    expect(injected.statusCode).toBe(200);
    // All requests come from inject's own address, whatever they claim: the limit is shared.
    const first = await attemptsUntilLimited(plain, '198.51.100.1');
    expect(first).toBe(51);
    expect(await attemptsUntilLimited(plain, '198.51.100.2')).toBe(1);
  }, 120_000);
});
