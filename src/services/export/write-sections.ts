/** The row-for-row sections of an export document (sections.ts), written from the tables the exporter read. */
import type { ExportTables } from '../../db/queries/export.ts';
import type { PlainRow } from '../../db/queries/export-rows.ts';
import { EXPORT_SECTIONS, type SectionName } from './sections.ts';
import { sectionFromRows, type TableRows } from './table-section.ts';

/** Every table a section writes, for readExportTables to read in the same snapshot as the committee records. */
export const SECTION_TABLES = EXPORT_SECTIONS.flatMap((section) => section.tables.map((spec) => spec.table));

/** Every section, by name; a public export keeps what each section's public rule allows. */
export function sectionsOf(t: ExportTables, includeExempt: boolean): Record<SectionName, Record<string, Array<Record<string, unknown>>>> {
  const { sectionRows, ...records } = t;
  // The public rules may look at the committee records (e.g. which minutes are exempt).
  const rows: TableRows = { ...(records as unknown as Record<string, PlainRow[]>), ...sectionRows };
  return Object.fromEntries(EXPORT_SECTIONS.map((section) => [section.name, sectionFromRows(section, rows, !includeExempt)])) as Record<
    SectionName,
    Record<string, Array<Record<string, unknown>>>
  >;
}

/** How many records each section's lists hold, as `section.list`, for the command line to print. */
export function sectionCounts(document: Record<string, unknown>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const section of EXPORT_SECTIONS) {
    const lists = (document[section.name] ?? {}) as Record<string, unknown[]>;
    for (const spec of section.tables) counts[`${section.name}.${spec.key}`] = lists[spec.key]?.length ?? 0;
  }
  return counts;
}
