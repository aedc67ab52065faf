/**
 * The plan pages, dashboard, progress report and back-office forms over HTTP, on the seed plan.
 */
import mammoth from 'mammoth';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { ESCAPE_PROBE } from '../support/factories.ts';
import { Client, csrfFrom, makeAccount } from '../admin/support.ts';
import { seedPlanPapers } from './seed-plans.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(databaseUnavailable)('plan pages and the dashboard', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let plan: string;
  let officer: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedPlanPapers(database.db);
    plan = (await database.db.selectFrom('plan').select('slug').executeTakeFirstOrThrow()).slug;
    app = await createApp({ config, database, logger: false });
    const account = await makeAccount(database, 'officer');
    officer = new Client(app);
    expect((await officer.signIn(account.email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

  it('shows the six indicators with the seed figures, their targets and RAG as at 21 June 2011', async () => {
    const response = await get(`${linkTo('dashboard')}?asAt=2011-06-21`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    for (const name of [
      'Number of Cases Unallocated for over 28 days',
      'Initial Assessments in progress out of timescale',
      'Percentage of caseholding posts filled',
    ])
      expect(html).toContain(name);
    expect(html.match(/<svg role="img"/g)).toHaveLength(6);
    // Latest figures reported by 21 June (seed 002) and the IN 3 targets.
    expect(html).toMatch(/<strong[^>]*>338<\/strong> in May 2011/);
    expect(html).toMatch(/<strong[^>]*>665<\/strong> in May 2011/);
    expect(html).toMatch(/<strong[^>]*>1,411<\/strong> in May 2011/);
    expect(html).toContain('At most 200 by August 2011');
    expect(html).toContain('At most 100 by August 2011');
    expect(html).toContain('At least 90% ');
    expect(html).toContain('>IN 3</a>');
    expect(html).toContain('Not yet met, on track to meet the target by its deadline');
    // Before seed 002 was published, the May 2011 report's April figures were the latest.
    const earlier = (await get(`${linkTo('dashboard')}?asAt=2011-05-12`)).body;
    expect(earlier).toMatch(/<strong[^>]*>973<\/strong> in April 2011/);
    expect(earlier).not.toContain('338');
  });

  it('refuses an "as at" that is not a date with a GOV.UK error, keeping what was typed', async () => {
    const response = await get(`${linkTo('dashboard')}?asAt=${encodeURIComponent('21/06/2011<b>')}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#asAt"');
    expect(response.body).toContain('value="21/06/2011&lt;b&gt;"');
  });

  it('follows an indicator to the requirement that sets its target and the actions behind it', async () => {
    const response = await get(`${linkTo('indicator.show', { indicator: 'initial-assessments-in-progress-out-of-timescale' })}?asAt=2011-06-21`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Requirements and actions behind it');
    expect(response.body).toContain(`href="${linkTo('plan.action', { plan, ref: '2.1.3' })}"`);
    expect(response.body).toContain(`href="${linkTo('plan.action', { plan, ref: '2.1.4' })}"`);
    expect((await get(linkTo('indicator.show', { indicator: 'no-such-indicator' }))).statusCode).toBe(404);
  });

  it('shows the plan, its priorities with progress bars and an action with its milestones', async () => {
    const overview = await get(`${linkTo('plan.show', { plan })}?asAt=2011-06-21`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Putting Children First');
    expect(overview.body.match(/<progress /g)).toHaveLength(7);
    // The plan is the landing page of "Improvement" and links its dashboard as at the same day.
    expect(overview.body).toContain(`href="${linkTo('dashboard')}?asAt=2011-06-21">Members&#39; dashboard of performance indicators</a>`);
    const priority = await get(`${linkTo('plan.priority', { plan, number: 2 })}?asAt=2011-06-21`);
    expect(priority.body).toContain('Outcome 2.1');
    expect(priority.body).toContain('Heads of Service');
    const action = await get(`${linkTo('plan.action', { plan, ref: '2.1.3' })}?asAt=2011-06-21`);
    expect(action.statusCode).toBe(200);
    expect(action.body).toContain('1 Aug 2011- 30 Aug 2011');
    expect(action.body).toContain('No more than 200 unallocated cases over 28 days');
    expect((await get(linkTo('plan.action', { plan, ref: '9.9.9' }))).statusCode).toBe(404);
  });

  it('flags overdue actions and uncovered requirements as the plan stood on a given day', async () => {
    const june = (await get(`${linkTo('plan.coverage', { plan })}?asAt=2011-06-21`)).body;
    const march = (await get(`${linkTo('plan.coverage', { plan })}?asAt=2011-03-30`)).body;
    const overdueSection = (html: string) => html.slice(html.indexOf('Actions overdue as at'));
    // 2.1.6 was due on 31 March 2011 and no update says it was done.
    expect(overdueSection(june)).toContain(`href="${linkTo('plan.action', { plan, ref: '2.1.6' })}"`);
    expect(overdueSection(march)).not.toContain(`href="${linkTo('plan.action', { plan, ref: '2.1.6' })}"`);
    const count = (html: string) => Number(/<strong>(\d+)<\/strong> actions past a timescale/.exec(html)![1]);
    expect(count(june)).toBeGreaterThan(count(march));
    expect(june).toContain('id="IN-3"');
  });

  it('makes the progress report for a committee and date, as HTML and as DOCX', async () => {
    const body = await database.db.selectFrom('body').select(['id', 'name']).where('name', '=', "Kent Children's Trust Board").executeTakeFirstOrThrow();
    const query = `committee=${body.id}&date=2011-06-21`;
    const html = await get(`${linkTo('plan.report', { plan })}?${query}`);
    expect(html.statusCode).toBe(200);
    for (const text of ['Progress to date', 'Impact on Performance', 'Recommendations', 'Kent Children&#39;s Trust Board – 21 June 2011'])
      expect(html.body).toContain(text);
    expect(html.body).toContain('Reduced number of Cases Unallocated for over 28 days from 2,269 (February 2011) to 338 (May 2011)');
    const docx = await get(`${linkTo('plan.report.docx', { plan })}?${query}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const expected of [
      'Progress to date',
      'Impact on Performance',
      'Recommendations',
      'from 1,926 (February 2011) to 665 (May 2011)',
      'NOTE the progress',
    ])
      expect(text).toContain(expected);
    const bad = await get(`${linkTo('plan.report', { plan })}?committee=&date=2011-13-45`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the committee the report goes to');
    expect(bad.body).toContain('href="#date"');
  });

  it('sends the anonymous public to sign in from the back office', async () => {
    const response = await get(linkTo('plans.admin'));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toContain(linkTo('auth.signIn'));
  });

  /** A signed-in officer posts a form with the CSRF token of the form's own page, as a browser would. */
  async function post(formUrl: string, fields: Record<string, string>) {
    const page = await officer.get(formUrl);
    expect(page.statusCode).toBe(200);
    return officer.post(formUrl, fields, { csrf: csrfFrom(page.body) });
  }

  it('uploads figures as CSV: reports bad lines with a GOV.UK error summary and loads nothing, then loads a good file', async () => {
    const before = await database.db.selectFrom('indicator_observation').select('id').execute();
    const bad = await post(linkTo('plans.admin.upload'), {
      csv: 'indicator,period,value,as_at\nnumber-of-cases-unallocated-for-over-28-days,2011-06,150,2011-07-20\nnumber-of-cases-unallocated-for-over-28-days,June,150,2011-07-20',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Line 3: period must be a month as YYYY-MM');
    expect(bad.body).toContain('June,150');
    expect(await database.db.selectFrom('indicator_observation').select('id').execute()).toHaveLength(before.length);
    const good = await post(linkTo('plans.admin.upload'), {
      csv: `indicator,period,value,as_at,commentary\nnumber-of-cases-unallocated-for-over-28-days,2011-06,150,2011-07-20,"${ESCAPE_PROBE}"`,
    });
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('1 figures loaded');
    const dashboard = (await get(`${linkTo('dashboard')}?asAt=2011-07-31`)).body;
    expect(dashboard).toMatch(/<strong[^>]*>150<\/strong> in June 2011/);
    expect(dashboard).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(dashboard).not.toContain(ESCAPE_PROBE);
  });

  it('uploads figures as a CSV file: bad lines are reported on the file field and nothing is loaded; a good file loads', async () => {
    const url = linkTo('plans.admin.upload');
    const form = await officer.get(url);
    expect(form.body).toContain('enctype="multipart/form-data"');
    expect(form.body).toContain('type="file"');
    const csrf = csrfFrom(form.body);
    const count = async () => (await database.db.selectFrom('indicator_observation').select('id').execute()).length;
    const before = await count();

    const bad = await officer.postMultipart(
      url,
      {},
      {
        file: {
          filename: 'july.csv',
          type: 'text/csv',
          content:
            'indicator,period,value,as_at\nnumber-of-cases-unallocated-for-over-28-days,2011-07,140,2011-08-20\nno-such-indicator,2011-07,1,2011-08-20\n',
        },
      },
      { csrf },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Line 3: indicator &quot;no-such-indicator&quot; is not one of');
    expect(bad.body).toContain('href="#file"');
    expect(bad.body).toMatch(/id="file-error"/);
    expect(await count()).toBe(before);

    const notText = await officer.postMultipart(
      url,
      {},
      { file: { filename: 'figures.xlsx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0xc3]) } },
      { csrf },
    );
    expect(notText.statusCode).toBe(400);
    expect(notText.body).toContain('figures.xlsx is not a CSV file saved as UTF-8 text');
    expect(await count()).toBe(before);

    const nothing = await officer.postMultipart(url, { csv: '' }, {}, { csrf });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Choose a CSV file, or paste the figures into the box');

    // A spreadsheet's UTF-8 export starts with a byte-order mark; it must not spoil the first column's name.
    const good = await officer.postMultipart(
      url,
      {},
      {
        file: {
          filename: 'july.csv',
          type: 'text/csv',
          content: '\uFEFFindicator,period,value,as_at\nnumber-of-cases-unallocated-for-over-28-days,2011-07,140,2011-08-20\n',
        },
      },
      { csrf },
    );
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('1 figures loaded');
    expect(await count()).toBe(before + 1);
    const dashboard = (await get(`${linkTo('dashboard')}?asAt=2011-08-31`)).body;
    expect(dashboard).toMatch(/<strong[^>]*>140<\/strong> in July 2011/);
  });

  it('adds a progress update that completes a measure, changing the action as at that day only', async () => {
    const url = linkTo('plans.admin.progress', { plan, ref: '2.1.6' });
    const form = await officer.get(url);
    const measureId = /<option value="(plan-measure-[^"]+)"/.exec(form.body)![1]!;
    const refused = await post(url, { date: '2011-07-01', rag: '', narrative: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#rag"');
    const saved = await post(url, { date: '2011-07-01', rag: 'green', narrative: 'Protocol agreed by management team', measureId, measureCompleted: 'yes' });
    expect(saved.statusCode).toBe(303);
    const july = (await get(`${linkTo('plan.action', { plan, ref: '2.1.6' })}?asAt=2011-07-02`)).body;
    expect(july).toContain('Protocol agreed by management team');
    expect(july).toContain('Not overdue as at 2 July 2011');
    const june = (await get(`${linkTo('plan.action', { plan, ref: '2.1.6' })}?asAt=2011-06-21`)).body;
    expect(june).not.toContain('Protocol agreed by management team');
    expect(june).toContain('Overdue');
  });
});
