/**
 * Councillor and committee pages built from the roster (issue 19 items 1-2): the councillors list filtered by ward and
 * group, a councillor's ward, term, contact and attendance over a chosen period, a committee's members by role, its
 * terms of reference and clerk, and names in a meeting's attendance list linking to the councillor.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { createApp } from '../../src/server/app.ts';
import { membersImporter } from '../../src/services/members/roster-importer.ts';
import { readRosterCsv } from '../../src/services/members/roster-file.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody, insertMeeting } from '../support/factories.ts';
import { makeAccount } from '../admin/support.ts';
import { portalConfig } from '../portal/config.ts';

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const ROSTER = [
  'family_name,given_name,honorific,group,ward,term_start,term_end,email,phone,committees',
  'Whittle,Jenny,Mrs,Green Party,Canterbury North,2021-05-06,2025-05-01,jenny.whittle@kent.example,01622 694000,Planning Committee (chair)',
  'Carter,Paul,Mr,Conservative,Tonbridge,,,,,Planning Committee (vice-chair)',
  'Vye,Martin,Mr,Liberal Democrat,Canterbury North,,,,,Planning Committee',
  "O'Brien,Åsa,Ms,Conservative,Dover Town,,,,,Planning Committee (substitute)",
].join('\n');

describe.skipIf(databaseUnavailable)('councillor and committee pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const ids = new Map<string, string>();
  const get = async (url: string, status = 200) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
    return parse(response.body);
  };
  const rowsOf = (table: ReturnType<typeof parse> | null) =>
    (table?.querySelectorAll('tbody tr') ?? []).map((tr) => tr.querySelectorAll('th, td').map((cell) => squash(cell.text)));

  beforeAll(async () => {
    database = await createTestDatabase();
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = await insertBody(database.db, authority.id, {
      name: 'Planning Committee',
      slug: 'planning-committee',
      kind: 'committee',
      terms_of_reference: 'To determine applications for planning permission.\n\nTo <b>advise</b> the Cabinet on planning policy.',
      clerk_name: 'Anna Taylor',
      clerk_email: 'anna.taylor@kent.example',
      clerk_phone: '03000 416478',
    });
    const account = await makeAccount(database, 'democratic-services');
    const actor: SessionUser = { id: account.id, email: account.email, name: 'Officer', roles: ['democratic-services'], personId: null };
    const file = readRosterCsv(ROSTER);
    if ('problems' in file) throw new Error('roster');
    const outcome = await membersImporter({ database, actor, authorityName: 'Kent County Council', lines: file.lines, from: '2024-05-01', commit: true });
    expect(outcome.problems).toEqual([]);
    for (const line of outcome.lines) ids.set(line.name, line.personId);
    const whittle = ids.get('Mrs Jenny Whittle')!;
    const carter = ids.get('Mr Paul Carter')!;
    const vye = ids.get('Mr Martin Vye')!;
    // Three held meetings: Mrs Whittle present, apologies, absent (not listed); one in 2025.
    const meetings = [];
    for (const date of ['2024-06-10', '2024-09-09', '2025-01-13']) meetings.push(await insertMeeting(database.db, body.id, { date, status: 'held' }));
    const attend = (meetingId: string, personId: string, status: 'present' | 'apologies', printed: string) =>
      database.db
        .insertInto('attendance')
        .values({
          id: `att-${meetingId}-${personId}`,
          meeting_id: meetingId,
          person_id: personId,
          status,
          role: null,
          printed_name: printed,
          substitute_for_person_id: null,
          source_document_id: null,
          source_line_from: null,
          source_line_to: null,
        })
        .execute();
    await attend(meetings[0]!.id, whittle, 'present', 'Mrs J Whittle');
    await attend(meetings[1]!.id, whittle, 'apologies', 'Mrs J Whittle');
    await attend(meetings[0]!.id, carter, 'present', 'Mr P Carter');
    await attend(meetings[0]!.id, vye, 'present', 'Mr M Vye');
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const personLink = async (name: string) => {
    const list = await get('/councillors');
    const link = list.querySelectorAll('main a').find((a) => squash(a.text) === name);
    expect(link, name).toBeTruthy();
    return link!.getAttribute('href')!;
  };

  it('lists councillors with their group and ward, and finds them by ward and by group', async () => {
    const all = await get('/councillors');
    expect(rowsOf(all.querySelector('table'))).toContainEqual(['Mrs Jenny Whittle', 'Green Party', 'Canterbury North', '1']);
    expect(
      all
        .querySelector('#find-your-councillor select#ward')
        ?.querySelectorAll('option')
        .map((option) => option.text),
    ).toEqual(['All wards', 'Canterbury North', 'Dover Town', 'Tonbridge']);
    const ward = await get('/councillors?ward=canterbury-north');
    expect(ward.querySelector('h1')?.text).toBe('Councillors for Canterbury North');
    expect(rowsOf(ward.querySelector('table')).map((row) => row[0])).toEqual(['Mr Martin Vye', 'Mrs Jenny Whittle']);
    const conservative = all
      .querySelector('select#group')!
      .querySelectorAll('option')
      .find((option) => option.text === 'Conservative')!
      .getAttribute('value')!;
    const group = await get(`/councillors?group=${conservative}`);
    expect(rowsOf(group.querySelector('table')).map((row) => row[0])).toEqual(['Mr Paul Carter', "Ms Åsa O'Brien"]);
    const none = await get('/councillors?ward=nowhere');
    expect(none.text).toContain('No councillors match.');
  });

  it("shows a councillor's group, ward, term and contact details", async () => {
    const page = await get(await personLink('Mrs Jenny Whittle'));
    const facts = page
      .querySelectorAll('#profile .govuk-summary-list__row')
      .map((row) => [squash(row.querySelector('dt')?.text), squash(row.querySelector('dd')?.text)]);
    expect(facts).toEqual([
      ['Political group', 'Green Party'],
      ['Ward', 'Canterbury North'],
      ['Term of office', '6 May 2021 to 1 May 2025'],
      ['Email', 'jenny.whittle@kent.example'],
      ['Telephone', '01622 694000'],
    ]);
    expect(page.querySelector('#profile a[href="/councillors?ward=canterbury-north"]')).toBeTruthy();
    expect(page.querySelector('#profile a[href="mailto:jenny.whittle@kent.example"]')).toBeTruthy();
    expect(page.text).toContain('Planning Committee: Chair, Since 1 May 2024');
  });

  it('counts attendance as expected, present, apologies and absent, over any period', async () => {
    const href = await personLink('Mrs Jenny Whittle');
    const all = await get(href);
    expect(rowsOf(all.querySelector('#attendance ~ div table'))).toEqual([
      ['Planning Committee', '3', '1', '1', '1', '33%'],
      ['All meetings', '3', '1', '1', '1', '33%'],
    ]);
    expect(all.querySelector('.quorum-bars')?.getAttribute('aria-hidden')).toBe('true');
    const period = await get(`${href}?from=2024-01-01&to=2024-12-31`);
    expect(squash(period.querySelector('#attendance ~ div table caption')?.text)).toBe('Meetings expected and attended, 2024-01-01 to 2024-12-31');
    expect(rowsOf(period.querySelector('#attendance ~ div table'))[0]).toEqual(['Planning Committee', '2', '1', '1', '0', '50%']);
    const wrong = await get(`${href}?from=2024-12-31&to=2024-01-01`);
    expect(wrong.querySelector('#period-error')?.text).toContain('Enter real dates');
  });

  it('a committee page lists the chair, vice-chair, members and substitutes, its terms of reference and its clerk', async () => {
    const page = await get('/committees/planning-committee');
    expect(rowsOf(page.querySelectorAll('table')[0]!)).toEqual([
      ['Mrs Jenny Whittle', 'Chair', 'Green Party'],
      ['Mr Paul Carter', 'Vice-chair', 'Conservative'],
      ['Mr Martin Vye', 'Member', 'Liberal Democrat'],
    ]);
    expect(squash(page.querySelectorAll('table')[1]!.querySelector('caption')?.text)).toBe('Substitutes');
    expect(rowsOf(page.querySelectorAll('table')[1]!)).toEqual([["Ms Åsa O'Brien", 'Conservative']]);
    const terms = page.querySelector('#terms-of-reference');
    expect(squash(terms?.nextElementSibling?.text)).toBe('To determine applications for planning permission.');
    expect(page.toString()).toContain('To &lt;b&gt;advise&lt;/b&gt; the Cabinet on planning policy.');
    expect(squash(page.querySelector('#contact')?.nextElementSibling?.text)).toBe('Anna Taylor, clerk to the committee');
    expect(page.querySelector('a[href="mailto:anna.taylor@kent.example"]')).toBeTruthy();
    expect(page.querySelectorAll('h3').map((h) => h.text)).toEqual(expect.arrayContaining(['2025', '2024']));
  });

  it("names in a meeting's attendance list link to the councillor", async () => {
    const page = await get('/meetings/2024-06-10-planning-committee');
    const link = page.querySelectorAll('#attendance a').find((a) => squash(a.text) === 'Mrs J Whittle' || squash(a.text) === 'Mrs Jenny Whittle');
    expect(link?.getAttribute('href')).toBe(await personLink('Mrs Jenny Whittle'));
  });
});
