/**
 * The portal's pages on the real seed papers: home, committees, councillors, a councillor's record, the decisions
 * register with its filters, decision and report pages, and friendly URLs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(databaseUnavailable)('portal pages on the seed papers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const get = async (url: string, status = 200) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
    return parse(response.body);
  };
  const personPath = async (printed: string) => {
    const row = await database.db.selectFrom('person_alias').select('person_id').where('printed', '=', printed).executeTakeFirstOrThrow();
    const page = await get('/councillors');
    const link = page.querySelectorAll('a').find((a) => a.getAttribute('href')?.endsWith(row.person_id.replace('person-', '')));
    expect(link, `councillors list links to ${printed}`).toBeTruthy();
    return link!.getAttribute('href')!;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('the home page shows recent meetings, the latest decisions and a search box', async () => {
    const page = await get('/');
    expect(page.querySelector('h1')?.text).toBe('Council meetings, papers and decisions');
    const links = page.querySelectorAll('a').map((a) => [squash(a.text), a.getAttribute('href')]);
    expect(links).toContainEqual(['Kent County Council, Thursday 12 May 2011', '/meetings/2011-05-12-kent-county-council']);
    // The latest resolutions are the planning committee's of 12 April 2011, each linking to its minute.
    const decisions = page
      .querySelectorAll('h2')
      .find((h) => h.text === 'Latest decisions')!
      .nextElementSibling!.querySelectorAll('li a');
    expect(decisions).toHaveLength(5);
    expect(decisions[0]!.getAttribute('href')).toMatch(/^\/meetings\/2011-04-12-planning-applications-committee#minute-\d+$/);
    expect(page.querySelector('form[role=search]')?.getAttribute('action')).toBe('/search');
  });

  it('committees are listed by kind, and a committee page shows its meetings by year and who sat on it', async () => {
    const list = await get('/committees');
    expect(list.querySelectorAll('h2').map((h) => h.text)).toEqual(expect.arrayContaining(['Full council', 'Cabinet', 'Committees']));
    expect(list.querySelector('a[href="/committees/governance-and-audit-committee"]')?.text).toBe('Governance and Audit Committee');

    const page = await get('/committees/kent-county-council');
    expect(page.querySelector('h1')?.text).toBe('Kent County Council');
    expect(page.querySelectorAll('h3').map((h) => h.text)).toContain('2011');
    expect(page.querySelector('a[href="/meetings/2011-04-06-kent-county-council"]')?.text).toBe('Wednesday 6 April 2011');
    expect(page.text).toContain('Membership not recorded.');
    expect(page.text).toContain('Mr W A Hayton');
    expect(page.querySelector('a[href="/committees/kent-county-council/meetings.ics"]')).toBeTruthy();
    await get('/committees/no-such-committee', 404);
  });

  it('a councillor page: attendance as expected, present, apologies and absent, declarations, votes, and groups "not recorded"', async () => {
    const path = await personPath('Mr Cowan');
    expect(path).toMatch(/^\/people\/[a-z-]*cowan-[0-9a-f]{16}$/);
    const page = await get(path);
    expect(page.querySelector('h1')?.text).toMatch(/Cowan/);
    expect(squash(page.querySelector('#roles')?.nextElementSibling?.nextElementSibling?.text)).toBe('Not recorded.');
    const attendanceRows = page
      .querySelectorAll('table')[0]!
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('th, td').map((cell) => squash(cell.text)));
    // Listed present at the Council of 6 April 2011 (the papers hold no attendance for 12 May).
    expect(attendanceRows).toContainEqual(['Kent County Council', '1', '1', '0', '0', '100%']);
    expect(page.text).toContain('he and his wife were foster carers');
    expect(page.text).toMatch(/Political group not recorded/);

    const absent = await get(await personPath('Mr K Smith'));
    const absentRows = absent
      .querySelectorAll('table')[0]!
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('th, td').map((cell) => squash(cell.text)));
    // Listed with apologies: expected, not present, not absent.
    expect(absentRows).toContainEqual(['Kent County Council', '1', '0', '1', '0', '0%']);

    await get('/people/nobody-0000000000000000', 404);
  });

  it('the decisions register lists resolutions and decisions and filters by body, dates and urgency', async () => {
    const all = await get('/decisions');
    const total = Number(/^(\d+)/.exec(squash(all.querySelector('[role=status]')?.text))?.[1]);
    expect(total).toBeGreaterThan(20);

    const urgent = await get('/decisions?urgent=yes');
    expect(squash(urgent.querySelector('[role=status]')?.text)).toBe('1 decision');
    const link = urgent.querySelector('.quorum-result a')!;
    expect(link.text).toContain('Peripatetic');
    const decision = await get(link.getAttribute('href')!);
    expect(decision.querySelector('h1')?.text).toContain('Peripatetic');
    expect(decision.text).toContain("Cabinet Member for Specialist Children's Services");

    const planning = await get('/decisions?body=planning-applications-committee');
    const planningResults = planning.querySelectorAll('.quorum-result');
    expect(planningResults.length).toBeGreaterThan(0);
    expect(planningResults.every((item) => item.text.includes('Planning Applications Committee'))).toBe(true);

    const march = await get('/decisions?from=2011-03-01&to=2011-03-31');
    expect(march.querySelectorAll('.quorum-result').every((item) => item.text.includes('March 2011'))).toBe(true);

    // The same filter typed as people write dates.
    const typed = await get('/decisions?from=1+March+2011&to=31%2F3%2F2011');
    expect(typed.querySelectorAll('.quorum-result').map((item) => item.text)).toEqual(march.querySelectorAll('.quorum-result').map((item) => item.text));

    const bad = await get('/decisions?from=yesterday', 400);
    expect(bad.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#from');
    expect(bad.querySelector('#from')?.getAttribute('value')).toBe('yesterday');
  });

  it('an agenda item links to its report, and the report page links back to the meeting and its minute', async () => {
    const meeting = await get('/meetings/2011-05-12-kent-county-council');
    const reportLink = meeting.querySelectorAll('a').find((a) => a.text.includes('Report: Annual Report of the Independent Remuneration Panel'));
    expect(reportLink).toBeTruthy();
    const report = await get(reportLink!.getAttribute('href')!);
    expect(report.querySelector('h1')?.text).toBe('Annual Report of the Independent Remuneration Panel');
    expect(report.querySelector('a[href="/meetings/2011-05-12-kent-county-council#agenda-item-10"]')).toBeTruthy();
  });

  it('old meeting URLs by id keep working beside the friendly ones', async () => {
    const row = await database.db.selectFrom('meeting').select('id').where('date', '=', '2011-04-06').executeTakeFirstOrThrow();
    const byId = await get(`/meetings/${row.id}`);
    const bySlug = await get('/meetings/2011-04-06-kent-county-council');
    expect(byId.querySelector('h1')?.text).toBe(bySlug.querySelector('h1')?.text);
    await get('/meetings/2011-04-07-kent-county-council', 404);
  });
});
