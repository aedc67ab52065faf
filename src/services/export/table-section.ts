/**
 * Export sections that copy tables row for row: every column in camelCase, as the database holds it, so that a
 * restore can put back exactly what was there (same ids) and an export of the restored database is identical.
 * Each capability declares its section in services/export/sections/ and registers it in sections.ts; the exporter
 * and the restorer only walk that list, so a new capability adds a file rather than editing either of them.
 */
import { z } from 'zod';
import type { PlainRow, TableName } from '../../db/queries/export-rows.ts';

export interface TableSpec {
  /** The list's name in the section, camelCase. */
  key: string;
  table: TableName;
  /** What a row is, for the documentation. */
  about: string;
  /** The fields, camelCase of the columns. created_at/updated_at are never among them (docs/export.md). */
  fields: z.ZodRawShape;
  /** Key that says a row is already there (default: id). */
  key_columns?: readonly string[];
  /** A `generated always as identity` key, restored as exported. */
  identity?: string;
  /** Columns holding JSON (jsonb): written as JSON values, sent back to the database as text. */
  json?: readonly string[];
  /** bytea columns, written in base64. */
  bytes?: readonly string[];
  /** Sort order (default: key columns). Text compared by code unit, so both engines agree. */
  order?: (row: PlainRow) => Array<string | number>;
}

export type TableRows = Record<string, PlainRow[]>;

export interface ExportSection {
  /** Top-level field of the document. */
  name: string;
  about: string;
  tables: readonly TableSpec[];
  /** Restored before the committee records (their rows are referenced by them), rather than after. */
  restoreFirst?: boolean;
  /**
   * What a public export (`--public`) keeps of this section's rows, by table; a table left out of the result is
   * written as an empty list. Without it the section is left out of a public export entirely.
   */
  publicRows?: (rows: TableRows) => TableRows;
  /** How the public rule reads, for the documentation. */
  publicRule: string;
}

export const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
export const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The section's schema: one strict object of lists, each of strict rows. */
export function sectionSchema(section: ExportSection) {
  return z.strictObject(Object.fromEntries(section.tables.map((spec) => [spec.key, z.array(z.strictObject(spec.fields))])));
}

export function keyColumns(spec: TableSpec): readonly string[] {
  return spec.key_columns ?? ['id'];
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortRows(spec: TableSpec, rows: PlainRow[]): PlainRow[] {
  const order = spec.order ?? ((row: PlainRow) => keyColumns(spec).map((column) => row[column] as string | number));
  return [...rows].sort((a, b) => {
    const ka = order(a);
    const kb = order(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i]!;
      const y = kb[i]!;
      const result = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
      if (result !== 0) return result;
    }
    return 0;
  });
}

/** A database value as the document writes it. */
function exportValue(spec: TableSpec, column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (spec.bytes?.includes(column)) return Buffer.from(value as Uint8Array).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The section as the document writes it; `rows` holds every table's rows by table name. */
export function sectionFromRows(section: ExportSection, rows: TableRows, publicOnly: boolean): Record<string, Array<Record<string, unknown>>> {
  const kept = publicOnly ? (section.publicRows?.(rows) ?? {}) : rows;
  return Object.fromEntries(
    section.tables.map((spec) => [
      spec.key,
      sortRows(spec, kept[spec.table] ?? []).map((row) =>
        Object.fromEntries(Object.keys(spec.fields).map((field) => [field, exportValue(spec, snake(field), row[snake(field)])])),
      ),
    ]),
  );
}

/** A document record as a row to insert. */
export function rowFromRecord(spec: TableSpec, record: Record<string, unknown>): PlainRow {
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      const column = snake(field);
      if (spec.json?.includes(column)) return [column, JSON.stringify(value)];
      if (spec.bytes?.includes(column) && typeof value === 'string') return [column, Buffer.from(value, 'base64')];
      return [column, value];
    }),
  );
}
