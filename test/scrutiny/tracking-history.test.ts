/**
 * A tracking sheet that prints the same recommendation twice with a new status: the second row changes the record
 * the first one made in the same paper, and the history says from what to what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as paperStore from '../../src/db/repositories/paper-store.ts';
import * as store from '../../src/db/repositories/scrutiny.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { persistScrutiny } from '../../src/import/persist/scrutiny.ts';
import type { ScrutinyExtract } from '../../src/import/extract/scrutiny/types.ts';
import { PeopleDirectory } from '../../src/import/persist/people.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { AUTHORITY } from './support.ts';
import { ensureAuthority } from '../../src/db/records/authorities.ts';

const row = (line: number, status: string) => ({ line, item: 'Home to School Transport', meetingDate: '2011-09-14', recommendationNumber: 2, status });

const extract: ScrutinyExtract = {
  trackingSheets: [
    {
      title: 'Tracking sheet',
      committee: 'Cabinet Scrutiny Committee',
      date: '2011-12-07',
      lineFrom: 1,
      lineTo: 3,
      rows: [row(2, 'PENDING'), row(3, 'RESPONSE RECEIVED')],
    },
  ],
  callIns: [],
  poscRecommendations: [],
  issues: [],
};

describe.skipIf(databaseUnavailable)('a tracking sheet changing a status it recorded itself', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('keeps the last status and records the change from the first', async () => {
    const sourceId = stableId('source', 'tracking-history-test');
    await database.db.transaction().execute(async (trx) => {
      await paperStore.setActor(trx, 'test-import');
      await paperStore.insertNew(trx, 'source_document', [
        { id: sourceId, content_hash: 'tracking-history-test', file_name: 'sheet.txt', format: 'text', kinds: ['tracking-sheet'], bytes: 1, line_count: 3 },
      ]);
      const authorityId = await ensureAuthority(trx, stableId('authority', AUTHORITY), AUTHORITY);
      const people = new PeopleDirectory(authorityId, []);
      await persistScrutiny({ trx, authorityId, authorityName: AUTHORITY, sourceId, people, bodies: new Map(), actor: 'test-import' }, extract);
    });
    const recommendations = await database.db.selectFrom('scrutiny_recommendation').select(['id', 'number', 'status']).execute();
    expect(recommendations.map(({ number, status }) => ({ number, status }))).toEqual([{ number: 2, status: 'RESPONSE RECEIVED' }]);
    const history = await store.statusHistory(database.db, recommendations[0]!.id);
    expect(history.map((change) => [change.from_status, change.to_status, change.effective_date])).toEqual([
      [null, 'PENDING', '2011-12-07'],
      ['PENDING', 'RESPONSE RECEIVED', '2011-12-07'],
    ]);
  });
});
