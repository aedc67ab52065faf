/**
 * Problems found when papers were imported (src/import/), kept for the import review. Never public: they quote
 * papers before officers have checked them.
 */
import { id, instant, int, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const importsSection: ExportSection = {
  name: 'imports',
  about: 'Problems found when papers were imported, for the import review.',
  publicRule: 'Left out.',
  tables: [
    {
      key: 'issues',
      table: 'import_issue',
      about: 'One problem in one imported paper.',
      identity: 'id',
      order: (row) => [Number(row.id)],
      fields: {
        id: id.describe('A number, as text.'),
        sourceDocumentId: id,
        severity: text.describe('e.g. `warning`, `error`'),
        line: int.nullable(),
        message: text,
        createdAt: instant.describe('When the problem was found.'),
      },
    },
  ],
};
