/**
 * The complete export (issue 21, item 4): every table is exported or deliberately left out, every column of a
 * section's table is a field, and seed papers plus records of every capability survive export -> restore into a
 * fresh database -> export unchanged, with the same rows in every table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { listDatabaseTables, listTableColumns, readWholeTables } from '../../src/db/queries/export-rows.ts';
import { countRows } from '../../src/db/queries/export.ts';
import { EXCLUDED_TABLES, EXPORTED_TABLES, EXPORT_SECTIONS } from '../../src/services/export/sections.ts';
import { snake } from '../../src/services/export/table-section.ts';
import { upgradeVersion1 } from '../../src/services/export/read-version-1.ts';
import { ExportDocumentSchema, ExportDocumentV1Schema, type ExportDocument } from '../../src/services/export-schema.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { restoreExport } from '../../src/services/export-restorer.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { UNPUBLISHED_CANARY } from '../api/support/plant-accountability.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { CLAIM_CANARY, SECRET_EMAIL, plantEveryCapability } from './plant-every-capability.ts';

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: ExportDocument) => rest;

/** Tables whose `version` counts the row's edits (migration 20261207_4701): a stamp, restarted by a restore. */
const REVISED_TABLES = new Set(['body', 'political_group', 'meeting', 'agenda_item', 'minute']);

/** Every row of every exported table, without the stamps a restore writes afresh, in a fixed order. */
async function tableContents(database: TestDatabase): Promise<Record<string, string[]>> {
  const rows = await readWholeTables(database.db, EXPORTED_TABLES);
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      list
        .map(({ created_at: _c, updated_at: _u, ...row }) =>
          JSON.stringify(REVISED_TABLES.has(table) ? { ...row, version: undefined } : row, (_key, value: unknown) =>
            value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
          ),
        )
        .sort(),
    ]),
  );
}

/** The document as version 1 wrote it: without the columns and sections version 2 added. */
function asVersion1(document: ExportDocument): unknown {
  return {
    format: document.format,
    version: 1,
    exportedAt: document.exportedAt,
    includesExempt: document.includesExempt,
    authority: document.authority,
    sources: document.sources,
    people: document.people.map(({ email: _email, wardId: _w, termStart: _ts, termEnd: _te, phone: _p, address: _a, ...person }) => person),
    groups: document.groups,
    bodies: document.bodies.map(({ termsOfReference: _t, clerkName: _cn, clerkEmail: _ce, clerkPhone: _cp, ...body }) => body),
    memberships: document.memberships,
    meetings: document.meetings.map(({ cancelledReason: _r, withdrawnAt: _wa, withdrawnReason: _wr, sequence: _s, ...meeting }) => ({
      ...meeting,
      minutes: meeting.minutes.map((minute) => ({
        ...minute,
        resolutions: minute.resolutions.map(({ withdrawnAt: _a, withdrawnBy: _b, ...resolution }) => resolution),
      })),
    })),
    reports: document.reports.map(({ originalFileSha256: _f, originalFilename: _n, originalMediaType: _m, ...report }) => report),
    decisions: document.decisions,
    registers: document.registers,
  };
}

describe.skipIf(databaseUnavailable)(`complete export (${testEngine})`, { timeout: 600_000 }, () => {
  const databases: TestDatabase[] = [];
  let source: TestDatabase;
  let exported: ExportDocument;

  async function freshDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase();
    databases.push(database);
    await migrateToLatest(database.db);
    return database;
  }

  beforeAll(async () => {
    source = await freshDatabase();
    const summary = await paperImporter({ database: source, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    await plantEveryCapability(source.db);
    exported = await buildExport(source.db);
  }, 600_000);
  afterAll(async () => {
    for (const database of databases) await database.destroy().catch(() => {});
  });

  it('exports every table of the database, or leaves it out on purpose with a documented reason', async () => {
    const tables = await listDatabaseTables(source.db);
    const accounted = new Set<string>([...EXPORTED_TABLES, ...Object.keys(EXCLUDED_TABLES)]);
    expect(tables.filter((table) => !accounted.has(table))).toEqual([]);
    expect([...accounted].filter((table) => !tables.includes(table))).toEqual([]);
    expect(EXPORTED_TABLES.filter((table) => table in EXCLUDED_TABLES)).toEqual([]);
    expect(new Set(EXPORTED_TABLES).size).toBe(EXPORTED_TABLES.length);
  });

  it("writes every column of a section's table as a field (stamps aside)", async () => {
    for (const section of EXPORT_SECTIONS) {
      for (const spec of section.tables) {
        const fields = Object.keys(spec.fields).map(snake);
        const columns = (await listTableColumns(source.db, spec.table)).filter(
          (column) => !['created_at', 'updated_at'].includes(column) || fields.includes(column),
        );
        expect({ table: spec.table, columns: [...fields].sort() }).toEqual({ table: spec.table, columns: [...columns].sort() });
      }
    }
  });

  it('holds records of every capability, satisfying its own schema', () => {
    expect(ExportDocumentSchema.safeParse(exported).error).toBeUndefined();
    expect(exported.version).toBe(2);
    for (const section of EXPORT_SECTIONS) {
      for (const spec of section.tables)
        expect({ list: `${section.name}.${spec.key}`, empty: exported[section.name as 'scrutiny'][spec.key]!.length === 0 }).toEqual({
          list: `${section.name}.${spec.key}`,
          empty: false,
        });
    }
    expect(exported.meetings.length).toBeGreaterThan(0);
    expect(exported.files.storedFiles!.find((file) => file.sha256 === 'b'.repeat(64))).toEqual({
      sha256: 'b'.repeat(64),
      content: Buffer.from([0, 1, 2, 250, 251, 252]).toString('base64'),
      byteSize: 6,
    });
  });

  it('restores into a fresh database with the same ids and rows, and exports the same document again', async () => {
    const target = await freshDatabase();
    const result = await restoreExport(target.db, JSON.parse(JSON.stringify(exported)), { actor: 'test:restore' });
    expect(Object.values(result.skipped).every((count) => count === 0)).toBe(true);
    expect(result.created).toMatchObject({
      'scrutiny.statusChanges': exported.scrutiny.statusChanges!.length,
      'allowances.payments': 2,
      'files.storedFiles': 2,
    });

    const again = await buildExport(target.db);
    expect(withoutStamp(again)).toEqual(withoutStamp(exported));
    expect(await tableContents(target)).toEqual(await tableContents(source));

    // A restored history goes on numbering after the restored ids.
    await target.db
      .insertInto('scrutiny_status_change')
      .values({
        recommendation_id: 'recommendation-planted2',
        from_status: 'PENDING',
        to_status: 'PENDING',
        effective_date: '2012-02-01',
        reason: 'Again',
        actor: 'test',
      })
      .execute();

    // Restoring the same export again changes nothing, even into a meeting whose approved minutes are locked.
    const before = await countRows(target.db, EXPORTED_TABLES);
    const second = await restoreExport(target.db, exported, { actor: 'test:again' });
    expect(Object.entries(second.created).filter(([, count]) => count > 0)).toEqual([]);
    expect(await countRows(target.db, EXPORTED_TABLES)).toEqual(before);
  });

  it('still restores a version 1 export, as version 2 with the values the database would give', async () => {
    const version1 = asVersion1(exported);
    expect(ExportDocumentV1Schema.safeParse(version1).error).toBeUndefined();
    const target = await freshDatabase();
    await restoreExport(target.db, version1, { actor: 'test:restore-v1' });
    const again = await buildExport(target.db);
    expect(withoutStamp(again)).toEqual(withoutStamp(upgradeVersion1(ExportDocumentV1Schema.parse(version1))));
    expect(again.meetings.map((meeting) => meeting.id)).toEqual(exported.meetings.map((meeting) => meeting.id));
  });

  it('keeps to public records with --public, and the public document restores', async () => {
    const published = await buildExport(source.db, { includeExempt: false });
    expect(ExportDocumentSchema.safeParse(published).error).toBeUndefined();
    const text = JSON.stringify(published);
    for (const secret of [SECRET_EMAIL, CLAIM_CANARY, UNPUBLISHED_CANARY, 'Internal: chase weekly', 'Private reason', 'user:officer'])
      expect(text).not.toContain(secret);
    expect(published.imports.issues).toEqual([]);
    expect(published.files.storedFiles).toEqual([]);
    expect(published.scrutiny.reminders).toEqual([]);
    expect(published.allowances.claims!.map((row) => [row.id, row.description, row.payablePence])).toEqual([['claim-planted1', '', '569']]);
    expect(published.allowances.claimReceipts).toEqual([]);
    const publishedIds = published.scrutiny.recommendations!.map((row) => row.id);
    expect(publishedIds).toContain('recommendation-planted1');
    expect(publishedIds).not.toContain('recommendation-planted2');
    expect(published.scrutiny.recommendations!.every((row) => row.published === true)).toBe(true);
    expect(published.allowances.payments!.map((row) => [row.id, row.claimId])).toEqual([
      ['payment-planted1', 'claim-planted1'],
      ['payment-planted2', null],
    ]);
    expect(published.reports.every((report) => report.originalFileSha256 === null)).toBe(true);
    expect(published.plans.plans!.length).toBe(exported.plans.plans!.length);

    const target = await freshDatabase();
    await restoreExport(target.db, published, { actor: 'test:restore-public' });
    const again = await buildExport(target.db, { includeExempt: false });
    expect(withoutStamp(again)).toEqual(withoutStamp(published));
  });
});
