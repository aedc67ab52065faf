/**
 * The bulk download: the whole public dataset as one JSON document (the export format of docs/export.md, without
 * exempt information) and one CSV file per record kind. Built on first request and rebuilt when the data version
 * changes, so a download is never older than the last committed change and never rebuilt when nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { csvText } from '../../domain/csv.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { accountabilityTables } from '../../db/queries/api/accountability.ts';
import { dataVersion } from '../../db/queries/api/data-version.ts';
import { buildExport } from '../exporter.ts';
import { accountabilityCsvTables, csvTables, publicDataset } from './public-dataset.ts';

export interface OpenDataFile {
  name: string;
  kind: string;
  mediaType: string;
  body: Buffer;
  rows: number | null;
}

export interface OpenDataset {
  version: string;
  generatedAt: Date;
  files: OpenDataFile[];
}

export const OPEN_DATA_JSON = 'quorum.json';

/** Builds every file of the bulk download from the database as it stands. */
export async function buildOpenDataset(db: Kysely<Database>, options: { now?: Date } = {}): Promise<OpenDataset> {
  const version = await dataVersion(db);
  const generatedAt = options.now ?? new Date();
  const document = publicDataset(await buildExport(db, { includeExempt: false, now: generatedAt }));
  const files: OpenDataFile[] = [
    {
      name: OPEN_DATA_JSON,
      kind: 'all',
      mediaType: 'application/json; charset=utf-8',
      body: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'),
      rows: null,
    },
  ];
  for (const table of [...csvTables(document), ...accountabilityCsvTables(await accountabilityTables(db))]) {
    // A field a row has and the table's columns do not name is still written, never dropped.
    const columns = [...new Set([...table.columns, ...table.rows.flatMap((row) => Object.keys(row))])];
    const text = csvText(
      columns,
      table.rows.map((row) => columns.map((column) => row[column])),
    );
    files.push({ name: `${table.kind}.csv`, kind: table.kind, mediaType: 'text/csv; charset=utf-8', body: Buffer.from(text, 'utf8'), rows: table.rows.length });
  }
  return { version, generatedAt, files };
}

/**
 * Keeps the newest dataset and rebuilds it when the data version moves. Concurrent requests during a rebuild share
 * one build rather than starting one each.
 */
export class OpenDataCache {
  private current?: OpenDataset;
  private building?: Promise<OpenDataset>;

  constructor(private readonly db: Kysely<Database>) {}

  async dataset(): Promise<OpenDataset> {
    const version = await dataVersion(this.db);
    if (this.current?.version === version) return this.current;
    if (!this.building) {
      this.building = buildOpenDataset(this.db).finally(() => {
        this.building = undefined;
      });
    }
    const built = await this.building;
    this.current = built;
    return built;
  }
}

/**
 * Writes every file of the bulk download into a folder (for static hosting or a portal mirror). Each file is written
 * beside its final name and renamed into place, so a reader never sees half a file.
 */
export async function writeOpenDataset(db: Kysely<Database>, dir: string): Promise<OpenDataset> {
  const dataset = await buildOpenDataset(db);
  await fs.promises.mkdir(dir, { recursive: true });
  for (const file of dataset.files) {
    const target = path.join(dir, file.name);
    const temporary = path.join(dir, `.${file.name}.${process.pid}.tmp`);
    try {
      await fs.promises.writeFile(temporary, file.body);
      await fs.promises.rename(temporary, target);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      throw error;
    }
  }
  return dataset;
}
