/**
 * Sign-in with the council's identity provider over OpenID Connect, against a real provider (oidc-provider) running
 * in this process on a loopback port: the authorization code flow with PKCE, state and nonce, the first sign-in
 * linking the provider's subject to the account with the same verified email address, a later sign-in by subject
 * after the email changed at the provider, and every refusal (unknown email, unverified email, disabled account,
 * replayed or foreign state, the person cancelling at the provider, the provider unreachable).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, makeAccount, makeApp } from './support.ts';

const QUORUM = 'http://quorum.kent.example';
const REDIRECT_URI = `${QUORUM}/sign-in/oidc/callback`;

interface PersonAtProvider {
  email?: string;
  email_verified?: boolean;
}

/** A provider whose login step signs in whoever the test names next (no forms), granting Quorum's scopes. */
async function startProvider(people: Map<string, PersonAtProvider>) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state = { nextLogin: '', cancel: false };
  const provider = new Provider(issuer, {
    clients: [
      { client_id: 'quorum', client_secret: 'a-long-client-secret-for-tests', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'client_secret_post' },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: false } },
  });
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      const result = state.cancel ? { error: 'access_denied', error_description: 'cancelled' } : { login: { accountId: state.nextLogin } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  });
  return { issuer, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Walks the browser's side: Quorum's /sign-in/oidc, then the provider's redirects (with the provider's own cookies),
 * until the provider sends the browser back to Quorum's callback, which is then requested with Quorum's cookies.
 */
async function signInThroughProvider(client: Client, start = '/sign-in/oidc'): Promise<LightMyRequestResponse> {
  const begun = await client.get(start);
  expect(begun.statusCode).toBe(303);
  let location = String(begun.headers.location);
  const providerCookies = new Map<string, string>();
  for (let hop = 0; hop < 10 && !location.startsWith(QUORUM); hop++) {
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: [...providerCookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      providerCookies.set(name!, value ?? '');
    }
    const next = response.headers.get('location');
    if (!next) throw new Error(`the provider stopped at ${location} with ${response.status}: ${await response.text()}`);
    location = new URL(next, location).href;
  }
  expect(location.startsWith(REDIRECT_URI)).toBe(true);
  return client.get(location.slice(QUORUM.length));
}

describe.skipIf(databaseUnavailable)('sign-in with the council identity provider (OpenID Connect)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let provider: Awaited<ReturnType<typeof startProvider>>;
  const people = new Map<string, PersonAtProvider>();

  beforeAll(async () => {
    database = await createTestDatabase();
    provider = await startProvider(people);
    app = await makeApp(database, {
      publicUrl: QUORUM,
      oidc: { issuer: provider.issuer, clientId: 'quorum', clientSecret: 'a-long-client-secret-for-tests', label: 'Kent Connect' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await database?.destroy();
  });

  it('offers the provider on the sign-in page', async () => {
    const page = await new Client(app).get('/sign-in?next=%2Fadmin%2Fbodies');
    expect(page.body).toContain('Sign in with Kent Connect');
    expect(page.body).toContain('href="/sign-in/oidc?next=%2Fadmin%2Fbodies"');
  });

  it('signs in the account with the same verified email, links the subject, and signs it in by subject afterwards', async () => {
    const account = await makeAccount(database, 'democratic-services', 'j.whittle@kent.example');
    people.set('sub-whittle', { email: 'J.Whittle@kent.example', email_verified: true });
    provider.state.nextLogin = 'sub-whittle';

    const client = new Client(app);
    const finished = await signInThroughProvider(client, '/sign-in/oidc?next=%2Fadmin%2Fbodies');
    expect(finished.statusCode).toBe(303);
    expect(finished.headers.location).toBe('/admin/bodies');
    const bodies = await client.get('/admin/bodies');
    expect(bodies.statusCode).toBe(200);
    expect(bodies.body).toContain('Signed in as Test democratic-services');

    const link = await database.db.selectFrom('account_identity').selectAll().where('account_id', '=', account.id).execute();
    expect(link).toHaveLength(1);
    expect(link[0]).toMatchObject({ issuer: provider.issuer, subject: 'sub-whittle', email_at_link: 'J.Whittle@kent.example' });
    const audited = await database.db.selectFrom('audit_log').select(['actor', 'action']).where('table_name', '=', 'account_identity').execute();
    expect(audited).toEqual([{ actor: account.id, action: 'insert' }]);

    // The email changes at the provider: the subject still signs in the same account.
    people.set('sub-whittle', { email: 'jenny.whittle@kent.example', email_verified: true });
    const again = new Client(app);
    const second = await signInThroughProvider(again);
    expect(second.headers.location).toBe('/admin');
    expect((await again.get('/admin')).statusCode).toBe(200);
    expect(await database.db.selectFrom('account_identity').select('id').execute()).toHaveLength(1);
  });

  it('refuses an email with no account, an unverified email and a disabled account, creating no session', async () => {
    const sessionsBefore = (await database.db.selectFrom('account_session').select('id_hash').execute()).length;

    people.set('sub-stranger', { email: 'stranger@elsewhere.example', email_verified: true });
    provider.state.nextLogin = 'sub-stranger';
    const stranger = await signInThroughProvider(new Client(app));
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).toContain('No Quorum account uses the email address stranger@elsewhere.example');
    expect(stranger.body).toContain('href="#oidc"');

    await makeAccount(database, 'councillor', 'unverified@kent.example');
    people.set('sub-unverified', { email: 'unverified@kent.example', email_verified: false });
    provider.state.nextLogin = 'sub-unverified';
    const unverified = await signInThroughProvider(new Client(app));
    expect(unverified.statusCode).toBe(403);
    expect(unverified.body).toContain('has not verified your email address');

    const disabled = await makeAccount(database, 'councillor', 'disabled@kent.example');
    await database.db.updateTable('account').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    people.set('sub-disabled', { email: 'disabled@kent.example', email_verified: true });
    provider.state.nextLogin = 'sub-disabled';
    const refused = await signInThroughProvider(new Client(app));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your Quorum account is disabled');

    expect((await database.db.selectFrom('account_session').select('id_hash').execute()).length).toBe(sessionsBefore);
    expect(
      await database.db.selectFrom('account_identity').select('subject').where('subject', 'in', ['sub-stranger', 'sub-unverified', 'sub-disabled']).execute(),
    ).toEqual([]);
  });

  it('refuses a callback begun in another browser, a replayed callback, and a person cancelling at the provider', async () => {
    await makeAccount(database, 'officer', 'officer.oidc@kent.example');
    people.set('sub-officer', { email: 'officer.oidc@kent.example', email_verified: true });
    provider.state.nextLogin = 'sub-officer';

    // Someone else's callback link (their state) opened in this browser signs nobody in.
    const victim = new Client(app);
    const attacker = new Client(app);
    const begun = await attacker.get('/sign-in/oidc');
    const state = new URL(String(begun.headers.location)).searchParams.get('state')!;
    const foreign = await victim.get(`/sign-in/oidc/callback?code=anything&state=${encodeURIComponent(state)}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('took too long, or was started in another browser');
    expect(victim.cookies.has('quorum_session')).toBe(false);

    // A callback used twice: the second is refused (each begun sign-in is used once).
    const client = new Client(app);
    const first = await signInThroughProvider(client);
    expect(first.statusCode).toBe(303);
    const replayClient = new Client(app);
    const replayBegun = await replayClient.get('/sign-in/oidc');
    const replayState = new URL(String(replayBegun.headers.location)).searchParams.get('state')!;
    const stateCookie = replayClient.cookies.get('quorum_oidc_state');
    expect(stateCookie).toBe(replayState);
    await replayClient.get(`/sign-in/oidc/callback?code=bogus&state=${encodeURIComponent(replayState)}`);
    replayClient.cookies.set('quorum_oidc_state', stateCookie!);
    const replayed = await replayClient.get(`/sign-in/oidc/callback?code=bogus&state=${encodeURIComponent(replayState)}`);
    expect(replayed.statusCode).toBe(400);
    expect(replayClient.cookies.has('quorum_session')).toBe(false);

    // The person cancels at the provider.
    provider.state.cancel = true;
    try {
      const cancelled = await signInThroughProvider(new Client(app));
      expect(cancelled.statusCode).toBe(400);
      expect(cancelled.body).toContain('You did not finish signing in with Kent Connect');
    } finally {
      provider.state.cancel = false;
    }
  });

  it('says so on the sign-in page when the provider cannot be reached', async () => {
    const down = await makeApp(database, {
      publicUrl: QUORUM,
      oidc: { issuer: 'http://127.0.0.1:9', clientId: 'quorum', clientSecret: 'x', label: 'Kent Connect' },
    });
    try {
      const response = await new Client(down).get('/sign-in/oidc');
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('Kent Connect cannot be reached just now');
      expect(response.body).toContain('name="password"');
    } finally {
      await down.close();
    }
  });
});
