/**
 * One database with a record behind every kind of public page, and the address of one page of each kind, for the
 * Welsh tests (test/welsh/every-page.test.ts, test/welsh/welsh.browser.test.ts). The seeds give the scrutiny
 * meetings, people, scrutiny recommendations, plans and the allowances scheme; the registers are planted.
 * Pages reached by a link (a plan's priority, an outside body) are found by following the first such link, so the
 * list stays true when slugs change.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { linkTo } from '../../src/http/routes.ts';
import type { TestDatabase } from '../support/database.ts';
import { seedPlanPapers } from '../plans/seed-plans.ts';
import { plantRegisters } from '../registers/plant-registers.ts';
import { importAllScrutinySeeds } from '../scrutiny/support.ts';

export interface PublicPage {
  name: string;
  url: string;
  status: number;
}

export async function seedPublicPages(database: TestDatabase) {
  await importAllScrutinySeeds(database);
  if (!(await database.db.selectFrom('plan').select('id').executeTakeFirst())) await seedPlanPapers(database.db);
  const body = await database.db.selectFrom('body').select('id').orderBy('id').executeTakeFirstOrThrow();
  const member = await database.db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').executeTakeFirstOrThrow();
  await plantRegisters(database.db, { bodyId: body.id, memberId: member.id });
}

/** The first link on a page whose address starts with prefix, or matches a pattern (and is not the page itself). */
async function firstLink(app: FastifyInstance, page: string, prefix: string | RegExp): Promise<string> {
  const response = await app.inject({ method: 'GET', url: page });
  const href = parse(response.body)
    .querySelectorAll('main a[href]')
    .map((link) => link.getAttribute('href')!)
    .find(
      (candidate) =>
        (typeof prefix === 'string' ? candidate.startsWith(prefix) : prefix.test(candidate)) &&
        candidate.split('?')[0] !== page.split('?')[0] &&
        !/\.(csv|xlsx|docx|pdf|ics|rss|atom)\b/.test(candidate),
    );
  if (!href) throw new Error(`no link to ${prefix} on ${page}`);
  return href;
}

/** Every kind of public page: its name, an address of one, and the status it answers with. */
export async function publicPages(app: FastifyInstance): Promise<PublicPage[]> {
  const plan = await firstLink(app, linkTo('plans.index'), '/plans/');
  const priority = await firstLink(app, plan, /^\/plans\/.*\/priorities\//);
  const page = (name: string, url: string, status = 200): PublicPage => ({ name, url, status });
  return [
    page('home', linkTo('home')),
    page('meetings list', `${linkTo('meeting.list')}?year=2011`),
    page('calendar', `${linkTo('meeting.list')}?year=2011&month=4`),
    page('meeting', await firstLink(app, linkTo('home'), '/meetings/')),
    page('meeting with recommendations', await firstLink(app, linkTo('scrutiny.list'), '/meetings/')),
    page('committees', linkTo('committee.list')),
    page('committee', await firstLink(app, linkTo('committee.list'), '/committees/')),
    page('councillors', linkTo('person.list')),
    page('person', await firstLink(app, linkTo('person.list'), '/people/')),
    page('decisions', linkTo('decision.list')),
    page('search with results', `${linkTo('search')}?q=winter`),
    page('search with an error', `${linkTo('search')}?q=winter&from=31-31-2011`, 400),
    page('forward plan', linkTo('forwardPlan.list')),
    page('forward plan entry', await firstLink(app, linkTo('forwardPlan.list'), '/forward-plan/')),
    page('urgent decisions', linkTo('forwardPlan.urgencyReport')),
    page('register of interests', linkTo('interests.register')),
    page('member interests', await firstLink(app, linkTo('interests.register'), '/people/')),
    page('outside bodies', linkTo('outsideBodies.list')),
    page('outside body', await firstLink(app, linkTo('outsideBodies.list'), '/outside-bodies/')),
    page('scrutiny', linkTo('scrutiny.list')),
    page('recommendation', await firstLink(app, linkTo('scrutiny.list'), '/scrutiny/recommendations/')),
    page('tracking sheet', linkTo('scrutiny.trackingSheet')),
    page('scrutiny insight', linkTo('scrutiny.insight')),
    page('plans', linkTo('plans.index')),
    page('plan', plan),
    page('priority', priority),
    page('action', await firstLink(app, priority, /^\/plans\/.*\/actions\//)),
    page('coverage', await firstLink(app, plan, /^\/plans\/.*\/coverage/)),
    page('progress report', await firstLink(app, plan, /^\/plans\/.*\/progress-report/)),
    page('dashboard', linkTo('dashboard')),
    page('indicator', await firstLink(app, linkTo('dashboard'), '/dashboard/')),
    page('allowances', linkTo('allowances.statement')),
    page('allowances scheme', await firstLink(app, linkTo('allowances.statement'), '/allowances/schemes/')),
    page('political balance', linkTo('balance.table')),
    page('balance what-if', linkTo('balance.whatIf')),
    page(
      'balance calculator',
      `${linkTo('balance.calculator')}?groups=${encodeURIComponent('Red Party, 30\nBlue Party, 20')}&bodies=${encodeURIComponent('Roads Committee, 9')}`,
    ),
    page('sign in', linkTo('auth.signIn')),
    page('forgotten password', linkTo('auth.forgotPassword')),
    page('expired reset link', linkTo('auth.resetPassword', { token: 'no-such-token' }), 410),
    page('not found', '/meetings/no-such-meeting', 404),
  ];
}
