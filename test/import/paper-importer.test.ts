/**
 * The importer's promises: re-importing changes nothing; a failing file leaves the database as it was and the other
 * files go on; bad input gets a clear error; an export restores the same data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { buildExport } from '../../src/services/exporter.ts';
import type { ExportDocument } from '../../src/services/export-schema.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedFile, seedsDir } from '../support/seeds.ts';

const authorityName = 'Kent County Council';

/** Everything in the database, for before/after comparisons (stamps removed: they are not data). */
async function snapshot(database: TestDatabase): Promise<Omit<ExportDocument, 'exportedAt'>> {
  const { exportedAt: _ignored, ...rest } = await buildExport(database.db);
  return rest;
}

async function rowCount(database: TestDatabase, table: string): Promise<number> {
  const result = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(database.db);
  return Number(result.rows[0]!.n);
}

describe.skipIf(databaseUnavailable)('paperImporter', () => {
  let database: TestDatabase;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-import-test-'));
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('rolls back a file that fails part-way, reports file and reason, and goes on with the others', async () => {
    // Simulate a failure deep inside the agenda pack's transaction: the database refuses minute 15 of any meeting.
    await sql`create function refuse_minute_15() returns trigger language plpgsql as $$
      begin if new.number = '15' then raise exception 'simulated failure writing minute 15'; end if; return new; end $$`.execute(database.db);
    await sql`create trigger refuse_minute_15 before insert on minute for each row execute function refuse_minute_15()`.execute(database.db);
    const before = await rowCount(database, 'audit_log');

    const summary = await paperImporter({ database, authorityName, paths: [seedFile('001'), seedFile('004')], actor: 'test' });

    const pack = summary.files.find((file) => file.file.includes('001_'))!;
    expect(pack.status).toBe('failed');
    expect(pack.reason).toContain('simulated failure writing minute 15');
    expect(summary.files.find((file) => file.file.includes('004_'))!.status).toBe('imported');
    expect(summary.failed).toBe(1);
    expect(summary.imported).toBe(1);
    // Nothing of the failed file is left: no meeting, no person, no source record, nothing in the audit log.
    expect(await rowCount(database, 'meeting')).toBe(0);
    expect(await rowCount(database, 'person')).toBe(0);
    expect(await rowCount(database, 'source_document')).toBe(1);
    const audit = await database.db.selectFrom('audit_log').select('table_name').where('id', '>', String(before)).execute();
    // Only seed 004's own records were written: its report (and the body and author it names).
    const tables = new Set(audit.map((entry) => entry.table_name));
    expect(tables.has('report')).toBe(true);
    for (const fromThePack of ['meeting', 'agenda_item', 'attendance', 'minute', 'vote_event', 'question', 'decision', 'plan', 'plan_action']) {
      expect(tables.has(fromThePack), fromThePack).toBe(false);
    }

    await sql`drop trigger refuse_minute_15 on minute`.execute(database.db);
    const retry = await paperImporter({ database, authorityName, paths: [seedsDir], actor: 'test' });
    expect(retry.failed).toBe(0);
    expect(retry.files.find((file) => file.file.includes('001_'))!.status).toBe('imported');
    expect(retry.files.find((file) => file.file.includes('004_'))!.status).toBe('skipped');
    const dates = (await database.db.selectFrom('meeting').select('date').execute()).map((meeting) => meeting.date);
    expect(dates).toEqual(expect.arrayContaining(['2011-05-12', '2011-04-06', '2011-03-16', '2011-04-12']));
  });

  it('changes nothing when the same papers are imported again', async () => {
    const before = await snapshot(database);
    const auditBefore = await rowCount(database, 'audit_log');
    const again = await paperImporter({ database, authorityName, paths: [seedsDir], actor: 'test' });
    expect(again.skipped).toBe(5);
    expect(again.imported).toBe(0);
    expect(again.files.every((file) => file.reason?.startsWith('already imported'))).toBe(true);
    expect(await snapshot(database)).toEqual(before);
    expect(await rowCount(database, 'audit_log')).toBe(auditBefore);
  });

  it('gives bad input a clear error and loses nothing', async () => {
    const before = await snapshot(database);
    const junk = path.join(work, 'junk.txt');
    fs.writeFileSync(junk, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff, 0x00, 0x00]));
    const empty = path.join(work, 'empty.txt');
    fs.writeFileSync(empty, '');
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    page.drawText('Minutes of a meeting', { x: 50, y: 700, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const bytes = await pdf.save();
    const truncated = path.join(work, 'truncated.pdf');
    fs.writeFileSync(truncated, bytes.slice(0, Math.floor(bytes.length * 0.6)));
    const huge = path.join(work, 'huge.txt');
    fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    const image = path.join(work, 'scan.png');
    fs.writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const brokenJson = path.join(work, 'export.json');
    fs.writeFileSync(brokenJson, '{\n  "format": "quorum-export",\n  "version": 1,\n  "people": [\n');

    const summary = await paperImporter({ database, authorityName, paths: [junk, empty, truncated, huge, image, brokenJson], actor: 'test' });
    const reason = (file: string) => summary.files.find((result) => result.file === file)!;
    expect(summary.failed).toBe(6);
    expect(reason(junk).reason).toMatch(/binary content at byte 3/);
    expect(reason(empty).reason).toMatch(/empty/);
    expect(reason(truncated).reason).toMatch(/PDF is damaged or truncated/);
    expect(reason(huge).reason).toMatch(/over the 50 MB limit/);
    expect(reason(image).reason).toMatch(/unsupported file type \.png/);
    expect(reason(brokenJson).reason).toMatch(/not valid JSON/);
    expect(await snapshot(database)).toEqual(before);
  });

  it('decodes a Windows-1252 paper with a warning instead of failing', async () => {
    const text =
      'MINUTES of a meeting of the Testing Committee held in the Darent Room, Sessions House, County Hall, Maidstone on Tuesday, 5 July 2011.\n\n' +
      'PRESENT: Mr A B Example (Chairman), Mrs C D Sample\n\nUNRESTRICTED ITEMS\n\n1. Budget of \u00a3500k\n\n(1) The Committee noted the \u201cfigures\u201d.\n';
    const file = path.join(work, 'cp1252.txt');
    const encoded = Buffer.from([...text].map((ch) => ({ '\u00a3': 0xa3, '\u201c': 0x93, '\u201d': 0x94 })[ch] ?? ch.charCodeAt(0)));
    fs.writeFileSync(file, encoded);
    const summary = await paperImporter({ database, authorityName, paths: [file], actor: 'test' });
    const result = summary.files[0]!;
    expect(result.status).toBe('imported');
    expect(result.issues.some((issue) => /Windows-1252/.test(issue.message))).toBe(true);
    const doc = await buildExport(database.db);
    const meeting = doc.meetings.find((candidate) => candidate.date === '2011-07-05')!;
    expect(meeting.minutes[0]!.title).toBe('Budget of \u00a3500k');
    expect(meeting.minutes[0]!.text).toContain('\u201cfigures\u201d');
  });

  it('restores an export into an empty database: the same data, the same IDs', async () => {
    const original = await snapshot(database);
    const file = path.join(work, 'quorum-export.json');
    fs.writeFileSync(file, JSON.stringify(await buildExport(database.db)));

    const copy = await createTestDatabase();
    try {
      const summary = await paperImporter({ database: copy, authorityName, paths: [file], actor: 'test' });
      expect(summary.failed).toBe(0);
      expect(summary.files[0]!.kinds).toEqual(['export']);
      expect(await snapshot(copy)).toEqual(original);
      expect(original.meetings.map((meeting) => meeting.date)).toEqual(expect.arrayContaining(['2011-04-06', '2011-07-05']));
    } finally {
      await copy.destroy();
    }
  });
});
