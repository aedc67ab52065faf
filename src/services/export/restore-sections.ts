/** The row-for-row sections of a document (sections.ts) as keyed inserts, in restore order. */
import type { KeyedInsert } from '../../db/queries/export-rows.ts';
import type { ExportDocument } from '../export-schema.ts';
import { EXPORT_SECTIONS } from './sections.ts';
import { keyColumns, rowFromRecord } from './table-section.ts';

export interface SectionInsert extends KeyedInsert {
  /** `section.list`, as the restore's counts name it. */
  label: string;
}

/** Inserts for the sections restored before the committee records (`first`) and after them (`last`). */
export function sectionInserts(document: ExportDocument): { first: SectionInsert[]; last: SectionInsert[] } {
  const first: SectionInsert[] = [];
  const last: SectionInsert[] = [];
  for (const section of EXPORT_SECTIONS) {
    const lists = document[section.name as keyof ExportDocument] as unknown as Record<string, Array<Record<string, unknown>>>;
    for (const spec of section.tables) {
      const insert: SectionInsert = {
        label: `${section.name}.${spec.key}`,
        table: spec.table,
        key: keyColumns(spec),
        rows: (lists[spec.key] ?? []).map((record) => rowFromRecord(spec, record)),
        ...(spec.identity ? { identity: spec.identity } : {}),
      };
      (section.restoreFirst ? first : last).push(insert);
    }
  }
  return { first, last };
}
