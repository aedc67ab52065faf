/**
 * The political balance pages over HTTP on a small council: the table with its explanations, CSV and DOCX, the
 * "what changes if" view, and democratic services' settings and agreements (audited, errors in the GOV.UK pattern).
 */
import mammoth from 'mammoth';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceTable, seatsThatMove } from '../../src/services/political-balance/balance-table.ts';
import { linkTo } from '../../src/http/routes.ts';
import { Client, csrfFrom, makeAccount, makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody } from '../support/factories.ts';
import { seedBalanceCouncil } from './support.ts';

describe.skipIf(databaseUnavailable)('political balance pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedBalanceCouncil>>;
  let officer: Client;
  const date = '2011-04-06';

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedBalanceCouncil(database.db);
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    officer = new Client(app);
    expect((await officer.signIn(account.email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('shows the table: every figure with its exact share and the rule that settled it', async () => {
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=${date}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('the council has <strong>16</strong> members');
    expect(html).toContain('have <strong>15</strong> seats');
    expect(html).toContain('Blue Group (9)');
    expect(html).toContain('Members in no group (1)');
    // Blue's share of Planning's 7 seats: 7 × 9/16 = 3 15/16.
    expect(html).toContain('share 3 15/16');
    // Blue has a majority, so (b) gives it at least 4 + 3 + 2 = 9 seats against a share of 8 7/16 of the committees'
    // 15; Amber (3 3/4) and Red (1 7/8) take their nearest, 4 and 2, and nothing is left for the member in no group.
    expect(html).toContain('share 8 7/16');
    expect(html).toContain('Blue Group: 9 seats on the ordinary committees against a share of 8 7/16, because rules (a) and (b) come first');
    expect(html).toContain('Member Panel: The balance rules do not apply to it');
    const table = await balanceTable(database.db, date);
    const blue = (body: string) => table.rows.find((row) => row.body.name === body)!.cells.find((cell) => cell.partyId === council.groups.blue)!.seats;
    expect([blue('Planning Committee'), blue('Regulation Committee'), blue('Governance Committee')]).toEqual([4, 3, 2]);
    expect(table.totals.map((total) => [total.partyId, total.seats])).toEqual([
      [council.groups.amber, 4],
      [council.groups.blue, 9],
      [council.groups.red, 2],
      ['no-group', 0],
    ]);
    for (const row of table.rows) expect(row.cells.reduce((sum, cell) => sum + cell.seats, 0)).toBe(row.body.seats);
  });

  it('refuses a date that is not one with a GOV.UK error', async () => {
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=6 April`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('The date must be a real date, for example 1 April 2011');
  });

  it('downloads the table as CSV and as DOCX', async () => {
    const csv = await new Client(app).get(`${linkTo('balance.csv')}?date=${date}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('Blue Group seats,Blue Group entitlement,Blue Group rule');
    // Groups in name order (Amber, Blue, Red), then the members in no group.
    expect(lines.find((line) => line.startsWith('Planning Committee,7,'))).toContain(',4,3 15/16,');
    const docx = await new Client(app).get(`${linkTo('balance.docx')}?date=${date}`);
    expect(docx.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Kent County Council: political balance on 2011-04-06'); // the configured authority
    expect(text).toContain('Planning Committee');
    expect(text).toContain('4 (3 15/16)');
  });

  it('shows the seats that move when a member changes group', async () => {
    const amber = council.people.amber[0]!;
    const page = await new Client(app).get(`${linkTo('balance.whatIf')}?date=${date}&person=${amber}&group=${council.groups.blue}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The seats that move if Cllr Amber1 Member10 moves to Blue Group');
    const before = await balanceTable(database.db, date);
    const after = await balanceTable(database.db, date, { from: council.groups.amber, to: council.groups.blue });
    const moves = seatsThatMove(before, after);
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves)
      expect(page.body).toContain(
        `${move.body}: ${move.party} ${move.after > move.before ? 'gains' : 'loses'} ${Math.abs(move.after - move.before)} (${move.before} to ${move.after})`,
      );
    expect(page.body).toContain('Blue Group (10)');
    const refused = await new Client(app).get(`${linkTo('balance.whatIf')}?date=${date}&person=${amber}&group=${council.groups.amber}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The member is already in that group');
    const byElection = await new Client(app).get(`${linkTo('balance.whatIf')}?date=${date}&from=${council.groups.red}&to=${council.groups.amber}`);
    expect(byElection.statusCode).toBe(200);
    expect(byElection.body).toContain('if Red Group loses a seat to Amber Group at a by-election');
  });

  it('lets democratic services set a body’s seats, refusing nonsense, with an audit record', async () => {
    const url = linkTo('balance.admin.body', { id: council.bodies.governance.id });
    expect((await new Client(app).get(linkTo('balance.admin'))).statusCode).toBe(303);
    const form = await officer.get(url);
    expect(form.statusCode).toBe(200);
    const bad = await officer.post(url, { seats: 'three', rulesApply: 'yes' }, { csrf: csrfFrom(form.body) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#seats"');
    expect(bad.body).toContain('value="three"');
    expect(bad.body).toContain('Choose what kind of body it is');
    const saved = await officer.post(url, { seats: '4', rulesApply: 'yes', kind: 'committee' }, { csrf: csrfFrom(form.body) });
    expect(saved.statusCode).toBe(303);
    const row = await database.db
      .selectFrom('balance_body')
      .select(['seats', 'rules_apply', 'kind'])
      .where('id', '=', council.bodies.governance.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ seats: 4, rules_apply: true, kind: 'committee' });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('table_name', '=', 'balance_body')
      .where('record_id', '=', council.bodies.governance.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).not.toBe('system');
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=${date}`);
    expect(page.body).toContain('have <strong>16</strong> seats');
  });

  it('records a departure from the rules under s.17 with its vote, refusing one any member voted against', async () => {
    const url = linkTo('balance.admin.agreement');
    const form = await officer.get(url);
    const csrf = csrfFrom(form.body);
    const independent = council.people.none[0]!;
    const departure = {
      bodyId: council.bodies.regulation.id,
      groupId: council.groups.blue,
      agreedOn: date,
      votesFor: '15',
      votesAgainst: '0',
      votesAbstained: '1',
    };
    const inside = await officer.post(url, { ...departure, personId: council.people.blue[0]! }, { csrf });
    expect(inside.statusCode).toBe(400);
    expect(inside.body).toContain('The member taking the seat must be outside the group giving it up');
    const opposed = await officer.post(url, { ...departure, personId: independent, votesFor: '14', votesAgainst: '1' }, { csrf });
    expect(opposed.statusCode).toBe(400);
    expect(opposed.body).toContain(
      'The council may depart from the balance rules only if no member votes against (section 17); 1 voted against, so the rules stand',
    );
    expect(opposed.body).toContain('href="#votesAgainst"');
    const unvoted = await officer.post(url, { ...departure, personId: independent, votesFor: '' }, { csrf });
    expect(unvoted.statusCode).toBe(400);
    expect(unvoted.body).toContain('Enter how many members voted for it, as a whole number');
    expect(await database.db.selectFrom('balance_agreement').select('id').execute()).toEqual([]);
    const saved = await officer.post(url, { ...departure, personId: independent, note: 'Agreed by the Council with none against' }, { csrf });
    expect(saved.statusCode).toBe(303);
    expect(await database.db.selectFrom('balance_agreement').select(['votes_for', 'votes_against', 'votes_abstained']).execute()).toEqual([
      { votes_for: 15, votes_against: 0, votes_abstained: 1 },
    ]);
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=${date}`);
    expect(page.body).toContain(
      `Gives 1 seat to Cllr None1 Member16 by a departure under section 17 agreed ${date} (15 for, 0 against, 1 abstaining) (Agreed by the Council with none against)`,
    );
    const before = await new Client(app).get(`${linkTo('balance.table')}?date=2011-04-05`);
    expect(before.body).not.toContain('Gives 1 seat to');
  });

  it('calculates an allocation from figures typed in, refusing bad lines with the line and box', async () => {
    const url = linkTo('balance.calculator');
    const blank = await new Client(app).get(url);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).not.toContain('The allocation');
    const query = new URLSearchParams({
      groups: 'Conservative, 23\nLabour, 10\n<b>Green</b>, 1',
      ungrouped: '3',
      vacancies: '',
      bodies: 'Planning, 7\n"Fire Authority, Kent", 2, outside-body',
    });
    const page = await new Client(app).get(`${url}?${query}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The allocation');
    expect(page.body).toContain('share 4 13/37');
    expect(page.body).toContain('Members in no group');
    expect(page.body).toContain('&lt;b&gt;Green&lt;/b&gt; has one member: a political group needs at least two (regulation 8(2))');
    expect(page.body).toContain('Fire Authority, Kent: the rules apply to an outside body only where the council fills at least three of its seats');
    expect(page.body).not.toContain('<b>Green</b>');
    const bad = await new Client(app).get(`${url}?${new URLSearchParams({ groups: 'Conservative, 23\nLabour', bodies: 'Planning, seven' })}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Political groups, line 2: give the group’s name and its number of members, like Conservative, 23');
    expect(bad.body).toContain('href="#groups"');
    const seats = await new Client(app).get(`${url}?${new URLSearchParams({ groups: 'Conservative, 23', bodies: 'Planning, seven\nAudit, 3, panel' })}`);
    expect(seats.statusCode).toBe(400);
    expect(seats.body).toContain('Bodies, line 1: seats must be a number');
    expect(seats.body).toContain('Bodies, line 2: kind must be one of committee, sub-committee, advisory-committee, joint-committee, outside-body');
    expect(seats.body).toContain('Planning, seven');
  });

  it('lists each body’s kind under Schedule 1 for democratic services, or that none is recorded', async () => {
    const unrecorded = await insertBody(database.db, council.authority.id, {
      name: 'Appeals Sub-Committee',
      slug: 'appeals-sub-committee',
      kind: 'sub-committee',
    });
    const url = linkTo('balance.admin.body', { id: council.bodies.panel.id });
    const form = await officer.get(url);
    expect((await officer.post(url, { seats: '4', rulesApply: 'no', kind: 'outside-body' }, { csrf: csrfFrom(form.body) })).statusCode).toBe(303);
    const page = await officer.get(linkTo('balance.admin'));
    expect(page.statusCode).toBe(200);
    const row = (name: string) => {
      const found = [...page.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)]
        .map((match) => match[1]!)
        .find((cells) => cells.includes(`>${name}<`));
      return [...(found ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim()).slice(0, 4);
    };
    expect(page.body).toMatch(/<th scope="col" class="govuk-table__header">\s*Kind\s*<\/th>/);
    expect(row('Planning Committee')).toEqual(['Planning Committee', '7', 'Ordinary committee', 'Yes']);
    expect(row('Member Panel')).toEqual(['Member Panel', '4', 'Outside body', 'No']);
    expect(row(unrecorded.name)).toEqual([unrecorded.name, 'Not recorded', 'Not recorded', '']);
  });
});
