/**
 * The member's and the officers' allowances pages over HTTP, as a browser uses them (session cookie, CSRF token):
 * entitlements with pro rata and the one-SRA rule explained, claims refused with the rule they break (400, values
 * kept, summary linked to the fields), approval with a reason, each claim's history, post holders with the maximum
 * enforced, forgoing, adopting the proposed scheme, and the statement CSV's formula protection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addDays, addMonths, allowanceYearOf, taxYearOf } from '../../src/domain/allowances/dates.ts';
import { listSchemes, type SchemeDetail } from '../../src/db/repositories/allowances.ts';
import { postHolderAppointer } from '../../src/services/allowances/entitlement-recorder.ts';
import { todayInLondon } from '../../src/domain/dates.ts';
import { csvCell } from '../../src/domain/csv.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody, insertPerson } from '../support/factories.ts';
import { Client, makeApp } from '../admin/support.ts';
import { importSeedScheme, makeAccount } from './support.ts';

const parts = (name: string, iso: string) => ({
  [`${name}-day`]: String(Number(iso.slice(8))),
  [`${name}-month`]: String(Number(iso.slice(5, 7))),
  [`${name}-year`]: iso.slice(0, 4),
});

describe.skipIf(databaseUnavailable)('allowances pages for members and officers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let scheme: SchemeDetail;
  let memberId: string;
  let member: Client;
  let officer: Client;
  let other: Client;
  const today = todayInLondon();
  // A recent duty in the same tax year as today's, well within the four-month limit.
  const duty = taxYearOf(addDays(today, -2)).start === taxYearOf(today).start ? addDays(today, -2) : today;
  let claimId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ scheme } = await importSeedScheme(database));
    const authorityId = scheme.scheme.authority_id;
    const person = await insertPerson(database.db, authorityId, { honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle' });
    const otherPerson = await insertPerson(database.db, authorityId, { honorific: 'Mr', given_name: 'Paul', family_name: 'Carter' });
    memberId = person.id as string;
    for (const id of [memberId, otherPerson.id as string])
      await postHolderAppointer({ db: database.db, actor: { job: 'test' }, personId: id, schemeId: scheme.scheme.id, kind: 'basic', start: '2009-06-08' });
    const posts = new Map(scheme.posts.map((post) => [post.name, post.id]));
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: memberId,
      schemeId: scheme.scheme.id,
      kind: 'sra',
      sraPostId: posts.get('Cabinet Members')!,
      start: '2011-05-12',
    });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: memberId,
      schemeId: scheme.scheme.id,
      kind: 'sra',
      sraPostId: posts.get('Vice-Chairman')!,
      start: '2011-04-01',
      end: '2011-05-11',
    });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: memberId,
      schemeId: scheme.scheme.id,
      kind: 'sra',
      sraPostId: posts.get('Select Committee Chairmen')!,
      start: '2011-06-01',
      end: '2011-06-30',
    });
    await makeAccount(database, { email: 'whittle@kent.example', name: 'Jenny Whittle', roles: ['councillor'], personId: memberId });
    await makeAccount(database, { email: 'carter@kent.example', name: 'Paul Carter', roles: ['councillor'], personId: otherPerson.id as string });
    await makeAccount(database, { email: 'ds@kent.example', name: 'Dee Services', roles: ['democratic-services'] });
    app = await makeApp(database);
    member = new Client(app);
    officer = new Client(app);
    other = new Client(app);
    expect((await member.signIn('whittle@kent.example')).statusCode).toBe(303);
    expect((await officer.signIn('ds@kent.example')).statusCode).toBe(303);
    expect((await other.signIn('carter@kent.example')).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('sends the anonymous public to sign in and keeps officers’ pages from members', async () => {
    const anonymous = await new Client(app).get(linkTo('allowances.mine'));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fmy-allowances');
    expect((await member.get(linkTo('allowances.admin'))).statusCode).toBe(403);
  });

  it('shows a member’s entitlements with the part-year SRA pro rata and the lower SRA not payable', async () => {
    const page = await member.get(`${linkTo('allowances.mine')}?year=2011/12`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('My allowances 2011/12');
    // Vice-Chairman for 41 days (£7,750 x 41/366) and Cabinet Member for 325 days (£25,569.33), as the services test works out.
    expect(page.body).toMatch(/Vice-Chairman[\s\S]*?Held for part of the year: paid pro rata[\s\S]*?£868\.17/);
    expect(page.body).toMatch(/Cabinet Members[\s\S]*?£25,569\.33/);
    expect(page.body).toMatch(
      /Select Committee Chairmen[\s\S]*?Not payable in full\. No member receives more than one Special Responsibility Allowance: the higher \(Cabinet Members\) is paid for 30 of the 30 days held[\s\S]*?£0\.00/,
    );
    expect(page.body).toContain('£13,000.00');
  });

  it('asks what the claim is for, and refuses a kind that is not one', async () => {
    const page = await member.get(linkTo('allowances.mine.claim.new'));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What are you claiming for?');
    const bad = await member.get(`${linkTo('allowances.mine.claim.new')}?kind=banana`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#kind"');
  });

  it('re-renders a travel claim with the problems linked to their fields and the values kept', async () => {
    const response = await member.post(linkTo('allowances.mine.claim.new'), {
      kind: 'travel',
      'dutyDate-day': '31',
      'dutyDate-month': '2',
      'dutyDate-year': '2011',
      miles: 'lots',
      description: '<script>x</script>',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#dutyDate-day"');
    expect(response.body).toContain('The date of the duty must be a real date');
    expect(response.body).toContain('value="lots"');
    expect(response.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(response.body).not.toContain('<script>x</script>');
    const rules = await member.post(linkTo('allowances.mine.claim.new'), { kind: 'travel', ...parts('dutyDate', duty), miles: 'lots' });
    expect(rules.statusCode).toBe(400);
    expect(rules.body).toContain('href="#purposeCode"');
    expect(rules.body).toContain('Choose the purpose of the journey from the scheme');
    expect(rules.body).toContain('href="#miles"');
  });

  it('refuses a late claim and an at-cost claim without a receipt, saying which rule each breaks', async () => {
    const late = addDays(addMonths(today, -4), -1);
    const response = await member.post(linkTo('allowances.mine.claim.new'), { kind: 'travel', ...parts('dutyDate', late), purposeCode: 'a', miles: '12' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Claims must be made within 4 months of the duty');
    const parking = await member.post(linkTo('allowances.mine.claim.new'), { kind: 'parking', ...parts('dutyDate', duty), cost: '4.50' });
    expect(parking.statusCode).toBe(400);
    expect(parking.body).toContain('only on production of a valid ticket or receipt');
    expect(parking.body).toContain('href="#receipt"');
    expect(parking.body).toContain('enctype="multipart/form-data"');
    expect(parking.body).toContain('value="4.50"');
    expect(await database.db.selectFrom('allowance_claim').select('id').execute()).toEqual([]);
  });

  it('takes a valid claim, shows it waiting, and keeps it from other members', async () => {
    const response = await member.post(linkTo('allowances.mine.claim.new'), {
      kind: 'travel',
      ...parts('dutyDate', duty),
      purposeCode: 'b',
      miles: '42.5',
      description: 'County Hall & back',
    });
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toContain(`year=${encodeURIComponent(allowanceYearOf(duty).label)}`);
    claimId = new URL(location, 'http://x').searchParams.get('claimed')!;
    const page = await member.get(location);
    expect(page.body).toContain('was sent for approval: £17.00 payable'); // 42.5 miles at 40p
    expect(page.body).toContain('Waiting for approval');
    const claim = await member.get(linkTo('allowances.mine.claim', { id: claimId }));
    expect(claim.statusCode).toBe(200);
    expect(claim.body).toContain('County Hall &amp; back');
    expect((await other.get(linkTo('allowances.mine.claim', { id: claimId }))).statusCode).toBe(404);
  });

  it('lets an officer reject only with a reason, approve, and see the claim’s history', async () => {
    const list = await officer.get(linkTo('allowances.admin'));
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(linkTo('allowances.admin.claim', { id: claimId }));
    const noReason = await officer.post(linkTo('allowances.admin.claim.decision', { id: claimId }), { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the claim is rejected');
    expect(noReason.body).toContain('href="#note"');
    const approved = await officer.post(linkTo('allowances.admin.claim.decision', { id: claimId }), { decision: 'approve' });
    expect(approved.statusCode).toBe(303);
    expect((await officer.get(String(approved.headers.location))).body).toContain('was approved');
    const page = await member.get(linkTo('allowances.mine.claim', { id: claimId }));
    expect(page.body).toMatch(/Created by Jenny Whittle[\s\S]*Changed by Dee Services[\s\S]*status: submitted → approved/);
    const again = await officer.post(linkTo('allowances.admin.claim.decision', { id: claimId }), { decision: 'reject', note: 'late' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already approved');
  });

  it('appoints post holders, refusing one past the post’s maximum', async () => {
    const spokesmen = scheme.posts.find((post) => post.name === 'Opposition Spokesmen')!;
    for (let index = 0; index < 8; index++) {
      const person = await insertPerson(database.db, scheme.scheme.authority_id, { family_name: `Spokesman${index}` });
      const response = await officer.post(linkTo('allowances.admin.holders'), {
        personId: person.id as string,
        entitlement: `sra:${spokesmen.id}`,
        ...parts('start', '2011-05-12'),
      });
      expect(response.statusCode).toBe(303);
    }
    const ninth = await officer.post(linkTo('allowances.admin.holders'), {
      personId: memberId,
      entitlement: `sra:${spokesmen.id}`,
      ...parts('start', '2011-06-01'),
    });
    expect(ninth.statusCode).toBe(400);
    expect(ninth.body).toContain('Opposition Spokesmen: the scheme allows at most 8 holders, and on 2011-06-01 there would be 9');
    expect(ninth.body).toContain('href="#entitlement"');
    const page = await officer.get(`${linkTo('allowances.admin.holders')}?year=2011/12`);
    expect(page.body).toContain('Spokesman7');
    const missing = await officer.post(linkTo('allowances.admin.holders'), { personId: '', entitlement: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#start-day"');
    expect(missing.body).toContain('Choose the member');
  });

  it('links an SRA to the role it is paid for, refusing a role the member does not hold', async () => {
    const chairmen = scheme.posts.find((post) => post.name === 'Select Committee Chairmen')!;
    const body = await insertBody(database.db, scheme.scheme.authority_id, {
      name: 'Environment Select Committee',
      slug: 'environment-select-committee',
      kind: 'committee',
    });
    const chair = await insertPerson(database.db, scheme.scheme.authority_id, { honorific: 'Mr', given_name: 'Alan', family_name: 'Chairperson' });
    await database.db
      .insertInto('membership')
      .values({ id: 'membership-chair', person_id: chair.id as string, body_id: body.id, role: 'chairman', start_date: '2011-05-12', end_date: null })
      .execute();
    const form = await officer.get(linkTo('allowances.admin.holders'));
    expect(form.body).toContain('<option value="membership-chair">Mr Alan Chairperson: chairman, Environment Select Committee (from 2011-05-12)</option>');
    const wrongPerson = await officer.post(linkTo('allowances.admin.holders'), {
      personId: memberId,
      entitlement: `sra:${chairmen.id}`,
      membershipId: 'membership-chair',
      ...parts('start', '2011-06-01'),
    });
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.body).toContain('Choose a role the member holds');
    const tooEarly = await officer.post(linkTo('allowances.admin.holders'), {
      personId: chair.id as string,
      entitlement: `sra:${chairmen.id}`,
      membershipId: 'membership-chair',
      ...parts('start', '2011-04-01'),
      ...parts('end', '2011-05-01'),
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain('The member did not hold that role between 2011-04-01 and 2011-05-01');
    const saved = await officer.post(linkTo('allowances.admin.holders'), {
      personId: chair.id as string,
      entitlement: `sra:${chairmen.id}`,
      membershipId: 'membership-chair',
      ...parts('start', '2011-05-12'),
    });
    expect(saved.statusCode).toBe(303);
    const holding = await database.db
      .selectFrom('allowance_holding')
      .select(['membership_id', 'sra_post_id'])
      .where('person_id', '=', chair.id as string)
      .executeTakeFirstOrThrow();
    expect(holding).toEqual({ membership_id: 'membership-chair', sra_post_id: chairmen.id });
    const page = await officer.get(`${linkTo('allowances.admin.holders')}?year=2011/12`);
    expect(page.body).toContain('chairman, Environment Select Committee');
  });

  it('records an allowance forgone and takes it off the statement', async () => {
    const bad = await officer.post(linkTo('allowances.admin.forgone'), { personId: memberId, year: '2011/12', kind: 'basic', amount: 'some' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the amount in pounds and pence');
    const response = await officer.post(linkTo('allowances.admin.forgone'), {
      personId: memberId,
      year: '2011/12',
      kind: 'basic',
      amount: '195.00',
      note: 'Elected to forgo',
    });
    expect(response.statusCode).toBe(303);
    expect((await officer.get(String(response.headers.location))).body).toMatch(/Whittle[\s\S]*Basic allowance[\s\S]*£195\.00/);
    const mine = await member.get(`${linkTo('allowances.mine')}?year=2011/12`);
    expect(mine.body).toMatch(/Forgone[\s\S]*?£195\.00/);
  });

  it('records the adoption of the proposed 2011/12 scheme', async () => {
    const proposed = (await listSchemes(database.db)).find((row) => row.status === 'proposed')!;
    const page = await officer.get(linkTo('allowances.admin.scheme.adopt', { id: proposed.id }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="2011"');
    // Regulation 10(6): an amendment may apply from the beginning of the year it is made in, and no earlier.
    const early = await officer.post(linkTo('allowances.admin.scheme.adopt', { id: proposed.id }), {
      ...parts('adoptedOn', '2011-05-12'),
      ...parts('takesEffectOn', '2011-03-31'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('It cannot take effect before its own period begins on 2011-04-01');
    expect(early.body).toContain('href="#takesEffectOn-day"');
    const response = await officer.post(linkTo('allowances.admin.scheme.adopt', { id: proposed.id }), parts('adoptedOn', '2011-05-12'));
    expect(response.statusCode, response.body.match(/govuk-error-summary[\s\S]{0,600}/)?.[0]).toBe(303);
    const row = await database.db
      .selectFrom('allowance_scheme')
      .select(['status', 'adopted_on', 'takes_effect_on'])
      .where('id', '=', proposed.id)
      .executeTakeFirstOrThrow();
    // Left empty, it takes effect on the day the Council adopted it.
    expect(row).toEqual({ status: 'adopted', adopted_on: '2011-05-12', takes_effect_on: '2011-05-12' });
    const twice = await officer.post(linkTo('allowances.admin.scheme.adopt', { id: proposed.id }), parts('adoptedOn', '2011-05-12'));
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('is already adopted');
  });

  it('protects the statement CSV from cells a spreadsheet would run as formulas', async () => {
    const sly = await insertPerson(database.db, scheme.scheme.authority_id, { given_name: '=HYPERLINK("http://evil.example")', family_name: 'Sly' });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: sly.id as string,
      schemeId: scheme.scheme.id,
      kind: 'basic',
      start: '2011-04-01',
    });
    const csv = await new Client(app).get(`${linkTo('allowances.statement.csv')}?year=2011/12`);
    expect(csv.statusCode).toBe(200);
    // The 2011/12 scheme adopted above takes effect on 12 May 2011: £13,000 for the 41 days to 11 May and £12,805 (less
    // 1.5%) for the 325 days from 12 May, £12,826.84: the £12,827 Kent County Council published for 2011/12.
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"") Sly",0.00,0.00,0.00,0.00,0.00,0.00,0.00,12826.84,`);
    // A cell that is only a number ("-1") is a figure to a spreadsheet, never a formula.
    expect(['=1', '+1', '-1', '-1+1', '@SUM(A1)', '\t=1', 'Mr Smith'].map(csvCell)).toEqual(["'=1", "'+1", '-1', "'-1+1", "'@SUM(A1)", "'\t=1", 'Mr Smith']);
  });

  // The smallest PNG a phone would never make, but a real one: the signature and an IHDR chunk.
  const PNG = new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  ]);

  it('takes a parking claim with its receipt uploaded, and shows the receipt only to the member and to officers', async () => {
    const url = linkTo('allowances.mine.claim.new');
    const form = await member.get(`${url}?kind=parking`);
    expect(form.body).toContain('type="file"');
    const fields = { kind: 'parking', ...parts('dutyDate', duty), cost: '6.20' };
    const notReceipt = await member.postMultipart(url, fields, { receipt: { filename: 'receipt.txt', type: 'text/plain', content: 'paid £6.20' } });
    expect(notReceipt.statusCode).toBe(400);
    expect(notReceipt.body).toContain('The receipt must be a PDF, PNG or JPEG file: receipt.txt is not');
    expect(notReceipt.body).toContain('value="6.20"');
    expect(await database.db.selectFrom('allowance_claim_receipt').select('claim_id').execute()).toEqual([]);

    const saved = await member.postMultipart(url, fields, { receipt: { filename: 'car park.png', type: 'image/png', content: PNG } });
    expect(saved.statusCode).toBe(303);
    const id = new URL(String(saved.headers.location), 'http://x').searchParams.get('claimed')!;
    const receipt = await database.db.selectFrom('allowance_claim_receipt').selectAll().where('claim_id', '=', id).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ filename: 'car park.png', media_type: 'image/png', byte_size: PNG.byteLength });

    const page = await member.get(linkTo('allowances.mine.claim', { id }));
    expect(page.body).toContain(`href="${linkTo('allowances.mine.claim.receipt', { id })}"`);
    expect(page.body).toContain('car park.png (PNG image, 1 KB)');
    const download = await member.get(linkTo('allowances.mine.claim.receipt', { id }));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(new Uint8Array(download.rawPayload)).toEqual(PNG);
    expect((await officer.get(linkTo('allowances.mine.claim.receipt', { id }))).statusCode).toBe(200);
    expect((await officer.get(linkTo('allowances.admin.claim', { id }))).body).toContain('car park.png');
    expect((await other.get(linkTo('allowances.mine.claim.receipt', { id }))).statusCode).toBe(404);
    expect((await new Client(app).get(linkTo('allowances.mine.claim.receipt', { id }))).statusCode).toBe(303);
  });

  it('lets an officer make a claim on a member’s behalf, recorded as entered by the officer', async () => {
    const url = linkTo('allowances.admin.claim.new');
    const start = await officer.get(url);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Make a claim for a member');
    expect(start.body).toContain(`<option value="${memberId}">Mrs Jenny Whittle</option>`);
    const unchosen = await officer.get(`${url}?member=&kind=travel`);
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('Choose the member the claim is for');
    const form = await officer.get(`${url}?member=${encodeURIComponent(memberId)}&kind=travel`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Make a claim for Mrs Jenny Whittle');
    expect(form.body).toContain(`name="member" value="${memberId}"`);
    expect((await member.get(url)).statusCode).toBe(403);

    const saved = await officer.postMultipart(
      url,
      { member: memberId, kind: 'travel', ...parts('dutyDate', duty), purposeCode: 'a', miles: '12', description: 'Posted on a paper form' },
      {},
    );
    expect(saved.statusCode).toBe(303);
    const id = String(saved.headers.location).split('/').at(-1)!;
    const claim = await database.db
      .selectFrom('allowance_claim as c')
      .innerJoin('account as a', 'a.id', 'c.submitted_by')
      .select(['c.person_id', 'c.kind', 'a.email'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ person_id: memberId, kind: 'travel', email: 'ds@kent.example' });
    const detail = await officer.get(linkTo('allowances.admin.claim', { id }));
    expect(detail.body).toContain('Dee Services');
    // The member sees it among their own claims.
    expect((await member.get(linkTo('allowances.mine.claim', { id }))).statusCode).toBe(200);
  });

  it('records a payment run, refusing a day paid for after the payment, and the statement publishes the sums paid', async () => {
    const url = linkTo('allowances.admin.payments');
    expect((await member.get(url)).statusCode).toBe(403);
    const form = await officer.get(url);
    expect(form.statusCode).toBe(200);
    const late = await officer.post(url, { ...parts('upTo', '2012-03-31'), ...parts('paidOn', '2012-03-30') });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('Allowances are paid for days up to the day of payment at the latest');
    expect(late.body).toContain('href="#upTo-day"');
    expect(await database.db.selectFrom('allowance_payment').select('id').execute()).toEqual([]);
    const response = await officer.post(url, { ...parts('upTo', '2012-03-31'), ...parts('paidOn', '2012-03-31') });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${linkTo('allowances.statement')}?year=2011%2F12#paid`);
    const statement = await new Client(app).get(`${linkTo('allowances.statement')}?year=2011/12`);
    expect(statement.body).toContain('Sums paid to each member in 2011/12');
    expect(statement.body).not.toContain('No payments are recorded for this year yet.');
    const paid = await database.db
      .selectFrom('allowance_payment')
      .select(['head', 'amount_pence'])
      .where('person_id', '=', memberId)
      .where('head', '=', 'basic')
      .executeTakeFirstOrThrow();
    // Nothing was paid before: everything from the member's first day, 8 June 2009, is paid now. 2009/10: 297 of 365
    // days of £13,000 = £10,578.08; 2010/11: £13,000; 2011/12: £12,826.84 (the 2011/12 scheme from 12 May) less the
    // £195 forgone = £12,631.84.
    expect(paid.amount_pence).toBe(String(1057808n + 1300000n + 1282684n - 19500n));
  });
});
