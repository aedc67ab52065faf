/** The row-for-row sections: any order of rows writes the same lists, and a written record restores as the row it came from. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sectionSchema, sectionFromRows, rowFromRecord, type ExportSection } from './table-section.ts';
import { allowancesSection } from './sections/allowances.ts';
import { bool, day, id, int, text } from './fields.ts';

const section: ExportSection = {
  name: 'test',
  about: 'test',
  publicRule: 'none',
  tables: [
    { key: 'things', table: 'plan', about: 'x', fields: { id, position: int, label: text.nullable(), done: bool, dueOn: day.nullable() } },
    { key: 'history', table: 'import_issue', about: 'x', identity: 'id', order: (row) => [Number(row.id)], fields: { id, message: text } },
  ],
};

const thing = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  position: fc.integer({ min: -5, max: 5 }),
  label: fc.option(fc.string(), { nil: null }),
  done: fc.boolean(),
  due_on: fc.option(fc.constantFrom('2011-05-12', '2012-01-31'), { nil: null }),
});

describe('row-for-row export sections', () => {
  it('write the same lists whatever order the database returned the rows in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(thing, { selector: (row) => row.id, maxLength: 12 }),
        fc.array(fc.nat({ max: 10_000 }), { maxLength: 12 }),
        (rows, history) => {
          const issues = [...new Set(history)].map((n) => ({ id: String(n), message: `m${n}` }));
          const forward = sectionFromRows(section, { plan: rows, import_issue: issues }, false);
          const backward = sectionFromRows(section, { plan: [...rows].reverse(), import_issue: [...issues].reverse() }, false);
          expect(backward).toEqual(forward);
          expect(forward.history!.map((row) => Number(row.id))).toEqual([...new Set(history)].sort((a, b) => a - b));
          expect(sectionSchema(section).safeParse(forward).success).toBe(true);
          // Written records read back as the rows they came from.
          expect(forward.things!.map((record) => rowFromRecord(section.tables[0]!, record))).toEqual(
            [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
          );
        },
      ),
    );
  });

  it('write JSON columns as values and send them back as text, and bytes as base64', () => {
    const scheme = allowancesSection.tables.find((spec) => spec.table === 'allowance_scheme')!;
    const record = { sections: [{ heading: 'Basic', paragraphs: ['Paid monthly.'] }] };
    expect(rowFromRecord(scheme, record)).toEqual({ sections: JSON.stringify(record.sections) });
    const file = {
      key: 'files',
      table: 'stored_file' as const,
      about: 'x',
      key_columns: ['sha256'],
      bytes: ['content'],
      fields: { sha256: text, content: text },
    };
    const written = sectionFromRows({ ...section, tables: [file] }, { stored_file: [{ sha256: 'a', content: new Uint8Array([0, 255]) }] }, false);
    expect(written.files).toEqual([{ sha256: 'a', content: 'AP8=' }]);
    expect(Buffer.from(rowFromRecord(file, written.files![0]!).content as Uint8Array)).toEqual(Buffer.from([0, 255]));
  });
});
