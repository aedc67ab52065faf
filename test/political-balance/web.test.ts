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
    // Blue has a majority, so (b) gives it at least 4 + 3 + 2 = 9 seats against a share of 8 7/16 (due 8).
    expect(html).toContain('share 8 7/16, due 8');
    expect(html).toContain('Blue Group: 9 seats in all, not the 8 its share would give, because rules (a) and (b) come first');
    expect(html).toContain('Member Panel: The balance rules do not apply to it');
    const table = await balanceTable(database.db, date);
    const blue = (body: string) => table.rows.find((row) => row.body.name === body)!.cells.find((cell) => cell.partyId === council.groups.blue)!.seats;
    expect([blue('Planning Committee'), blue('Regulation Committee'), blue('Governance Committee')]).toEqual([4, 3, 2]);
    for (const row of table.rows) expect(row.cells.reduce((sum, cell) => sum + cell.seats, 0)).toBe(row.body.seats);
  });

  it('refuses a date that is not one with a GOV.UK error', async () => {
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=6 April`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('Enter the date as YYYY-MM-DD');
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
    for (const move of moves) expect(page.body).toContain(`${move.body}: ${move.party} ${move.after > move.before ? 'gains' : 'loses'} ${Math.abs(move.after - move.before)} (${move.before} to ${move.after})`);
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
    const saved = await officer.post(url, { seats: '4', rulesApply: 'yes' }, { csrf: csrfFrom(form.body) });
    expect(saved.statusCode).toBe(303);
    const row = await database.db.selectFrom('balance_body').select(['seats', 'rules_apply']).where('id', '=', council.bodies.governance.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ seats: 4, rules_apply: true });
    const audit = await database.db.selectFrom('audit_log').select(['action', 'actor']).where('table_name', '=', 'balance_body').where('record_id', '=', council.bodies.governance.id).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).not.toBe('system');
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=${date}`);
    expect(page.body).toContain('have <strong>16</strong> seats');
  });

  it('records a group giving up a seat to a member outside it, and shows it against the allocation', async () => {
    const url = linkTo('balance.admin.agreement');
    const form = await officer.get(url);
    const csrf = csrfFrom(form.body);
    const independent = council.people.none[0]!;
    const inside = await officer.post(url, { bodyId: council.bodies.regulation.id, groupId: council.groups.blue, personId: council.people.blue[0]!, agreedOn: date }, { csrf });
    expect(inside.statusCode).toBe(400);
    expect(inside.body).toContain('The member taking the seat must be outside the group giving it up');
    const saved = await officer.post(url, { bodyId: council.bodies.regulation.id, groupId: council.groups.blue, personId: independent, agreedOn: date, note: 'Agreed by the Council with none against' }, { csrf });
    expect(saved.statusCode).toBe(303);
    const page = await new Client(app).get(`${linkTo('balance.table')}?date=${date}`);
    expect(page.body).toContain(`Gives 1 seat to Cllr None1 Member16 by agreement of ${date} (Agreed by the Council with none against)`);
    const before = await new Client(app).get(`${linkTo('balance.table')}?date=2011-04-05`);
    expect(before.body).not.toContain('Gives 1 seat to');
  });
});
