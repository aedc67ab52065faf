/**
 * Pages, OParl and the JSON API are sent gzip- or brotli-compressed to a client that accepts it, the body
 * decompressing to exactly what an uncompressed request gets, without breaking ETags, 304s or the caches.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { apiTestConfig } from './support/app.ts';

const decoders: Record<string, (body: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync };

describe.skipIf(databaseUnavailable)('compressed responses', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let urls: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 7, meetingsPerYear: 12, agendaItemsPerMeeting: 3 });
    app = await createApp({ config: apiTestConfig, database, logger: false });
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    const meeting = await database.db.selectFrom('meeting').select('id').orderBy('id').executeTakeFirstOrThrow();
    urls = {
      'an HTML page': `/meetings/${meeting.id}`,
      'an OParl list': `/oparl/v1/body/${authority.id}/meetings`,
      'an /api/v1 list': '/api/v1/meetings',
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const kinds = ['an HTML page', 'an OParl list', 'an /api/v1 list'];

  for (const kind of kinds) {
    for (const encoding of ['gzip', 'br']) {
      it(`${kind}: ${encoding} decompresses to the plain body, and its ETag revalidates`, async () => {
        const url = urls[kind]!;
        // Twice each: the first answer is rendered, the second comes from the cache; both must be compressed.
        for (const round of ['rendered', 'cached']) {
          const plain = await app.inject({ method: 'GET', url });
          const packed = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': `${encoding}, identity;q=0.5` } });
          expect(plain.statusCode, `${kind} ${round}`).toBe(200);
          expect(packed.statusCode).toBe(200);
          expect(plain.headers['content-encoding']).toBeUndefined();
          expect(packed.headers['content-encoding'], `${kind} ${round}`).toBe(encoding);
          expect(String(packed.headers.vary)).toMatch(/accept-encoding/i);
          expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length);
          expect(decoders[encoding]!(packed.rawPayload).toString('utf8')).toBe(stripNonce(plain.body, packed));
          expect(packed.headers['content-type']).toBe(plain.headers['content-type']);

          // The compressed answer's validator is weak, names the same content, and gets a 304 either way.
          const etag = String(packed.headers.etag);
          expect(etag).toMatch(/^W\/"/);
          expect(etag.replace(/^W\//, '')).toBe(String(plain.headers.etag).replace(/^W\//, ''));
          for (const headers of [{ 'if-none-match': etag, 'accept-encoding': encoding }, { 'if-none-match': String(plain.headers.etag) }]) {
            const again = await app.inject({ method: 'GET', url, headers });
            expect(again.statusCode, `${kind} ${round} ${JSON.stringify(headers)}`).toBe(304);
            expect(again.rawPayload.length).toBe(0);
          }
        }
      });
    }
  }

  it('leaves small answers and clients that accept no encoding alone', async () => {
    const small = await app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'gzip' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const none = await app.inject({ method: 'GET', url: urls['an OParl list']!, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.json().data.length).toBeGreaterThan(0);
  });
});

/** Pages carry a per-response CSP nonce: compare the compressed page with the plain one under its own nonce. */
function stripNonce(plainBody: string, packed: { headers: Record<string, unknown> }): string {
  const packedNonce = /'nonce-([^']+)'/.exec(String(packed.headers['content-security-policy'] ?? ''))?.[1];
  const plainNonce = /nonce="([^"]+)"/.exec(plainBody)?.[1];
  return packedNonce && plainNonce ? plainBody.replaceAll(plainNonce, packedNonce) : plainBody;
}
