/**
 * The sign-in and password pages in Welsh (issue 19): the footer's sign-in link is public, so residents and
 * councillors who read the portal in Welsh reach these pages, their errors included, in Welsh. English stays as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';

/** The page's heading, its error summary and its field errors, as a reader sees them. */
function words(response: LightMyRequestResponse): { title: string; heading: string; errors: string[] } {
  const page = parse(response.body);
  return {
    title: page.querySelector('title')?.text.trim() ?? '',
    heading: page.querySelector('main h1')?.text.trim() ?? '',
    errors: page.querySelectorAll('.govuk-error-summary__list a').map((link) => link.text.trim()),
  };
}

describe.skipIf(databaseUnavailable)('the sign-in and password pages in Welsh', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let account: { email: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    account = await makeAccount(database, 'democratic-services', 'cyfrif@kent.example');
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /** A reader who chose Welsh: the language is remembered in its cookie, so posted forms answer in Welsh too. */
  async function welshReader(): Promise<Client> {
    const client = new Client(app);
    expect(words(await client.get(`${linkTo('auth.signIn')}?lang=cy`)).heading).toBe('Mewngofnodi');
    return client;
  }

  it('words the sign-in form’s errors in Welsh', async () => {
    const client = await welshReader();
    const empty = await client.post(linkTo('auth.signIn'), { email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(words(empty).errors).toEqual(['Rhowch eich cyfeiriad e-bost', 'Rhowch eich cyfrinair']);
    const wrong = await client.post(linkTo('auth.signIn'), { email: account.email, password: 'not the password at all' });
    expect(words(wrong).errors).toEqual(['Rhowch gyfeiriad e-bost a chyfrinair eich cyfrif Quorum']);
  });

  it('shows the password reset pages in Welsh', async () => {
    const client = await welshReader();
    const form = await client.get(linkTo('auth.forgotPassword'));
    expect(words(form)).toMatchObject({ heading: 'Ailosod eich cyfrinair' });
    expect(form.body).not.toContain('We will email you a link');
    const badEmail = await client.post(linkTo('auth.forgotPassword'), { email: 'not an address' });
    expect(words(badEmail)).toMatchObject({
      title: expect.stringContaining('Gwall: Ailosod eich cyfrinair'),
      errors: ['Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.gov.uk'],
    });
    const sent = await client.post(linkTo('auth.forgotPassword'), { email: 'nobody@kent.example' });
    expect(words(sent).heading).toBe('Gwiriwch eich e-bost');
    expect(sent.body).toContain('Os yw nobody@kent.example yn perthyn i gyfrif Quorum');
    const expired = await client.get(linkTo('auth.resetPassword', { token: 'no-such-token' }));
    expect(expired.statusCode).toBe(410);
    expect(words(expired).heading).toBe('Mae’r ddolen hon wedi dod i ben');
  });

  it('words a form that has expired (its CSRF token refused) in Welsh', async () => {
    const client = await welshReader();
    const forged = await client.post(linkTo('auth.signIn'), { email: account.email, password: 'x' }, { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Mae’r ffurflen hon wedi dod i ben');
  });

  it('keeps the English word for word', async () => {
    const client = new Client(app);
    const empty = await client.post(`${linkTo('auth.signIn')}?lang=en`, { email: '', password: '' });
    expect(words(empty).errors).toEqual(['Enter your email address', 'Enter your password']);
    const form = await client.get(linkTo('auth.forgotPassword'));
    expect(words(form).heading).toBe('Reset your password');
    const mismatch = await client.post(linkTo('auth.resetPassword', { token: 'no-such-token' }), { password: 'a long enough password', confirm: 'another' });
    expect(words(mismatch).errors).toEqual(['The passwords do not match']);
  });
});
