/**
 * Sign-in and accounts, tried as an attacker would: nothing answers differently for an address with an account
 * (forgot-password, wrong passwords, too many attempts), too many attempts delay the client and never lock an officer
 * out, the counters are shared by every app process, a reset link is worthless once a newer one is issued or one is
 * used, common passwords are refused, and CSRF tokens are bound to the session and replaced at sign-in.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { mailOutbox } from '../../src/services/accounts/mail-outbox.ts';
import { passwordResetRequester } from '../../src/services/accounts/password-reset.ts';
import { Client, csrfFrom, makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

/** A mail relay that takes connections and never answers: a request that waited for it would hang. */
async function silentRelay(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The page without what differs on every page anyway (the CSRF token, the CSP nonce). */
const comparable = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '');

/** Signing in as a browser at `address` would (behind the trusted proxy, the address is X-Forwarded-For). */
function from(client: Client, address: string) {
  return {
    async signIn(email: string, password: string) {
      const csrf = await client.csrfToken();
      return client.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          'x-forwarded-for': address,
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    },
  };
}

describe.skipIf(databaseUnavailable)('sign-in and accounts under attack', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let second: FastifyInstance;
  let relay: Awaited<ReturnType<typeof silentRelay>>;
  let officer: { id: string; email: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    relay = await silentRelay();
    const config = { trustProxy: 1, smtpUrl: `smtp://127.0.0.1:${relay.port}`, publicUrl: 'http://quorum.kent.example' } as const;
    app = await makeApp(database, config);
    // A second app process on the same database, as behind a load balancer.
    second = await makeApp(database, config);
    officer = await makeAccount(database, 'democratic-services', 'officer@kent.example');
    const disabled = await makeAccount(database, 'officer', 'gone@kent.example');
    await database.db.updateTable('account').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
  });
  afterAll(async () => {
    await app?.close();
    await second?.close();
    await relay?.close();
    await database?.destroy();
  });

  it('forgot-password answers the same, at once, for every address, even with the mail relay hanging', async () => {
    const answers = [];
    for (const email of ['officer@kent.example', 'nobody@kent.example', 'gone@kent.example']) {
      const started = Date.now();
      const response = await new Client(app).post('/forgot-password', { email });
      answers.push({ status: response.statusCode, body: comparable(response.body).replaceAll(email, 'EMAIL'), ms: Date.now() - started });
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[1]!.body).toBe(answers[0]!.body);
    expect(answers[2]!.body).toBe(answers[0]!.body);
    // The relay never answers: a request that waited for it (or for the account lookup and link) would not be back.
    // (Nodemailer waits two minutes for a silent relay; fifteen seconds leaves room for a busy machine.)
    for (const answer of answers) expect(answer.ms).toBeLessThan(15_000);
  });

  it('sends the email in the background, trying again when the relay fails', async () => {
    const sent: string[] = [];
    let failures = 2;
    const outbox = mailOutbox(
      { send: async (mail) => (failures-- > 0 ? Promise.reject(new Error('relay down')) : void sent.push(mail.to)) },
      { error: () => undefined, warn: () => undefined },
      [10, 10, 10],
    );
    outbox.post(async () => ({ to: 'officer@kent.example', subject: 'Reset', text: 'link' }));
    outbox.post(async () => undefined);
    for (let wait = 0; wait < 50 && !sent.length; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    await outbox.close();
    expect(sent).toEqual(['officer@kent.example']);
  });

  it('treats an unknown address exactly like an account: same answers, same delay', async () => {
    const run = async (email: string, address: string) => {
      const client = new Client(app);
      const answers: Array<{ status: number; body: string }> = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const response = await from(client, address).signIn(email, 'not the password at all');
        answers.push({ status: response.statusCode, body: comparable(response.body).replaceAll(email, 'EMAIL') });
      }
      return answers;
    };
    const known = await run(officer.email, '198.51.100.10');
    const unknown = await run('stranger@kent.example', '198.51.100.11');
    expect(known.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 429, 429]);
    for (const [index, answer] of unknown.entries()) expect(answer.body, `attempt ${index + 1}`).toBe(known[index]!.body);
  });

  it('never keeps an officer out: wrong passwords from elsewhere delay only their sender, on every app process', async () => {
    const attacker = new Client(app);
    for (let attempt = 0; attempt < 5; attempt++) await from(attacker, '203.0.113.66').signIn(officer.email, 'guess number one two');
    // The other process shares the counters: the attacker is delayed there too.
    expect((await from(new Client(second), '203.0.113.66').signIn(officer.email, PASSWORD)).statusCode).toBe(429);
    // The officer, from their own address, signs in.
    const signedIn = await from(new Client(second), '192.0.2.10').signIn(officer.email, PASSWORD);
    expect(signedIn.statusCode).toBe(303);
  });

  it('lets a reset link in even when strangers from many places have delayed the address, and only the newest link', async () => {
    const target = await makeAccount(database, 'officer', 'target@kent.example');
    for (let place = 0; place < 4; place++)
      for (let attempt = 0; attempt < 5; attempt++) await from(new Client(app), `203.0.113.${100 + place}`).signIn(target.email, 'wrong guess for target');
    expect((await from(new Client(app), '192.0.2.20').signIn(target.email, PASSWORD)).statusCode).toBe(429);
    const tokens: string[] = [];
    await passwordResetRequester({
      database,
      email: target.email,
      linkFor: (token) => {
        tokens.push(token);
        return token;
      },
    });
    await passwordResetRequester({
      database,
      email: target.email,
      linkFor: (token) => {
        tokens.push(token);
        return token;
      },
    });
    const client = new Client(app);
    // Issuing the second link made the first worthless.
    expect((await client.get(`/reset-password/${tokens[0]}`)).statusCode).toBe(410);
    const weak = await client.post(`/reset-password/${tokens[1]}`, { password: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Choose a password that is harder to guess');
    const done = await client.post(`/reset-password/${tokens[1]}`, { password: 'pewter lantern orbit meadow', confirm: 'pewter lantern orbit meadow' });
    expect(done.statusCode).toBe(200);
    expect((await client.get('/admin')).statusCode).toBe(200);
    expect((await new Client(app).get(`/reset-password/${tokens[0]}`)).statusCode).toBe(410);
    expect((await new Client(app).get(`/reset-password/${tokens[1]}`)).statusCode).toBe(410);
  });

  it('refuses common passwords for new accounts', async () => {
    const weak = accountCreator({
      database,
      actor: { job: 'test' },
      email: 'weak@kent.example',
      name: 'Weak Password',
      roles: ['officer'],
      password: 'password1234',
    });
    await expect(weak).rejects.toThrow(/password: Choose a password that is harder to guess/);
    const own = accountCreator({
      database,
      actor: { job: 'test' },
      email: 'jane.smith@kent.example',
      name: 'Jane Smith',
      roles: ['officer'],
      password: 'jane.smith@kent.example',
    });
    await expect(own).rejects.toThrow(/harder to guess/);
  });

  it('binds CSRF tokens to the session and replaces the secret at sign-in', async () => {
    const client = new Client(app);
    const before = await client.csrfToken();
    const secretBefore = client.cookies.get('_csrf');
    expect((await client.post('/sign-in', { email: officer.email, password: PASSWORD }, { csrf: before })).statusCode).toBe(303);
    expect(client.cookies.get('_csrf')).not.toBe(secretBefore);
    // The token from before signing in is refused now.
    const stale = await client.post('/admin/bodies/new', { name: 'Stale Token Panel', kind: 'panel' }, { csrf: before });
    expect(stale.statusCode).toBe(403);
    // A token of another session is refused with this one, even with the same secret.
    const other = new Client(app);
    other.cookies.set('_csrf', client.cookies.get('_csrf')!);
    await other.post('/sign-in', { email: officer.email, password: PASSWORD }, { csrf: await other.csrfToken() });
    const theirs = csrfFrom((await other.get('/admin/bodies/new')).body);
    const mine = csrfFrom((await client.get('/admin/bodies/new')).body);
    other.cookies.set('_csrf', client.cookies.get('_csrf')!);
    expect((await client.post('/admin/bodies/new', { name: 'Crossed Token Panel', kind: 'panel' }, { csrf: theirs })).statusCode).toBe(403);
    expect((await client.post('/admin/bodies/new', { name: 'Own Token Panel', kind: 'panel' }, { csrf: mine })).statusCode).toBe(303);
  });
});
