/**
 * Back-office test support: an app on a fresh database, accounts of each role, and a browser-like client for
 * app.inject that keeps cookies and sends the CSRF token a page's form carries.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { TestDatabase } from '../support/database.ts';

export const PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    dataDir: '/nonexistent',
    papersDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    authorityName: 'Kent County Council',
    holidays: 'england-and-wales',
    ...overrides,
  };
}

export async function makeApp(database: TestDatabase, overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  return createApp({ config: testConfig(overrides), database, logger: false });
}

export async function makeAccount(database: TestDatabase, role: Role, email = `${role}@kent.example`): Promise<{ id: string; email: string }> {
  const { id } = await accountCreator({ database, actor: { job: 'test' }, email, name: `Test ${role}`, roles: [role], password: PASSWORD });
  return { id, email };
}

/** The value of the hidden _csrf field in a page's HTML. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      const expired = cookie.expires && new Date(cookie.expires).getTime() < Date.now();
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...headers } }));
  }

  /** Posts a form the way a browser does: URL-encoded, with the cookies; the CSRF token is added unless csrf is false. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | false; method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE' } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    if (options.csrf !== false) body.set('_csrf', options.csrf ?? (await this.csrfToken()));
    const cookie = this.cookieHeader();
    return this.keep(
      await this.app.inject({
        method: options.method ?? 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) },
      }),
    );
  }

  /** Posts a form with files the way a browser does (multipart/form-data), with the cookies and the CSRF token. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: Record<string, { filename: string; content: string | Uint8Array<ArrayBuffer>; type?: string }>,
    options: { csrf?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    form.append('_csrf', options.csrf ?? (await this.csrfToken()));
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, file] of Object.entries(files))
      form.append(name, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.filename);
    const cookie = this.cookieHeader();
    return this.keep(await this.app.inject({ method: 'POST', url, payload: form, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } }));
  }

  /** A fresh token from the sign-in page's form (every page with a form has one; this one is public). */
  async csrfToken(): Promise<string> {
    return csrfFrom((await this.get('/sign-in')).body);
  }

  async signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/sign-in', { email, password });
  }
}
