/**
 * The register of members' interests over HTTP: a councillor keeps their own register; democratic services publish
 * it; the public sees it with a sensitive interest withheld (the statutory wording) and without saying whose an
 * interest is; gifts registered late are marked; versions are dated; a declaration not in the register is flagged to
 * the monitoring officer, who alone sees flags and withheld details.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD_WORDING } from '../../src/domain/interests/categories.ts';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { reviewReminderSender } from '../../src/services/registers/review-reminders.ts';
import { todayInLondon } from '../../src/domain/dates.ts';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

const SENSITIVE = 'Shares in Hidden Refuge Holdings Ltd';
const SPOUSE_LAND = 'Field at Longmeadow Farm';
const escape = (text: string) => text.replaceAll('’', '&#8217;');

describe.skipIf(databaseUnavailable)('register of members’ interests', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  const member = () => new Client(app);
  let councillor: Client;
  let officer: Client;
  let monitoring: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    app = await makeApp(database);
    await accountCreator({
      database,
      actor: { job: 'test' },
      email: 'carys@shire.example',
      name: 'Carys Register',
      roles: ['councillor'],
      password: PASSWORD,
      personId: council.councillor.id as string,
    });
    councillor = member();
    expect((await councillor.signIn('carys@shire.example')).statusCode).toBe(303);
    officer = member();
    expect((await officer.signIn((await makeAccount(database, 'democratic-services')).email)).statusCode).toBe(303);
    monitoring = member();
    expect((await monitoring.signIn((await makeAccount(database, 'monitoring-officer')).email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('a councillor registers interests, submits; democratic services publish it with the sensitive one withheld', async () => {
    expect(
      (
        await councillor.post(linkTo('interests.mine.new'), {
          category: 'employment',
          description: 'Solicitor, Register & Co',
          spousePartner: 'no',
          sensitive: 'no',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await councillor.post(linkTo('interests.mine.new'), { category: 'land', description: SPOUSE_LAND, spousePartner: 'yes', sensitive: 'no' })).statusCode,
    ).toBe(303);
    expect(
      (await councillor.post(linkTo('interests.mine.new'), { category: 'securities', description: SENSITIVE, spousePartner: 'no', sensitive: 'yes' }))
        .statusCode,
    ).toBe(303);
    const bad = await councillor.post(linkTo('interests.mine.new'), { category: 'yachts', description: '', spousePartner: 'no', sensitive: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the kind of interest');
    expect(bad.body).toContain('Describe the interest');
    const mine = await councillor.get(linkTo('interests.mine'));
    expect(mine.body).toContain(SENSITIVE); // the member sees their own
    expect((await councillor.post(linkTo('interests.mine.submit'), {})).statusCode).toBe(303);

    const version = await database.db
      .selectFrom('interest_register')
      .selectAll()
      .where('person_id', '=', council.councillor.id as string)
      .executeTakeFirstOrThrow();
    expect(version.status).toBe('submitted');
    const review = await officer.get(linkTo('interests.admin.version', { id: version.id }));
    expect(review.statusCode).toBe(200);
    expect(review.body).not.toContain(SENSITIVE); // democratic services see that it is withheld, not what it is
    expect(review.body).toContain(escape(WITHHELD_WORDING).slice(0, 40));
    expect((await monitoring.get(linkTo('interests.admin.version', { id: version.id }))).statusCode).toBe(403); // the back office list is democratic services'
    expect((await officer.post(linkTo('interests.admin.publish', { id: version.id }), {})).statusCode).toBe(303);

    const page = await member().get(linkTo('interests.member', { id: council.councillor.id as string }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Solicitor, Register &amp; Co');
    expect(page.body).toContain(SPOUSE_LAND);
    expect(page.body).not.toContain(SENSITIVE);
    expect(page.body).toContain('withheld under section 32(2) of the Localism Act 2011');
    expect(page.body).not.toMatch(/spouse or partner\)|partner’s|\(spouse/);
    const all = await member().get(linkTo('interests.register'));
    expect(all.body).toContain('Ms Carys Register');
    expect(all.body).toMatch(/No register published yet/);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['table_name', 'action'])
      .where('table_name', 'in', ['interest_register', 'interest_entry'])
      .execute();
    expect(audit.filter((row) => row.table_name === 'interest_entry' && row.action === 'insert')).toHaveLength(3);
  });

  it('keeps the published version while the member drafts the next; each version dated', async () => {
    const [latest] = await database.db
      .selectFrom('interest_register')
      .selectAll()
      .where('person_id', '=', council.councillor.id as string)
      .orderBy('version', 'desc')
      .execute();
    const entry = await database.db
      .selectFrom('interest_entry')
      .selectAll()
      .where('register_id', '=', latest!.id)
      .where('category', '=', 'employment')
      .executeTakeFirstOrThrow();
    expect(
      (
        await councillor.post(linkTo('interests.mine.entry', { key: entry.entry_key }), {
          category: 'employment',
          description: 'Partner, Register & Co',
          spousePartner: 'no',
          sensitive: 'no',
        })
      ).statusCode,
    ).toBe(303);
    let page = await member().get(linkTo('interests.member', { id: council.councillor.id as string }));
    expect(page.body).toContain('Solicitor, Register &amp; Co');
    expect(page.body).not.toContain('Partner, Register');
    await councillor.post(linkTo('interests.mine.submit'), {});
    const v2 = await database.db
      .selectFrom('interest_register')
      .selectAll()
      .where('person_id', '=', council.councillor.id as string)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    const returned = await officer.post(linkTo('interests.admin.return', { id: v2.id }), { note: '' });
    expect(returned.statusCode).toBe(400);
    expect(returned.body).toContain('Say what the member should change');
    await officer.post(linkTo('interests.admin.publish', { id: v2.id }), {});
    page = await member().get(linkTo('interests.member', { id: council.councillor.id as string }));
    expect(page.body).toContain('Partner, Register &amp; Co');
    expect(page.body).toContain('Version 2, published');
    const first = await member().get(`${linkTo('interests.member', { id: council.councillor.id as string })}?version=1`);
    expect(first.body).toContain('Solicitor, Register &amp; Co');
    expect(first.body).toContain('(an earlier version)');
  });

  it('registers gifts and hospitality, marks late ones, and publishes them with the next register', async () => {
    const late = await councillor.post(linkTo('interests.mine.gift'), {
      kind: 'hospitality',
      description: 'Dinner at the county show',
      donor: 'Shire Agricultural Society',
      value: '85.50',
      receivedOn: '2020-01-10',
    });
    expect(late.statusCode).toBe(303);
    const bad = await councillor.post(linkTo('interests.mine.gift'), {
      kind: 'gift',
      description: 'Pen',
      donor: 'Acme',
      value: 'lots',
      receivedOn: '2099-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the value in pounds, like 75 or 75.50');
    expect((await member().get(linkTo('interests.member', { id: council.councillor.id as string }))).body).not.toContain('Dinner at the county show');
    await councillor.post(linkTo('interests.mine.submit'), {});
    const v3 = await database.db
      .selectFrom('interest_register')
      .selectAll()
      .where('person_id', '=', council.councillor.id as string)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    await officer.post(linkTo('interests.admin.publish', { id: v3.id }), {});
    const page = await member().get(linkTo('interests.member', { id: council.councillor.id as string }));
    expect(page.body).toContain('Dinner at the county show');
    expect(page.body).toContain('£85.50');
    expect(page.body).toContain('Registered late');
  });

  it('flags a declaration that is not in the register to the monitoring officer alone, who resolves it', async () => {
    const meetingId = council.cabinetMeeting.id as string;
    await database.db
      .insertInto('declaration')
      .values({
        id: 'declaration-flag-1',
        meeting_id: meetingId,
        person_id: council.other.id as string,
        agenda_item_id: null,
        minute_id: null,
        agenda_item_number: '4',
        kind: 'disclosable pecuniary',
        reason: 'Owns land next to the depot',
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    await database.db
      .insertInto('declaration')
      .values({
        id: 'declaration-linked-1',
        meeting_id: meetingId,
        person_id: council.councillor.id as string,
        agenda_item_id: null,
        minute_id: null,
        agenda_item_number: '5',
        kind: 'other',
        reason: 'Works for a bidder',
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    const page = await officer.get(linkTo('interests.admin.meeting', { id: meetingId }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No register published by the day of the meeting');
    expect((await officer.post(linkTo('interests.admin.declaration', { id: 'declaration-flag-1' }), { entryKey: 'not-registered' })).statusCode).toBe(303);
    const refused = await officer.post(linkTo('interests.admin.declaration', { id: 'declaration-linked-1' }), { entryKey: 'interest-made-up' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose an interest from the member’s register as it stood on the day of the meeting');

    expect((await officer.get(linkTo('interests.admin.flags'))).statusCode).toBe(403);
    const flags = await monitoring.get(linkTo('interests.admin.flags'));
    expect(flags.statusCode).toBe(200);
    expect(flags.body).toContain('Owns land next to the depot');
    expect(flags.body).toContain('the member had no published register that day');
    expect((await monitoring.post(linkTo('interests.admin.flag.resolve', { id: 'declaration-flag-1' }), { resolution: '' })).statusCode).toBe(400);
    expect(
      (await monitoring.post(linkTo('interests.admin.flag.resolve', { id: 'declaration-flag-1' }), { resolution: 'Member registered the land.' })).statusCode,
    ).toBe(303);
    expect((await monitoring.get(linkTo('interests.admin.flags'))).body).toContain('Member registered the land.');
    // No public page shows a flag.
    expect((await member().get(linkTo('interests.member', { id: council.other.id as string }))).body).not.toContain('Owns land next to the depot');
  });

  it('tells a councillor whose account is not linked to a member, and refuses their changes', async () => {
    const unlinked = member();
    expect((await unlinked.signIn((await makeAccount(database, 'councillor', 'unlinked@shire.example')).email)).statusCode).toBe(303);
    expect((await unlinked.get(linkTo('interests.mine'))).body).toContain('Your account is not linked to a member');
    expect((await unlinked.post(linkTo('interests.mine.new'), { category: 'land', description: 'x', spousePartner: 'no', sensitive: 'no' })).statusCode).toBe(
      403,
    );
  });

  it('reminds members whose register is older than the review period, and names those it cannot email', async () => {
    const sent: Array<{ to: string; text: string }> = [];
    const mailer = { send: async (mail: { to: string; subject: string; text: string }) => void sent.push(mail) };
    const today = todayInLondon();
    const now = await reviewReminderSender({
      db: database.db,
      mailer,
      asAt: today,
      reviewMonths: 12,
      myInterestsUrl: 'https://democracy.shire.example/my-interests',
    });
    expect(now.sent).toEqual([]); // Carys published hers today
    expect(now.withoutAccount).toContain('Mrs Alice Chairwood');
    const nextYear = `${Number(today.slice(0, 4)) + 1}-${today.slice(5, 7)}-${today.slice(8) === '29' && today.slice(5, 7) === '02' ? '28' : today.slice(8)}`;
    const later = await reviewReminderSender({
      db: database.db,
      mailer,
      asAt: `${Number(today.slice(0, 4)) + 2}-01-01`,
      reviewMonths: 12,
      myInterestsUrl: 'https://democracy.shire.example/my-interests',
    });
    expect(later.sent).toEqual([{ name: 'Ms Carys Register', email: 'carys@shire.example' }]);
    expect(sent[0]!.text).toContain(`last published on ${today}`);
    expect(sent[0]!.text).toContain('https://democracy.shire.example/my-interests');
    expect((await reviewReminderSender({ db: database.db, mailer, asAt: nextYear, reviewMonths: 12, myInterestsUrl: 'x' })).sent).toEqual([]);
  });
});
