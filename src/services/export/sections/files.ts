/**
 * Uploaded files (receipts, reports' original files), by content hash. Restored first: reports and receipts refer to
 * them. Never public: receipts are members' personal documents, and a report's file may be exempt.
 */
import { base64, int, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const filesSection: ExportSection = {
  name: 'files',
  about: 'Uploaded files, their bytes in base64.',
  publicRule: 'Left out.',
  restoreFirst: true,
  tables: [
    {
      key: 'storedFiles',
      table: 'stored_file',
      about: "A file's bytes, stored once per content.",
      key_columns: ['sha256'],
      bytes: ['content'],
      fields: { sha256: text.describe('SHA-256 of the bytes, hex.'), content: base64, byteSize: int },
    },
  ],
};
