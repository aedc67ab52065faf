/**
 * Councillors' photos (migration 20261207_4401): whose photo, its alt text, and which stored file is each resized
 * copy. The bytes are in `files`, which a public export leaves out, so the public export leaves these out too.
 */
import { id, int, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const photosSection: ExportSection = {
  name: 'photos',
  about: "Councillors' photos: alt text and resized copies (the bytes are in `files`).",
  publicRule: 'Left out (the public export has no files).',
  tables: [
    {
      key: 'personPhotos',
      table: 'person_photo',
      about: "A person's photo and the text read out in its place.",
      key_columns: ['person_id'],
      fields: { personId: id, altText: text },
    },
    {
      key: 'personPhotoFiles',
      table: 'person_photo_file',
      about: 'One resized copy of a photo: its size, format (`webp` or `jpeg`) and stored file.',
      key_columns: ['person_id', 'width', 'format'],
      fields: { personId: id, width: int, height: int, format: text, sha256: text.describe('The stored file (`files.storedFiles`).') },
    },
  ],
};
