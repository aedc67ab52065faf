/**
 * `next`, the page to return to after signing in, names only a path on this site: a browser following the redirect
 * must land here whatever the value held (tabs and newlines, which browsers strip; backslashes, which they read as
 * slashes; "//host"; any of those %-encoded), and a value with CR or LF is refused, never a 500.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../../src/web/auth/session-cookie.ts';
import { Client, makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const SITE = 'https://quorum.example';

const HOSTILE = [
  '//evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/%09/evil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/%5Cevil.example',
  '/%255C%255Cevil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/admin\r\nSet-Cookie: quorum_session=stolen',
  '/admin%0d%0aSet-Cookie:%20x=1',
  ' //evil.example',
  '/ /evil.example',
  '',
];

/** Where a browser goes for a Location header: the WHATWG URL parser strips tabs and newlines and reads \ as /. */
function landsOnSite(location: string): boolean {
  const url = new URL(location, `${SITE}/sign-in`);
  return url.origin === SITE;
}

describe('the return path after signing in', () => {
  it('accepts only paths that stay on this site, as a browser would read them', () => {
    for (const next of HOSTILE) expect(safeNext(next), JSON.stringify(next)).toBeUndefined();
    for (const next of ['/admin', '/admin/meetings/meeting-1a2b?tab=agenda#minutes', '/people/mr-w-a-hayton-0123456789abcdef', '/search?q=50%25']) {
      expect(safeNext(next)).toBe(next);
    }
    const piece = fc.constantFrom(
      '/',
      '\\',
      '//',
      '%2F',
      '%2f',
      '%5C',
      '%5c',
      '%09',
      '%0A',
      '%0d',
      '%25',
      '\t',
      '\n',
      '\r',
      ' ',
      'evil.example',
      ':',
      '@',
      'admin',
      '?',
      '#',
      '.',
      '..',
      'https:',
      'é',
      '\u0000',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')),
        (next) => {
          const kept = safeNext(next);
          if (kept === undefined) return;
          expect(landsOnSite(kept)).toBe(true);
          // Nothing a browser or a header would treat specially: printable ASCII, starting with one slash.
          expect(kept).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
          // And decoded, it still names a path here: no encoded slash or backslash pair, no control character.
          let decoded = kept;
          for (let round = 0; round < 3; round++) decoded = decodeURIComponentLoosely(decoded);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
          expect(decoded).not.toMatch(/^\/[/\\]|[\\\u0000-\u001f\u007f]/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

function decodeURIComponentLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe.skipIf(databaseUnavailable)('signing in with a return path', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: { id: string; email: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database, { publicUrl: SITE });
    officer = await makeAccount(database, 'democratic-services');
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('never sends the browser off the site, and never answers 500, whatever next holds', async () => {
    for (const next of HOSTILE) {
      const page = await new Client(app).get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.statusCode, JSON.stringify(next)).toBe(200);
      expect(page.body).not.toContain('evil.example');
      const client = new Client(app);
      const response = await client.post('/sign-in', { email: officer.email, password: PASSWORD, next });
      expect(response.statusCode, JSON.stringify(next)).toBe(303);
      expect(response.headers.location).toBe('/admin');
      expect(landsOnSite(String(response.headers.location))).toBe(true);
    }
    const back = await new Client(app).post('/sign-in', { email: officer.email, password: PASSWORD, next: '/admin/bodies?sort=name' });
    expect(back.headers.location).toBe('/admin/bodies?sort=name');
  });

  it('takes the raw query string of the finding: /sign-in?next=/%09/evil.example', async () => {
    const page = await app.inject({ url: '/sign-in?next=/%09/evil.example', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="next"');
    const crlf = await app.inject({ url: '/sign-in?next=/admin%0d%0aX-Injected:%201', headers: { accept: 'text/html' } });
    expect(crlf.statusCode).toBe(200);
    expect(crlf.headers['x-injected']).toBeUndefined();
  });
});
