/**
 * The scrutiny back office over HTTP, as a browser uses it (cookies, CSRF tokens from the pages' forms): the scrutiny
 * officer records a recommendation, follows it on the tracker, changes its status within the allowed transitions and
 * corrects it; the owner responds from "my actions". Bad input gets 400 (or 409 for a stale edit) with a GOV.UK
 * error summary, the values kept, and nothing written. Every state-changing scrutiny route refuses the anonymous
 * public and the wrong role.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as store from '../../src/db/repositories/scrutiny.ts';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { recommendationRecorder, statusChanger } from '../../src/services/scrutiny/recorders.ts';
import { linkTo, ROUTES, type RouteName } from '../../src/http/routes.ts';
import { Client, csrfFrom, makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedScrutinyWorld } from './fixtures.ts';

describe.skipIf(databaseUnavailable)('the scrutiny back office', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof seedScrutinyWorld>>;
  let officer: Client;
  let owner: Client;

  const ITEM = 'Kent Highway Services <Winter> Plan';

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await seedScrutinyWorld(database.db);
    app = await makeApp(database);
    const scrutiny = await makeAccount(database, 'scrutiny-officer');
    await accountCreator({
      database,
      actor: { job: 'test' },
      email: 'paul@kent.example',
      name: 'Paul Brightwell',
      roles: ['officer'],
      password: PASSWORD,
      personId: world.officerId,
    });
    officer = new Client(app);
    expect((await officer.signIn(scrutiny.email)).statusCode).toBe(303);
    owner = new Client(app);
    expect((await owner.signIn('paul@kent.example')).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const counts = async () => {
    const result = await sql<{ t: string; n: number }>`
      select 'recommendation' as t, count(*)::int as n from scrutiny_recommendation
      union all select 'response', count(*)::int from scrutiny_response
      union all select 'owner', count(*)::int from scrutiny_action_owner
      union all select 'history', count(*)::int from scrutiny_status_change
      union all select 'item', count(*)::int from scrutiny_item`.execute(database.db);
    const rows = await database.db.selectFrom('scrutiny_recommendation').select(['id', 'status', 'text', 'version', 'published']).orderBy('id').execute();
    return { counts: result.rows, rows };
  };

  /** Posts a page's form with the page's own CSRF token. */
  async function submit(client: Client, pageUrl: string, postUrl: string, fields: Record<string, string | string[]>) {
    const page = await client.get(pageUrl);
    expect(page.statusCode).toBe(200);
    return client.post(postUrl, fields, { csrf: csrfFrom(page.body) });
  }

  const newForm = (overrides: Record<string, string | string[]> = {}) => ({
    meetingId: world.meetingId,
    itemTitle: ITEM,
    text: 'Publish the gritting routes <b>before</b> November.',
    addressee: 'Cabinet Member for Environment, Highways & Waste',
    ownerIds: [world.officerId, ''],
    'dueDate-day': '',
    'dueDate-month': '',
    'dueDate-year': '',
    ...overrides,
  });

  let recommendationId: string;

  it('sends the anonymous public to sign in and refuses an account without the scrutiny officer role', async () => {
    const anonymous = await new Client(app).get(linkTo('scrutiny.admin.tracker'));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fadmin%2Fscrutiny');
    expect((await owner.get(linkTo('scrutiny.admin.tracker'))).statusCode).toBe(403);
    expect((await officer.get(linkTo('scrutiny.admin.tracker'))).statusCode).toBe(200);
    const democratic = new Client(app);
    await democratic.signIn((await makeAccount(database, 'democratic-services')).email);
    expect((await democratic.get(linkTo('scrutiny.admin.tracker'))).statusCode).toBe(200);
  });

  it('records a recommendation with an owner; it starts PENDING, due within two months beginning with the meeting, unpublished', async () => {
    const response = await submit(officer, linkTo('scrutiny.admin.new'), linkTo('scrutiny.admin.new'), newForm());
    expect(response.statusCode).toBe(303);
    recommendationId = response.headers.location!.split('/').pop()!;
    expect(response.headers.location).toBe(linkTo('scrutiny.admin.recommendation', { id: recommendationId }));
    const row = await store.findRecommendation(database.db, recommendationId);
    expect(row).toMatchObject({ status: 'PENDING', due_date: '2012-02-12', published: false, item_title: ITEM, number: 1, version: 1 });
    expect((await store.ownersOf(database.db, [recommendationId])).map((o) => o.person_id)).toEqual([world.officerId]);

    const page = await officer.get(linkTo('scrutiny.admin.recommendation', { id: recommendationId }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Publish the gritting routes &lt;b&gt;before&lt;/b&gt; November.');
    expect(page.body).toContain('Kent Highway Services &lt;Winter&gt; Plan');
    expect(page.body).toContain('Paul Brightwell to action');
    expect(page.body).toContain('12 February 2012');
    expect(page.body).toContain(`href="${linkTo('meeting.show', { id: world.meetingId })}"`);
  });

  it('refuses an unknown owner, a deadline before the meeting and an impossible date, keeping the values and writing nothing', async () => {
    const before = await counts();
    const unknown = await submit(
      officer,
      linkTo('scrutiny.admin.new'),
      linkTo('scrutiny.admin.new'),
      newForm({ ownerIds: ['person-nobody'], text: 'Kept words' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('govuk-error-summary');
    expect(unknown.body).toContain('href="#ownerIds"');
    expect(unknown.body).toContain('There is no officer or member with the id &quot;person-nobody&quot;');
    expect(unknown.body).toContain('Kept words');
    expect(unknown.body).toMatch(/<title>Error: /);

    const early = await submit(
      officer,
      linkTo('scrutiny.admin.new'),
      linkTo('scrutiny.admin.new'),
      newForm({ 'dueDate-day': '1', 'dueDate-month': '12', 'dueDate-year': '2011' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The response deadline must be on or after the meeting on 13 December 2011');
    expect(early.body).toContain('href="#dueDate-day"');
    expect(early.body).toContain('value="2011"');

    const receivedEarly = await submit(
      officer,
      linkTo('scrutiny.admin.new'),
      linkTo('scrutiny.admin.new'),
      newForm({ 'receivedOn-day': '12', 'receivedOn-month': '12', 'receivedOn-year': '2011' }),
    );
    expect(receivedEarly.statusCode).toBe(400);
    expect(receivedEarly.body).toContain('The date the executive received it must be on or after the meeting on 13 December 2011');
    expect(receivedEarly.body).toContain('href="#receivedOn-day"');

    const impossible = await submit(
      officer,
      linkTo('scrutiny.admin.new'),
      linkTo('scrutiny.admin.new'),
      newForm({ 'dueDate-day': '31', 'dueDate-month': '2', 'dueDate-year': '2012' }),
    );
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('The response deadline must be a real date');

    const empty = await submit(officer, linkTo('scrutiny.admin.new'), linkTo('scrutiny.admin.new'), newForm({ text: '  ', ownerIds: ['', ''], meetingId: '' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the recommendation');
    expect(empty.body).toContain('Select at least one owner');
    expect(empty.body).toContain('Select the meeting that made the recommendation');
    expect(await counts()).toEqual(before);
  });

  it('the tracker shows overdue recommendations first and filters by owner, status and age', async () => {
    // A second, later recommendation on the same meeting with a far deadline: not overdue as at 1 March 2012.
    const later = await recommendationRecorder({
      database,
      actor: { job: 'test' },
      meetingId: world.meetingId,
      itemTitle: 'Older libraries review',
      text: 'Keep the mobile library.',
      ownerIds: [world.silentOfficerId],
      dueDate: '2013-01-01',
    });
    const page = await officer.get(`${linkTo('scrutiny.admin.tracker')}?asAt=2012-03-01`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 recommendations, 1 overdue');
    const first = page.body.indexOf(linkTo('scrutiny.admin.recommendation', { id: recommendationId }));
    const second = page.body.indexOf(linkTo('scrutiny.admin.recommendation', { id: later.id }));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(second);

    const byOwner = await officer.get(`${linkTo('scrutiny.admin.tracker')}?asAt=2012-03-01&owner=${world.silentOfficerId}`);
    expect(byOwner.body).toContain('1 recommendation, 0 overdue');
    expect(byOwner.body).toContain('Older libraries review');
    const byStatus = await officer.get(`${linkTo('scrutiny.admin.tracker')}?asAt=2012-03-01&status=CLOSED`);
    expect(byStatus.body).toContain('0 recommendations');
    const byAge = await officer.get(`${linkTo('scrutiny.admin.tracker')}?asAt=2012-03-01&age=6m`);
    expect(byAge.body).toContain('0 recommendations');
    const bad = await officer.get(`${linkTo('scrutiny.admin.tracker')}?status=MAYBE`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a status from the list');
  });

  it('offers only the allowed transitions, refuses any other, and keeps each change in the history', async () => {
    const form = await officer.get(linkTo('scrutiny.admin.status', { id: recommendationId }));
    const offered = [...form.body.matchAll(/name="to" type="radio" value="([^"]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual(['OUTSTANDING', 'RESPONSE RECEIVED', 'TO NOTE ONLY', 'CLOSED']);
    const version = String((await store.findRecommendation(database.db, recommendationId))!.version);
    const before = await counts();
    const refused = await officer.post(
      linkTo('scrutiny.admin.status', { id: recommendationId }),
      { to: 'IMPLEMENTED', reason: 'Done', version, 'effectiveDate-day': '1', 'effectiveDate-month': '3', 'effectiveDate-year': '2012' },
      { csrf: csrfFrom(form.body) },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A recommendation that is PENDING cannot become IMPLEMENTED');
    expect(refused.body).toContain('href="#to"');
    expect(await counts()).toEqual(before);

    const moved = await officer.post(
      linkTo('scrutiny.admin.status', { id: recommendationId }),
      {
        to: 'OUTSTANDING',
        reason: 'No response by the deadline',
        version,
        'effectiveDate-day': '14',
        'effectiveDate-month': '2',
        'effectiveDate-year': '2012',
      },
      { csrf: csrfFrom(form.body) },
    );
    expect(moved.statusCode).toBe(303);
    const history = await store.statusHistory(database.db, recommendationId);
    expect(history.map((change) => [change.from_status, change.to_status, change.effective_date])).toEqual([
      [null, 'PENDING', '2011-12-13'],
      ['PENDING', 'OUTSTANDING', '2012-02-14'],
    ]);
  });

  it('refuses a stale edit with a conflict message, keeping the officer’s words and changing nothing', async () => {
    const form = await officer.get(linkTo('scrutiny.admin.edit', { id: recommendationId }));
    const staleVersion = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    // Someone else publishes it meanwhile.
    const record = await officer.get(linkTo('scrutiny.admin.recommendation', { id: recommendationId }));
    expect(
      (
        await officer.post(
          linkTo('scrutiny.admin.publish', { id: recommendationId }),
          { published: 'yes', version: staleVersion },
          { csrf: csrfFrom(record.body) },
        )
      ).statusCode,
    ).toBe(303);
    const before = await counts();
    const fields = {
      text: 'My careful redraft',
      addressee: '',
      notes: '',
      version: staleVersion,
      'dueDate-day': '13',
      'dueDate-month': '2',
      'dueDate-year': '2012',
    };
    const stale = await officer.post(linkTo('scrutiny.admin.edit', { id: recommendationId }), fields, { csrf: csrfFrom(form.body) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this recommendation after you opened the page');
    expect(stale.body).toContain('My careful redraft');
    expect(await counts()).toEqual(before);
    // Saving again from the refreshed form is a deliberate choice, and works.
    const fresh = /name="version" value="(\d+)"/.exec(stale.body)![1]!;
    expect(Number(fresh)).toBe(Number(staleVersion) + 1);
    const saved = await officer.post(linkTo('scrutiny.admin.edit', { id: recommendationId }), { ...fields, version: fresh }, { csrf: csrfFrom(stale.body) });
    expect(saved.statusCode).toBe(303);
    expect((await store.findRecommendation(database.db, recommendationId))?.text).toBe('My careful redraft');
  });

  it('the owner sees the action and responds; a response before the meeting or by someone else is refused', async () => {
    const mine = await owner.get(linkTo('scrutiny.myActions'));
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(linkTo('scrutiny.myActions.recommendation', { id: recommendationId }));
    const formUrl = linkTo('scrutiny.myActions.recommendation', { id: recommendationId });
    const before = await counts();
    const early = await submit(owner, formUrl, formUrl, {
      responseText: 'We will publish them.',
      'responseDate-day': '1',
      'responseDate-month': '1',
      'responseDate-year': '2011',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The date of response must be on or after the meeting on 13 December 2011');
    expect(early.body).toContain('We will publish them.');
    expect(await counts()).toEqual(before);

    // Another officer, not named on it, may not answer for it.
    await accountCreator({
      database,
      actor: { job: 'test' },
      email: 'tony@kent.example',
      name: 'Tony Doran',
      roles: ['officer'],
      password: PASSWORD,
      personId: world.silentOfficerId,
    });
    const other = new Client(app);
    await other.signIn('tony@kent.example');
    expect((await other.get(formUrl)).statusCode).toBe(403);
    const token = csrfFrom((await other.get(linkTo('scrutiny.myActions'))).body);
    expect(
      (
        await other.post(
          formUrl,
          { responseText: 'Not mine', 'responseDate-day': '1', 'responseDate-month': '3', 'responseDate-year': '2012' },
          { csrf: token },
        )
      ).statusCode,
    ).toBe(403);
    expect(await counts()).toEqual(before);

    const done = await submit(owner, formUrl, formUrl, {
      responseText: 'The routes will be on the website by October.',
      'responseDate-day': '2',
      'responseDate-month': '3',
      'responseDate-year': '2012',
    });
    expect(done.statusCode).toBe(303);
    const row = await store.findRecommendation(database.db, recommendationId);
    expect(row?.status).toBe('RESPONSE RECEIVED');
    const responses = await store.responsesOf(database.db, [recommendationId]);
    expect(responses.map((r) => [r.text, r.response_date, r.responder_id])).toEqual([
      ['The routes will be on the website by October.', '2012-03-02', world.officerId],
    ]);
    const banner = await owner.get(done.headers.location!);
    expect(banner.body).toContain('has been recorded');
  });

  it('refuses a response once the recommendation is closed, keeping the words', async () => {
    await statusChanger({ database, actor: { job: 'test' }, recommendationId, to: 'CLOSED', effectiveDate: '2012-04-01', reason: 'Committee satisfied' });
    const formUrl = linkTo('scrutiny.myActions.recommendation', { id: recommendationId });
    const page = await owner.get(formUrl);
    expect(page.body).toContain('The recommendation is CLOSED, so it takes no more responses');
    const before = await counts();
    const refused = await owner.post(
      formUrl,
      { responseText: 'A late thought', 'responseDate-day': '2', 'responseDate-month': '4', 'responseDate-year': '2012' },
      { csrf: csrfFrom(page.body) },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The recommendation is CLOSED, so it takes no more responses');
    expect(refused.body).toContain('A late thought');
    expect(await counts()).toEqual(before);
  });

  it('every state-changing scrutiny route refuses the anonymous public and the wrong role, writing nothing', async () => {
    const names = (Object.keys(ROUTES) as RouteName[]).filter((name) => name.startsWith('scrutiny.'));
    const posts = names.filter((name) => app.hasRoute({ method: 'POST', url: ROUTES[name] }));
    expect(posts.sort()).toEqual([
      'scrutiny.admin.edit',
      'scrutiny.admin.new',
      'scrutiny.admin.publish',
      'scrutiny.admin.response',
      'scrutiny.admin.status',
      'scrutiny.myActions.recommendation',
    ]);
    const before = await counts();
    const plainOfficer = new Client(app);
    await plainOfficer.signIn((await makeAccount(database, 'officer', 'plain.officer@kent.example')).email);
    for (const name of posts) {
      const url = ROUTES[name].replace(':id', recommendationId);
      const anonymous = new Client(app);
      const refusedAnonymous = await anonymous.post(url, { text: 'x', responseText: 'x', to: 'CLOSED', reason: 'x', version: '99', published: 'no' });
      expect(refusedAnonymous.statusCode, `${name} anonymous`).toBe(303);
      expect(refusedAnonymous.headers.location, `${name} anonymous`).toBe('/sign-in');
      const token = csrfFrom((await plainOfficer.get(linkTo('scrutiny.myActions'))).body);
      const refusedRole = await plainOfficer.post(
        url,
        {
          text: 'x',
          responseText: 'x',
          to: 'CLOSED',
          reason: 'x',
          version: '99',
          published: 'no',
          'responseDate-day': '1',
          'responseDate-month': '5',
          'responseDate-year': '2012',
        },
        { csrf: token },
      );
      expect(refusedRole.statusCode, `${name} as an officer who is not an owner`).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });
});
