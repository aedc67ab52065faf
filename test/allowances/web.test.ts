/** The public allowances pages: statement HTML and CSV, the scheme with printed and computed amounts, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { importSeedScheme } from './support.ts';
import { claimSubmitter } from '../../src/services/allowances/claim-submitter.ts';
import { claimDecider } from '../../src/services/allowances/claim-decider.ts';
import { postHolderAppointer } from '../../src/services/allowances/entitlement-recorder.ts';
import { findSchemeInForce, listSchemes } from '../../src/db/repositories/allowances.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(databaseUnavailable)('allowances pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importSeedScheme(database);
    const scheme = (await findSchemeInForce(database.db, '2011-06-01'))!;
    const person = await insertPerson(database.db, scheme.scheme.authority_id, { honorific: 'Mr', given_name: '<b>Bold</b>', family_name: 'Tester' });
    await postHolderAppointer({ db: database.db, actor: { job: 'test' }, personId: person.id, schemeId: scheme.scheme.id, kind: 'basic', start: '2009-06-08' });
    const user = { id: 'a1', email: 'a@example.org', name: 'A', roles: ['councillor' as const], personId: person.id };
    const claim = await claimSubmitter({
      db: database.db,
      actor: user,
      personId: person.id,
      claim: { kind: 'travel', dutyDate: '2011-04-10', purposeCode: 'a', miles: '10020' },
      claimedOn: '2011-04-11',
    });
    await claimDecider({
      db: database.db,
      actor: { id: 'o1', email: 'o@example.org', name: 'O', roles: ['democratic-services'], personId: null },
      claimId: claim.id,
      decision: 'approve',
      decidedOn: '2011-04-12',
    });
    app = await createApp({ config, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('shows the statement for a year with the member’s total, escaping names', async () => {
    const response = await app.inject({ url: `${linkTo('allowances.statement')}?year=2011/12` });
    expect(response.statusCode).toBe(200);
    // £13,000 basic + 10,000 miles at 40p (£4,000) + 20 at 25p (£5.00).
    expect(response.body).toContain('£17,005.00');
    expect(response.body).toContain('No payments are recorded for this year yet.');
    expect(response.body).toContain('&lt;b&gt;Bold&lt;/b&gt;');
    expect(response.body).not.toContain('<b>Bold</b>');
  });

  it('opens on the latest year with records, not on an empty current year', async () => {
    // The only claim is of April 2011 and the basic allowance was held from 2009: 2011/12 is the latest year with
    // records, though the scheme runs on to today.
    const response = await app.inject({ url: linkTo('allowances.statement') });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('£17,005.00');
    expect(response.body).toContain('<h1 class="govuk-heading-l">Members’ allowances and expenses 2011/12</h1>');
  });

  it('publishes the statement as CSV', async () => {
    const response = await app.inject({ url: `${linkTo('allowances.statement.csv')}?year=2011/12` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toContain('Paid: Basic allowance');
    expect(lines[0]).toContain('Accrued: Basic allowance');
    // Nothing is recorded as paid yet; £17,005 accrued.
    expect(lines[1]).toBe('Mr <b>Bold</b> Tester,0.00,0.00,0.00,0.00,0.00,0.00,0.00,13000.00,0.00,0.00,4005.00,0.00,0.00,0.00,17005.00');
  });

  it('refuses a year that is not a year, saying so', async () => {
    const response = await app.inject({ url: `${linkTo('allowances.statement')}?year=banana`, headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('year: must be a year like 2011/12');
  });

  it('shows a scheme with the printed amount, what the percentage gives, and the difference', async () => {
    const adopted = (await listSchemes(database.db)).find((scheme) => scheme.status === 'adopted')!;
    const response = await app.inject({ url: linkTo('allowances.scheme', { id: adopted.id }) });
    expect(response.statusCode).toBe(200);
    // Opposition Spokesmen: 7.5% of £44,300 is £3,322.50; printed £3,323: 50p more.
    expect(response.body).toMatch(/Opposition Spokesmen[\s\S]*?£3,323\.00[\s\S]*?£3,322\.50[\s\S]*?£0\.50/);
    expect(response.body).toContain('£13,000.00 a year');
    // The scheme's time limit is for travel claims only ("Travel expenses will only be reimbursed if claimed within four months").
    expect(response.body).toContain('Mileage (own vehicle), Parking, Public transport, Taxi: 4 months from the date of the duty');
    expect(response.body).toContain('No member receives more than one special responsibility allowance');
    const missing = await app.inject({ url: linkTo('allowances.scheme', { id: 'allowance-scheme-0000000000000000' }) });
    expect(missing.statusCode).toBe(404);
  });
});
