/**
 * The members' roster (issue 18 item 2) at the service layer: preview without writing, all or nothing, one political
 * group at a time, committee roles, and an export that reads back as the same roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { groupCreator, groupMembershipAdder } from '../../src/services/committee/bodies.ts';
import { membersImporter } from '../../src/services/members/roster-importer.ts';
import { rosterRecords } from '../../src/services/members/roster-exporter.ts';
import { readRosterCsv, readRosterXlsx, writeRosterCsv, writeRosterXlsx, type RosterFileLine } from '../../src/services/members/roster-file.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody, insertPerson } from '../support/factories.ts';
import { makeAccount } from '../admin/support.ts';

const AUTHORITY = 'Kent County Council';

function linesOf(csv: string): RosterFileLine[] {
  const file = readRosterCsv(csv);
  if ('problems' in file) throw new Error(JSON.stringify(file.problems));
  return file.lines;
}

describe.skipIf(databaseUnavailable)('members roster', () => {
  let database: TestDatabase;
  let actor: SessionUser;
  let whittle: string;
  let authorityId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services');
    actor = { id: account.id, email: account.email, name: 'Test officer', roles: ['democratic-services'], personId: null };
    authorityId = (await database.db.insertInto('authority').values({ id: 'authority-kent', name: AUTHORITY }).returning('id').executeTakeFirstOrThrow()).id;
    await insertBody(database.db, authorityId, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    await insertBody(database.db, authorityId, { name: 'Cabinet', slug: 'cabinet', kind: 'cabinet' });
    whittle = (await insertPerson(database.db, authorityId, { honorific: 'Mrs', given_name: 'Jenny', initials: ['J'], family_name: 'Whittle' })).id as string;
    const labour = await groupCreator({ database, actor, authorityName: AUTHORITY, name: 'Labour' });
    await groupMembershipAdder({ database, actor, groupId: labour.id, personId: whittle, startDate: '2019-05-02', endDate: undefined });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const groupsOf = (personId: string) =>
    database.db
      .selectFrom('group_membership')
      .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
      .select(['political_group.name', 'group_membership.start_date', 'group_membership.end_date'])
      .where('group_membership.person_id', '=', personId)
      .orderBy('group_membership.start_date')
      .execute();

  it('adding a member to a second group ends the first on the day before', async () => {
    const person = (await insertPerson(database.db, authorityId, { honorific: 'Mr', given_name: 'Mark', initials: ['M'], family_name: 'Vye' })).id as string;
    const a = await groupCreator({ database, actor, authorityName: AUTHORITY, name: 'Liberal Democrat' });
    const b = await groupCreator({ database, actor, authorityName: AUTHORITY, name: 'Independent Group' });
    await groupMembershipAdder({ database, actor, groupId: a.id, personId: person, startDate: '2017-05-04', endDate: undefined });
    await groupMembershipAdder({ database, actor, groupId: b.id, personId: person, startDate: '2022-01-10', endDate: undefined });
    expect(await groupsOf(person)).toEqual([
      { name: 'Liberal Democrat', start_date: '2017-05-04', end_date: '2022-01-09' },
      { name: 'Independent Group', start_date: '2022-01-10', end_date: null },
    ]);
  });

  const FILE = [
    'family_name,given_name,honorific,group,ward,term_start,term_end,email,phone,committees',
    'Whittle,Jenny,Mrs,Green Party,Canterbury North,2021-05-06,2025-05-01,jenny.whittle@kent.example,01622 694000,Planning Committee (chair); Cabinet',
    "O'Brien,Åsa,Ms,Labour,Dover Town,2021-05-06,,,,Planning Committee (vice-chair)",
  ].join('\r\n');

  it('previews a file without writing anything', async () => {
    const preview = await membersImporter({ database, actor, authorityName: AUTHORITY, lines: linesOf(FILE), from: '2024-03-01', commit: false });
    expect(preview.problems).toEqual([]);
    expect(preview.committed).toBe(false);
    expect(preview.lines.map((line) => [line.line, line.name, line.isNew])).toEqual([
      [2, 'Mrs Jenny Whittle', false],
      [3, "Ms Åsa O'Brien", true],
    ]);
    expect(preview.lines[0]!.changes).toEqual(
      expect.arrayContaining([
        'Changes ward, start of term, end of term, email, telephone',
        'New ward: Canterbury North',
        'New political group: Green Party',
        'Leaves Labour on 29 February 2024',
        'Joins Green Party on 1 March 2024',
        'Planning Committee: chair from 1 March 2024',
        'Cabinet: member from 1 March 2024',
      ]),
    );
    expect(await database.db.selectFrom('ward').selectAll().execute()).toEqual([]);
    expect(await groupsOf(whittle)).toEqual([{ name: 'Labour', start_date: '2019-05-02', end_date: null }]);
  });

  it('refuses the whole file when one line is wrong, naming each line and field', async () => {
    const bad = [FILE, 'Carter,Paul,Mr,Conservative,Tonbridge,2021-02-31,,not-an-email,,Planning (chair)', 'Hill,,Mr,,,,,,,Licensing Committee (boss)'].join(
      '\r\n',
    );
    const outcome = await membersImporter({ database, actor, authorityName: AUTHORITY, lines: linesOf(bad), from: '2024-03-01', commit: true });
    expect(outcome.committed).toBe(false);
    expect(outcome.problems).toEqual([
      { line: 4, field: 'term_start', message: 'The start of the term must be a real date written like 2026-05-07' },
      { line: 4, field: 'email', message: 'Enter an email address like name@council.gov.uk' },
      { line: 5, field: 'committees', message: '"boss" is not a role: use chair, vice-chair, member or substitute' },
    ]);
    expect(await database.db.selectFrom('ward').selectAll().execute()).toEqual([]);
    expect(await database.db.selectFrom('person').select('id').where('family_name', '=', "O'Brien").execute()).toEqual([]);
  });

  it('refuses two chairs of one committee and an unknown committee', async () => {
    const clash = [
      FILE.split('\r\n')[0],
      'Whittle,Jenny,Mrs,,,,,,,Planning Committee (chair)',
      'Ellis,Tom,Mr,,,,,,,Planning Committee (chair); Scrutiny Board',
    ].join('\r\n');
    const outcome = await membersImporter({ database, actor, authorityName: AUTHORITY, lines: linesOf(clash), from: '2024-03-01', commit: true });
    expect(outcome.problems).toEqual([
      { line: 3, field: 'committees', message: 'Planning Committee has a chair on line 2 already' },
      { line: 3, field: 'committees', message: 'There is no committee called Scrutiny Board: create it in the back office first, or correct the name' },
    ]);
  });

  it('loads a sound file: groups one at a time, ward, term, contacts and committee roles', async () => {
    const outcome = await membersImporter({ database, actor, authorityName: AUTHORITY, lines: linesOf(FILE), from: '2024-03-01', commit: true });
    expect(outcome).toMatchObject({ problems: [], committed: true });
    expect(await groupsOf(whittle)).toEqual([
      { name: 'Labour', start_date: '2019-05-02', end_date: '2024-02-29' },
      { name: 'Green Party', start_date: '2024-03-01', end_date: null },
    ]);
    const person = await database.db
      .selectFrom('person')
      .innerJoin('ward', 'ward.id', 'person.ward_id')
      .select(['ward.name', 'person.term_start', 'person.email', 'person.phone'])
      .where('person.id', '=', whittle)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: 'Canterbury North', term_start: '2021-05-06', email: 'jenny.whittle@kent.example', phone: '01622 694000' });
    const records = await rosterRecords(database.db, '2024-03-01');
    expect(records.find((record) => record.id === whittle)?.committees).toBe('Planning Committee (chair); Cabinet');
    expect(records.find((record) => record.family_name === "O'Brien")).toMatchObject({
      given_name: 'Åsa',
      group: 'Labour',
      ward: 'Dover Town',
      committees: 'Planning Committee (vice-chair)',
    });
  });

  it('an export reads back as the same roster: uploading it again changes nothing', async () => {
    const records = await rosterRecords(database.db, '2024-06-01');
    const again = await membersImporter({
      database,
      actor,
      authorityName: AUTHORITY,
      lines: linesOf(writeRosterCsv(records)),
      from: '2024-06-01',
      commit: false,
    });
    expect(again.problems).toEqual([]);
    expect(again.lines.flatMap((line) => line.changes)).toEqual([]);
    const workbook = await readRosterXlsx(await writeRosterXlsx(records));
    if ('problems' in workbook) throw new Error(JSON.stringify(workbook.problems));
    const fromXlsx = await membersImporter({ database, actor, authorityName: AUTHORITY, lines: workbook.lines, from: '2024-06-01', commit: false });
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.lines.flatMap((line) => line.changes)).toEqual([]);
  });

  it('leaving a committee out of the committees cell ends that membership the day before', async () => {
    const header = 'id,family_name,committees';
    const outcome = await membersImporter({
      database,
      actor,
      authorityName: AUTHORITY,
      lines: linesOf(`${header}\r\n${whittle},Whittle,Cabinet`),
      from: '2024-09-01',
      commit: true,
    });
    expect(outcome.lines[0]!.changes).toEqual(['Leaves Planning Committee on 31 August 2024']);
    const records = await rosterRecords(database.db, '2024-09-01');
    expect(records.find((record) => record.id === whittle)).toMatchObject({ committees: 'Cabinet', group: 'Green Party', ward: 'Canterbury North' });
  });
});
