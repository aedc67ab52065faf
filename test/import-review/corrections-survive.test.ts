/**
 * The import review's promise (issue 17 item 4): each kind of correction an officer makes to a paper's extraction
 * is applied at once, and again whenever the paper is imported again: by paperReimporter (the importer of today,
 * from the paper's stored text) and by paperImporter into a database that holds only the corrections (an archive
 * rebuilt from its papers by a newer Quorum). Corrections and checks are audited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { listImportedPapers, listUnrecognised } from '../../src/db/queries/import-review.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { correctionRecorder, correctionRemover, type CorrectionInput } from '../../src/services/import-review/correction-recorder.ts';
import { paperReimporter } from '../../src/services/import-review/paper-reimporter.ts';
import { paperChecker } from '../../src/services/import-review/paper-checker.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedFile } from '../support/seeds.ts';

const authorityName = 'Kent County Council';
const council = { bodyName: 'Kent County Council', meetingDate: '2011-04-06' };
const audit = { bodyName: 'Governance and Audit Committee', meetingDate: '2011-03-16' };

async function meetingId(database: TestDatabase, meeting: { bodyName: string; meetingDate: string }): Promise<string> {
  const row = await database.db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select('meeting.id')
    .where('body.name', '=', meeting.bodyName)
    .where('meeting.date', '=', meeting.meetingDate)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the corrections touch, as the database now holds it. */
async function observed(database: TestDatabase) {
  const auditMeeting = await meetingId(database, audit);
  const councilMeeting = await meetingId(database, council);
  const chell = await database.db
    .selectFrom('attendance')
    .select(['person_id', 'status'])
    .where('meeting_id', '=', auditMeeting)
    .where('printed_name', '=', 'Mr A R Chell')
    .executeTakeFirst();
  const apologies = await database.db
    .selectFrom('attendance')
    .select(['person_id', 'printed_name'])
    .where('meeting_id', '=', auditMeeting)
    .where('status', '=', 'apologies')
    .execute();
  const minutes = await database.db
    .selectFrom('minute')
    .select(['number', 'title', 'text'])
    .where('meeting_id', '=', auditMeeting)
    .orderBy('position')
    .execute();
  const votes = await database.db
    .selectFrom('vote_event')
    .leftJoin('minute', 'minute.id', 'vote_event.minute_id')
    .select(['minute.number', 'for_count', 'against_count', 'abstain_count'])
    .where('vote_event.meeting_id', '=', councilMeeting)
    .execute();
  return { chell, apologies, minutes, votes };
}

describe.skipIf(databaseUnavailable)('import corrections survive re-importing the paper', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let fresh: TestDatabase;
  let sourceId: string;
  let angell: string;
  let officer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    fresh = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName, paths: [seedFile('001')], actor: 'test' });
    expect(summary.imported).toBe(1);
    sourceId = (await database.db.selectFrom('source_document').select('id').executeTakeFirstOrThrow()).id;
    angell = (await database.db.selectFrom('attendance').select('person_id').where('printed_name', '=', 'Mr M J Angell').executeTakeFirstOrThrow()).person_id;
    officer = 'officer-account-1';
  });
  afterAll(async () => {
    await database?.destroy();
    await fresh?.destroy();
  });

  const correct = (correction: CorrectionInput) => correctionRecorder({ database, authorityName, sourceId, actor: { job: officer }, correction });

  it("keeps the paper's text for the review screen", async () => {
    const row = await database.db.selectFrom('source_text').select('lines').where('id', '=', sourceId).executeTakeFirstOrThrow();
    expect(row.lines[1384]).toMatch(/^MINUTES of a meeting of the Governance and Audit Committee/);
  });

  it('applies each correction at once', async () => {
    const before = await observed(database);
    expect(before.chell?.person_id).not.toBe(angell);
    expect(before.votes).toContainEqual({ number: '22', for_count: 55, against_count: 11, abstain_count: 2 });
    expect(before.minutes.map((minute) => minute.number).slice(0, 3)).toEqual(['1', '2', '3']);

    await correct({ ...audit, kind: 'person-link', recordKey: 'mr a r chell', value: { personId: angell } });
    await correct({ ...council, kind: 'vote-count', recordKey: '22#1', value: { for: 50, against: 12, abstain: 3 } });
    await correct({ ...audit, kind: 'apology', recordKey: 'mr m j angell', value: { personId: angell, printed: 'Mr M J Angell' } });
    await correct({ ...audit, kind: 'minute-merge', recordKey: '2', value: {} });
    await correct({ ...audit, kind: 'minute-split', recordKey: '3', value: { line: 1417, number: '3A', title: 'Treasury Management report' } });
    await paperChecker({ database, sourceId, actor: { job: officer }, checked: true });

    expectCorrected(await observed(database));
  });

  function expectCorrected(now: Awaited<ReturnType<typeof observed>>) {
    expect(now.chell?.person_id).toBe(angell);
    expect(now.votes).toContainEqual({ number: '22', for_count: 50, against_count: 12, abstain_count: 3 });
    expect(now.apologies).toContainEqual({ person_id: angell, printed_name: 'Mr M J Angell' });
    const numbers = now.minutes.map((minute) => minute.number);
    expect(numbers.slice(0, 3)).toEqual(['1', '3', '3A']);
    expect(now.minutes[0]!.text).toContain('forward work programme for 2011 be agreed');
    expect(now.minutes[2]!.title).toBe('Treasury Management report');
    expect(now.minutes[2]!.text).toContain('presented the Treasury Management Quarter 3 Review');
    expect(now.minutes[1]!.text).not.toContain('presented the Treasury Management Quarter 3 Review');
  }

  it('re-applies every correction when the paper is imported again from its text', async () => {
    await paperReimporter({ database, authorityName, sourceId, actor: { job: officer } });
    expectCorrected(await observed(database));
    const check = await database.db.selectFrom('paper_check').select('checked_by').executeTakeFirst();
    expect(check?.checked_by).toBe(officer);
    const issues = await database.db.selectFrom('import_issue').select('message').where('source_document_id', '=', sourceId).execute();
    expect(issues.filter((issue) => issue.message.includes('no longer matches'))).toEqual([]);
  });

  it('re-applies them when the paper is imported into a database that has only the corrections', async () => {
    const rows = await database.db.selectFrom('import_correction').selectAll().execute();
    expect(rows).toHaveLength(5);
    // The people the links name must exist there too: import the paper once, note the person, then start again.
    await paperImporter({ database: fresh, authorityName, paths: [seedFile('001')], actor: 'test' });
    const angellThere = (await fresh.db.selectFrom('attendance').select('person_id').where('printed_name', '=', 'Mr M J Angell').executeTakeFirstOrThrow())
      .person_id;
    expect(angellThere).toBe(angell); // stable ids from natural keys: the same paper gives the same people
    const freshSource = (await fresh.db.selectFrom('source_document').select('id').executeTakeFirstOrThrow()).id;
    await fresh.db
      .insertInto('import_correction')
      .values(rows.map((row) => ({ ...row, value: JSON.stringify(row.value) })))
      .execute();
    await paperReimporter({ database: fresh, authorityName, sourceId: freshSource, actor: { job: 'test' } });
    expectCorrected(await observed(fresh));
  });

  it('takes a correction back', async () => {
    const id = (await database.db.selectFrom('import_correction').select('id').where('kind', '=', 'vote-count').executeTakeFirstOrThrow()).id;
    await correctionRemover({ database, authorityName, sourceId, actor: { job: officer }, correctionId: id });
    expect((await observed(database)).votes).toContainEqual({ number: '22', for_count: 55, against_count: 11, abstain_count: 2 });
  });

  it('refuses a correction naming nobody on record, or with a bad count, saying which field', async () => {
    await expect(correct({ ...audit, kind: 'person-link', recordKey: 'mr a r chell', value: { personId: 'person-nobody' } })).rejects.toThrow(
      /personId: Choose a person on record/,
    );
    await expect(correct({ ...council, kind: 'vote-count', recordKey: '22#1', value: { for: -1, against: 1, abstain: 0 } })).rejects.toThrow(
      /for: Cannot be negative/,
    );
    // A correction that finds no record is refused, and nothing of it is kept.
    await expect(correct({ ...audit, kind: 'minute-split', recordKey: '1', value: { line: 5, number: '1A', title: 'Elsewhere' } })).rejects.toThrow(
      /line: Enter a line inside the minute/,
    );
    await expect(correct({ ...council, kind: 'vote-count', recordKey: '99#1', value: { for: 1, against: 1, abstain: 0 } })).rejects.toThrow(
      /for: That recorded vote is not in this meeting/,
    );
    expect(await database.db.selectFrom('import_correction').select('kind').where('kind', '=', 'minute-split').execute()).toHaveLength(1);
  });

  it('lists every paper with its outcome: imported with counts and checked, or not recognised with why', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-review-'));
    fs.writeFileSync(path.join(folder, 'shopping-list.txt'), 'Eggs\nFlour\nMilk\n');
    try {
      const summary = await paperImporter({ database, authorityName, paths: [folder], actor: 'test' });
      expect(summary.unrecognised).toBe(1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    const [paper] = await listImportedPapers(database.db);
    expect(paper).toMatchObject({ id: sourceId, checked: true, vote_events: 1 });
    expect(paper!.minutes).toBeGreaterThan(20);
    const unrecognised = await listUnrecognised(database.db);
    expect(unrecognised.map((row) => [row.file_name, row.reason])).toEqual([['shopping-list.txt', expect.stringMatching(/^no meeting, minutes, agenda/)]]);
  });

  it('audits corrections and checks with the officer as actor', async () => {
    const entries = await sql<{ table_name: string; action: string }>`
      select table_name, action from audit_log where actor = ${officer} and table_name in ('import_correction', 'paper_check')`.execute(database.db);
    expect(entries.rows).toContainEqual({ table_name: 'import_correction', action: 'insert' });
    expect(entries.rows).toContainEqual({ table_name: 'import_correction', action: 'delete' });
    expect(entries.rows).toContainEqual({ table_name: 'paper_check', action: 'insert' });
  });
});
