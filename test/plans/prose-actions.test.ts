/**
 * Plan actions written in prose, through the paper importer: a made-up decision page that names a plan and says
 * which of its actions are done stores the actions with their status and no outcome, and the public plan and action
 * pages show the status, in English and in Welsh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const AUTHORITY = 'Testshire District Council';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: AUTHORITY,
  holidays: 'england-and-wales',
};

/** Made up: the shape of a web system's decision page, no council's words. */
const PAPER = `Decision details

Customer Service Improvement Plan progress

Decision Maker: Cabinet.

Decision status: Recommendations Approved

Is Key decision?: No

Is subject to call in?: Yes

To note progress on the Customer Service Improvement Plan.

1.  That progress on the Customer Service Improvement Plan be noted.

Reasons for the decision:

Three actions, 3.02, 4.1 and 6.05, have been completed since the last report. One action remains outstanding, 7.2.

Report author: Alex Example

Date of decision: 11/02/2015

Decided: 11/02/2015 - Cabinet.
`;

describe.skipIf(databaseUnavailable)('plan actions written in prose', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-prose-actions-'));
    const file = path.join(work, 'decision.txt');
    fs.writeFileSync(file, PAPER);
    const summary = await paperImporter({ database, authorityName: AUTHORITY, paths: [file], actor: 'test' });
    expect(summary.files.map((result) => result.status)).toEqual(['imported']);
    app = await createApp({ config, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('stores each action with the status the paper states, under the plan it names, with no outcome', async () => {
    const rows = await database.db
      .selectFrom('plan_action')
      .innerJoin('plan', 'plan.id', 'plan_action.plan_id')
      .select(['plan.title', 'plan_action.ref', 'plan_action.status', 'plan_action.outcome_id', 'plan_action.source_line_from'])
      .orderBy('plan_action.position')
      .execute();
    expect(rows).toEqual([
      { title: 'Customer Service Improvement Plan', ref: '3.02', status: 'completed', outcome_id: null, source_line_from: 19 },
      { title: 'Customer Service Improvement Plan', ref: '4.1', status: 'completed', outcome_id: null, source_line_from: 19 },
      { title: 'Customer Service Improvement Plan', ref: '6.05', status: 'completed', outcome_id: null, source_line_from: 19 },
      { title: 'Customer Service Improvement Plan', ref: '7.2', status: 'outstanding', outcome_id: null, source_line_from: 19 },
    ]);
  });

  it('refuses a status outside the checked set', async () => {
    await expect(
      database.db
        .updateTable('plan_action')
        .set({ status: 'green' as never })
        .execute(),
    ).rejects.toThrow();
  });

  it('lists the actions on the plan page and shows the status on the action page, in English and Welsh', async () => {
    const plan = (await database.db.selectFrom('plan').select('slug').executeTakeFirstOrThrow()).slug;
    const planPage = await app.inject({ method: 'GET', url: linkTo('plan.show', { plan }) });
    expect(planPage.statusCode).toBe(200);
    expect(planPage.body).toContain('Actions outside any priority');
    expect(planPage.body).toContain('Action 7.2');
    expect(planPage.body).toMatch(/govuk-tag--yellow">\s*Outstanding/);

    const actionPage = await app.inject({ method: 'GET', url: linkTo('plan.action', { plan, ref: '3.02' }) });
    expect(actionPage.statusCode).toBe(200);
    expect(actionPage.body).toMatch(/Status as the paper stated it: <strong class="govuk-tag govuk-tag--green">\s*Completed/);
    expect(actionPage.body).not.toContain('Outcome ');

    const welsh = await app.inject({ method: 'GET', url: `${linkTo('plan.action', { plan, ref: '7.2' })}?lang=cy` });
    expect(welsh.statusCode).toBe(200);
    expect(welsh.body).toContain('Statws fel y nododd y papur');
    expect(welsh.body).toMatch(/Heb ei gwblhau/);
  });
});
