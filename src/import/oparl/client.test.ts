import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OParlClient, OParlFetchError, retryAfterMs } from './client.ts';

const reply = (status: number, body = '{}', headers: Record<string, string> = {}) => new Response(body, { status, headers });

/** A fetch answering from a script, and a sleep that only notes how long it was asked to wait. */
function scripted(answers: Array<Response | Error>) {
  const calls: string[] = [];
  const waits: number[] = [];
  const client = (options: object = {}) =>
    new OParlClient({
      requestsPerSecond: 1000,
      backoffMs: 100,
      ...options,
      sleep: async (ms) => void waits.push(ms),
      fetch: async (url) => {
        calls.push(url);
        const next = answers.shift();
        if (!next) throw new Error('no more answers');
        if (next instanceof Error) throw next;
        return next;
      },
    });
  return { calls, waits, client };
}

describe('OParl client', () => {
  it('retries 429 and 5xx with exponential backoff, then succeeds', async () => {
    const { client, calls, waits } = scripted([reply(503), reply(429), new Error('socket hang up'), reply(200, '{"ok":true}')]);
    expect(await client().json('https://example.org/x')).toEqual({ ok: true });
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('waits as long as Retry-After says', async () => {
    const { client, waits } = scripted([reply(429, '', { 'retry-after': '7' }), reply(200)]);
    await client().json('https://example.org/x');
    expect(waits).toEqual([7000]);
  });

  it('gives up after the retries, naming the URL and the status', async () => {
    const { client, calls } = scripted([reply(500), reply(500), reply(500)]);
    await expect(client({ retries: 2 }).json('https://example.org/x')).rejects.toThrow('https://example.org/x: HTTP 500 after 3 attempts');
    expect(calls).toHaveLength(3);
  });

  it('does not retry other 4xx answers', async () => {
    const { client, calls } = scripted([reply(404)]);
    await expect(client().json('https://example.org/gone')).rejects.toBeInstanceOf(OParlFetchError);
    expect(calls).toHaveLength(1);
  });

  it('refuses a body that is not JSON, naming the URL', async () => {
    const { client } = scripted([reply(200, '<html>')]);
    await expect(client().json('https://example.org/x')).rejects.toThrow(/^https:\/\/example\.org\/x: not JSON/);
  });

  it('never runs more requests at once than allowed', async () => {
    let running = 0;
    let most = 0;
    const client = new OParlClient({
      concurrency: 2,
      requestsPerSecond: 1000,
      fetch: async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return reply(200);
      },
    });
    await Promise.all(Array.from({ length: 8 }, (_, index) => client.json(`https://example.org/${index}`)));
    expect(most).toBe(2);
  });
});

describe('Retry-After', () => {
  it('reads delay-seconds', () => {
    fc.assert(fc.property(fc.nat(100_000), (seconds) => retryAfterMs(String(seconds)) === seconds * 1000));
  });

  it('reads an HTTP date as the time until then, never negative', () => {
    const now = Date.UTC(2026, 11, 7, 12, 0, 0);
    fc.assert(
      fc.property(fc.integer({ min: -86_400, max: 86_400 }), (offset) => {
        const header = new Date(now + offset * 1000).toUTCString();
        return retryAfterMs(header, now) === Math.max(0, offset * 1000);
      }),
    );
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
