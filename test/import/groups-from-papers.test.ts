/**
 * People and groups from papers: a party printed beside a member's name becomes a membership of that political group
 * (the group added once), and is not taken for the member's role at the meeting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const paper = (date: string) =>
  [
    `MINUTES of a meeting of the Parks Committee held at the Lodge on ${date} at 7.00 pm`,
    '',
    'PRESENT: Mr A Ash (Chairman, Conservative), Mrs B Birch (Labour), Ms C Cedar (Lib Dem), Mr D Elm (Vice-Chairman)',
    '',
    '1. Bandstand',
    '',
    'RESOLVED that the bandstand be repainted.',
  ].join('\n');

describe.skipIf(databaseUnavailable)('groups printed beside names', () => {
  let database: TestDatabase;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-groups-'));
    fs.writeFileSync(path.join(work, 'a.txt'), paper('Monday, 7 June 2021'));
    fs.writeFileSync(path.join(work, 'b.txt'), paper('Monday, 5 July 2021'));
    await paperImporter({ database, authorityName: 'Harbour Town Council', paths: [work], actor: 'test' });
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('records each group once and each member once in it, across papers', async () => {
    const doc = await buildExport(database.db);
    const byName = (name: string) => doc.people.find((person) => person.familyName === name)!.id;
    const groups = Object.fromEntries(doc.groups.map((group) => [group.name, group.memberships.map((membership) => membership.personId)]));
    expect(groups).toEqual({ Conservative: [byName('Ash')], Labour: [byName('Birch')], 'Liberal Democrat': [byName('Cedar')] });
  });

  it('keeps the role and drops the group from the attendance role', async () => {
    const doc = await buildExport(database.db);
    const roles = doc.meetings[0]!.attendance.map((entry) => [entry.printedName, entry.role]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ['Mr A Ash', 'Chairman'],
        ['Mrs B Birch', null],
        ['Mr D Elm', 'Vice-Chairman'],
      ]),
    );
  });
});
