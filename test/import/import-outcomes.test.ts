/**
 * Honest results: every file ends imported (with counts, and "partial" when parts were not understood), not
 * recognised (nothing stored, with the reason) or failed; never "ok" for a file that yielded nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const shopping = 'Shopping list\n\nEggs\nFlour\nA pint of milk\n';
const webMinutes = [
  'Agenda and minutes',
  '',
  'Harbour Board - Tuesday, 4th May, 2021 6.30 pm',
  '',
  'Venue: The Boathouse, Quay Street',
  '',
  'Items',
  'No. Item',
  '',
  '12.',
  '',
  'Apologies for Absence',
  '',
  'Minutes:',
  '',
  'Apologies for absence were received from Councillor Ash.',
  '',
].join('\n');

describe.skipIf(databaseUnavailable)('import outcomes', () => {
  let database: TestDatabase;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-outcomes-'));
    fs.writeFileSync(path.join(work, 'a-shopping.txt'), shopping);
    fs.writeFileSync(path.join(work, 'b-harbour.txt'), webMinutes);
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('stops at a file not recognised, with the reason, storing nothing of it', async () => {
    const summary = await paperImporter({ database, authorityName: 'Harbour Town Council', paths: [work], actor: 'test', stopOnUnrecognised: true });
    expect(summary.files.map((file) => file.status)).toEqual(['unrecognised']);
    expect(summary.stopped).toBe(true);
    expect(summary.unrecognised).toBe(1);
    expect(summary.files[0]!.reason).toMatch(/^no meeting, minutes, agenda, report, decision or other record recognised; found other at lines 1-5/);
    const sources = await database.db.selectFrom('source_document').select('file_name').execute();
    expect(sources).toEqual([]);
  });

  it('goes on when asked, importing the paper it understands with its counts', async () => {
    const summary = await paperImporter({ database, authorityName: 'Harbour Town Council', paths: [work], actor: 'test' });
    expect(summary.files.map((file) => file.status)).toEqual(['unrecognised', 'imported']);
    expect(summary.stopped).toBe(false);
    const harbour = summary.files[1]!;
    expect(harbour.created).toMatchObject({ meetings: 1, minutes: 1, attendance: 1 });
    expect(harbour.partial).toBeUndefined();
  });

  it('a file not recognised is tried again by a later import (nothing was kept of it)', async () => {
    const summary = await paperImporter({ database, authorityName: 'Harbour Town Council', paths: [path.join(work, 'a-shopping.txt')], actor: 'test' });
    expect(summary.files[0]!.status).toBe('unrecognised');
  });
});
