/**
 * What building a file's rows in memory must not lose: links to records of other files (minutes approving a meeting
 * that arrives earlier or later, reports for agenda items already on record), details a second paper adds to a
 * meeting, the one-statement insert splitting at the parameter limit with parents and children together, and the
 * batch every capability writes through: its table order, the first row of an id winning, its counts by name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNewMany } from '../../src/db/repositories/paper-store.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { WriteBatch } from '../../src/import/persist/write-batch.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import type { NewRow } from '../../src/db/types.ts';

const authorityName = 'Kent County Council';

function minutesPaper(committee: string, date: string, approves?: string): string {
  return [
    `MINUTES of a meeting of the ${committee} held in the Darent Room, Sessions House, County Hall, Maidstone on ${date}.`,
    '',
    'PRESENT: Mr A B Example (Chairman), Mrs C D Sample',
    '',
    'UNRESTRICTED ITEMS',
    '',
    ...(approves
      ? [
          `1. Minutes - ${approves}`,
          '',
          `(1) RESOLVED that the minutes of the meeting held on ${approves} are correctly recorded and that they be signed by the Chairman.`,
          '',
        ]
      : ['1. Budget monitoring', '', '(1) The Committee noted the figures.', '']),
  ].join('\n');
}

describe.skipIf(databaseUnavailable)('writing a file in one batch', () => {
  let database: TestDatabase;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-batch-test-'));
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function importText(name: string, text: string) {
    const file = path.join(work, name);
    fs.writeFileSync(file, text);
    const summary = await paperImporter({ database, authorityName, paths: [file], actor: 'test' });
    expect(summary.files[0]!.reason).toBeUndefined();
    expect(summary.files[0]!.status).toBe('imported');
    return summary;
  }

  async function approvals(committeeDate: string) {
    return database.db
      .selectFrom('minute')
      .innerJoin('meeting', 'meeting.id', 'minute.meeting_id')
      .leftJoin('meeting as approved', 'approved.id', 'minute.approves_meeting_id')
      .select(['minute.approves_meeting_date', 'approved.date as approved_date'])
      .where('meeting.date', '=', committeeDate)
      .where('minute.approves_meeting_date', 'is not', null)
      .execute();
  }

  it('links minutes approving a meeting that is imported later', async () => {
    await importText('later-a.txt', minutesPaper('Testing Committee', 'Tuesday, 5 July 2011', '7 June 2011'));
    expect(await approvals('2011-07-05')).toEqual([{ approves_meeting_date: '2011-06-07', approved_date: null }]);
    await importText('later-b.txt', minutesPaper('Testing Committee', 'Tuesday, 7 June 2011'));
    expect(await approvals('2011-07-05')).toEqual([{ approves_meeting_date: '2011-06-07', approved_date: '2011-06-07' }]);
  });

  it('links minutes approving a meeting already on record, and not one of another body', async () => {
    await importText('earlier-a.txt', minutesPaper('Checking Committee', 'Tuesday, 6 September 2011'));
    await importText('earlier-b.txt', minutesPaper('Other Committee', 'Tuesday, 4 October 2011', '6 September 2011'));
    expect(await approvals('2011-10-04')).toEqual([{ approves_meeting_date: '2011-09-06', approved_date: null }]);
    await importText('earlier-c.txt', minutesPaper('Checking Committee', 'Tuesday, 4 October 2011', '6 September 2011'));
    const both = await approvals('2011-10-04');
    expect(both).toHaveLength(2);
    expect(both.filter((row) => row.approved_date === '2011-09-06')).toHaveLength(1);
  });

  it('writes parents and children in one statement and splits a large file at the parameter limit', async () => {
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    const bodyId = stableId('body', 'batch test');
    const meetings: Array<NewRow<'meeting'> & { id: string }> = [];
    const items: Array<NewRow<'agenda_item'> & { id: string }> = [];
    for (let m = 0; m < 60; m++) {
      const id = stableId('meeting', bodyId, m);
      meetings.push({ id, body_id: bodyId, date: `${2030 + Math.floor(m / 28)}-01-${String((m % 28) + 1).padStart(2, '0')}` });
      // 6,000 agenda items of 5 columns are 30,000 parameters: with the meetings, more than one statement holds.
      for (let n = 1; n <= 50; n++) items.push({ id: stableId('agenda-item', id, n), meeting_id: id, number: String(n), position: n, title: `Item ${n}` });
    }
    const doubled = items.concat(items.map((item) => ({ ...item, id: `${item.id}-b`, number: `${item.number}b` })));
    const counts = await database.db.transaction().execute((trx) =>
      insertNewMany(trx, [
        { table: 'body', rows: [{ id: bodyId, authority_id: authority.id, name: 'Batch Test Committee', slug: 'batch-test-committee', kind: 'committee' }] },
        { table: 'meeting', rows: meetings },
        { table: 'agenda_item', rows: doubled },
      ]),
    );
    expect(counts).toEqual([1, 60, 6000]);
    const stored = await database.db
      .selectFrom('agenda_item')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(
        'meeting_id',
        'in',
        meetings.map((m) => m.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(6000);
    // Again: everything is on record, so nothing is added and nothing fails.
    const again = await database.db.transaction().execute((trx) =>
      insertNewMany(trx, [
        { table: 'meeting', rows: meetings },
        { table: 'agenda_item', rows: doubled },
      ]),
    );
    expect(again).toEqual([0, 0]);
  });

  it('writes a batch in its table order, keeps the first row of an id, counts by name and starts empty again', async () => {
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    const batch = new WriteBatch([{ table: 'body', count: 'bodies' }, { table: 'meeting', count: 'meetings' }, { table: 'import_issue' }]);
    const bodyId = stableId('body', 'ordered batch');
    const meetingId = stableId('meeting', bodyId, '2041-01-01');
    // The child is added before its parent: the table order, not the order of adding, decides what is written first.
    const kept = batch.add('meeting', { id: meetingId, body_id: bodyId, date: '2041-01-01' });
    expect(batch.add('meeting', { id: meetingId, body_id: bodyId, date: '2041-02-02' })).toBe(kept);
    batch.add('body', { id: bodyId, authority_id: authority.id, name: 'Ordered Batch Committee', slug: 'ordered-batch-committee', kind: 'committee' });
    expect(batch.keysOf('meeting')).toEqual([meetingId]);
    const source = await database.db.selectFrom('source_document').select('id').executeTakeFirstOrThrow();
    batch.append('import_issue', { source_document_id: source.id, severity: 'warning', line: 1, message: 'batch test one' });
    batch.append('import_issue', { source_document_id: source.id, severity: 'warning', line: 1, message: 'batch test one' });
    const counts = await database.db.transaction().execute((trx) => batch.write(trx));
    expect(counts).toEqual({ bodies: 1, meetings: 1 });
    const meeting = await database.db.selectFrom('meeting').select('date').where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(meeting.date).toBe('2041-01-01');
    const issues = await database.db.selectFrom('import_issue').select('id').where('message', '=', 'batch test one').execute();
    expect(issues).toHaveLength(2);
    // Written rows leave the batch: a second write adds nothing.
    expect(batch.keysOf('meeting')).toEqual([]);
    expect(await database.db.transaction().execute((trx) => batch.write(trx))).toEqual({});
  });

  it('rolls back every statement of a file when a later one fails', async () => {
    const before = await database.db.selectFrom('meeting').select('id').execute();
    const bodyId = stableId('body', 'batch test');
    const rows: Array<NewRow<'agenda_item'> & { id: string }> = [];
    for (let n = 0; n < 7000; n++) rows.push({ id: `rollback-${n}`, meeting_id: 'no-such-meeting', number: String(n), position: n, title: 'x' });
    const attempt = database.db.transaction().execute((trx) =>
      insertNewMany(trx, [
        { table: 'meeting', rows: [{ id: 'rollback-meeting', body_id: bodyId, date: '2040-01-01' }] },
        { table: 'agenda_item', rows },
      ]),
    );
    await expect(attempt).rejects.toThrow(/foreign key/);
    expect(await database.db.selectFrom('meeting').select('id').execute()).toEqual(before);
  });
});
