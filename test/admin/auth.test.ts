/**
 * Accounts and sessions through the web, as a browser uses them: sign in with a CSRF-protected form, the session
 * cookie, role checks, lockout after five wrong passwords, sign out, and password reset by a link emailed over real
 * SMTP. Also: the password hash never reaches the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { decode, startSmtpServer } from '../scrutiny/smtp.ts';
import { Client, makeAccount, makeApp, PASSWORD } from './support.ts';

describe.skipIf(databaseUnavailable)('accounts and sessions', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let officer: { id: string; email: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    app = await makeApp(database, {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Quorum <quorum@kent.example>',
      publicUrl: 'http://quorum.kent.example',
    });
    officer = await makeAccount(database, 'democratic-services');
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.destroy();
  });

  it('signs in with the form, sets a secure-by-default session cookie, and shows who is signed in', async () => {
    const client = new Client(app);
    const page = await client.get('/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="_csrf"');
    const response = await client.signIn(officer.email);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin');
    const session = response.cookies.find((cookie) => cookie.name === 'quorum_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const home = await client.get('/admin');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Signed in as Test democratic-services');
    // The session id is kept only as a hash.
    const stored = await database.db.selectFrom('account_session').select('id_hash').execute();
    expect(stored.map((row) => row.id_hash)).not.toContain(session!.value);
  });

  it('refuses a sign-in form posted without its CSRF token', async () => {
    const client = new Client(app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: officer.email, password: PASSWORD }, { csrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.find((cookie) => cookie.name === 'quorum_session')).toBeUndefined();
  });

  it('re-renders the form with status 400, the email kept, and an error summary linked to the field', async () => {
    const client = new Client(app);
    const response = await client.signIn('nobody@kent.example', 'wrong password here');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#email"');
    expect(response.body).toContain('value="nobody@kent.example"');
    const empty = await client.post('/sign-in', { email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email address');
    expect(empty.body).toContain('Enter your password');
  });

  it('sends the anonymous public to sign in and refuses the wrong role with a 403 page', async () => {
    const anonymous = new Client(app);
    const redirected = await anonymous.get('/admin');
    expect(redirected.statusCode).toBe(303);
    expect(redirected.headers.location).toBe('/sign-in?next=%2Fadmin');

    const councillor = await makeAccount(database, 'councillor');
    const client = new Client(app);
    expect((await client.signIn(councillor.email)).statusCode).toBe(303);
    const refused = await client.get('/admin/bodies');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('does not have permission');
  });

  it('gives every role a back office home with only the work that role may do', async () => {
    const councillor = await makeAccount(database, 'councillor', 'home-councillor@kent.example');
    const councillorClient = new Client(app);
    expect((await councillorClient.signIn(councillor.email)).headers.location).toBe('/admin');
    const councillorHome = await councillorClient.get('/admin');
    expect(councillorHome.statusCode).toBe(200);
    expect(councillorHome.body).toContain('href="/my-allowances"');
    expect(councillorHome.body).not.toContain('href="/admin/bodies"');
    expect(councillorHome.body).not.toContain('href="/admin/scrutiny"');

    const scrutiny = await makeAccount(database, 'scrutiny-officer', 'home-scrutiny@kent.example');
    const scrutinyClient = new Client(app);
    await scrutinyClient.signIn(scrutiny.email);
    const scrutinyHome = await scrutinyClient.get('/admin');
    expect(scrutinyHome.statusCode).toBe(200);
    expect(scrutinyHome.body).toContain('href="/admin/scrutiny"');
    expect(scrutinyHome.body).not.toContain('href="/admin/bodies"');
    expect(scrutinyHome.body).not.toContain('href="/my-allowances"');

    const officerClient = new Client(app);
    await officerClient.signIn(officer.email);
    const officerHome = await officerClient.get('/admin');
    for (const link of ['/admin/bodies', '/admin/scrutiny', '/admin/plans', '/admin/allowances']) expect(officerHome.body).toContain(`href="${link}"`);
  });

  it('returns to the page asked for, but never to another site', async () => {
    const client = new Client(app);
    const back = await client.post('/sign-in', { email: officer.email, password: PASSWORD, next: '/admin/bodies' });
    expect(back.headers.location).toBe('/admin/bodies');
    const offsite = await new Client(app).post('/sign-in', { email: officer.email, password: PASSWORD, next: '//evil.example/' });
    expect(offsite.headers.location).toBe('/admin');
  });

  it('makes the client wait after five wrong passwords, even with the right one, and says how long', async () => {
    const target = await makeAccount(database, 'officer', 'delayed@kent.example');
    const client = new Client(app);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await client.signIn(target.email, 'not the password')).statusCode).toBe(400);
    const right = await client.signIn(target.email, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many attempts to sign in. Wait 30 seconds and try again, or reset your password.');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(25);
    expect(right.cookies.find((cookie) => cookie.name === 'quorum_session')).toBeUndefined();
  });

  it('signs out with a POST that ends the session', async () => {
    const client = new Client(app);
    await client.signIn(officer.email);
    const token = client.cookies.get('quorum_session')!;
    const home = await client.get('/admin');
    const out = await client.post('/sign-out', {}, { csrf: /name="_csrf" value="([^"]+)"/.exec(home.body)![1]! });
    expect(out.statusCode).toBe(303);
    // Even a copy of the old cookie no longer works.
    const replay = await app.inject({ method: 'GET', url: '/admin', headers: { accept: 'text/html', cookie: `quorum_session=${token}` } });
    expect(replay.statusCode).toBe(303);
  });

  it('resets a password by a one-time link sent by email, ending old sessions', async () => {
    const person = await makeAccount(database, 'scrutiny-officer', 'reset@kent.example');
    const old = new Client(app);
    await old.signIn(person.email);

    const client = new Client(app);
    const asked = await client.post('/forgot-password', { email: person.email });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Check your email');
    // An unknown address gets the same answer and no email.
    // (The known address's email goes out in the background meanwhile, so count only the stranger's.)
    expect((await client.post('/forgot-password', { email: 'stranger@kent.example' })).body).toContain('Check your email');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.filter((received) => received.to.includes('stranger@kent.example'))).toHaveLength(0);

    // The email goes out after the answer (the answer must not wait for the account lookup or the relay).
    for (let wait = 0; wait < 100 && !smtp.messages.some((received) => received.to.includes(person.email)); wait++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const message = smtp.messages.find((received) => received.to.includes(person.email));
    expect(message).toBeDefined();
    const { subject, text } = decode(message!.raw);
    expect(subject).toBe('Reset your Quorum password');
    const link = /http:\/\/quorum\.kent\.example(\/reset-password\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link).toBeDefined();

    expect((await client.get(link!)).statusCode).toBe(200);
    const mismatch = await client.post(link!, { password: 'a brand new password', confirm: 'something else' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The passwords do not match');
    const short = await client.post(link!, { password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('12 characters or more');

    const done = await client.post(link!, { password: 'a brand new password', confirm: 'a brand new password' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your password has been changed');
    // Single use.
    expect((await client.get(link!)).statusCode).toBe(410);
    expect((await client.post(link!, { password: 'another new password', confirm: 'another new password' })).statusCode).toBe(410);
    // Old sessions ended; the new password works and the old one does not.
    expect((await old.get('/admin')).statusCode).toBe(303);
    expect((await new Client(app).signIn(person.email, PASSWORD)).statusCode).toBe(400);
    expect((await new Client(app).signIn(person.email, 'a brand new password')).statusCode).toBe(303);
  });

  it('never writes a password hash to the audit log, but records that it changed', async () => {
    const entries = await database.db.selectFrom('audit_log').selectAll().where('table_name', '=', 'account').execute();
    expect(entries.length).toBeGreaterThan(0);
    const hashes = (await database.db.selectFrom('account').select('password_hash').execute()).map((row) => row.password_hash!);
    for (const entry of entries) {
      const text = JSON.stringify([entry.before, entry.after]);
      expect(text).not.toContain('password_hash');
      expect(text).not.toContain('$argon2');
      for (const hash of hashes) expect(text).not.toContain(hash);
    }
    const reset = await database.db.selectFrom('account').select('id').where('email', '=', 'reset@kent.example').executeTakeFirstOrThrow();
    const changed = entries.filter((entry) => entry.record_id === reset.id && (entry.after as { password?: string } | null)?.password === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.actor).toBe(reset.id);
  });
});
