/** Column shapes several tables share, declared once for schema.ts and every module under schema/. */
import type { ColumnType } from 'kysely';

/** Filled by the database on insert; timestamptz comes back as a JS Date (see engine.ts type parsers). */
export type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Audited = { created_at: Stamp; updated_at: Stamp };
/** Migration 20261207_4701: raised by one on every update by a trigger; edit forms carry it (optimistic locking). */
export type Versioned = { version: ColumnType<number, never, never> };
/** Where an imported record was read: its paper and line range. */
export type Sourced = {
  source_document_id: string | null;
  source_line_from: number | null;
  source_line_to: number | null;
};
/** A column with a database default: optional on insert. */
export type Optional<T> = ColumnType<T, T | undefined, T>;
