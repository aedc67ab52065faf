/**
 * Councillors' photos (migration 20261207_4401): writes, and the reads the back office and the portal share. The
 * bytes are stored files; a replaced photo's old files stay (stored files are never deleted) but nothing names them.
 */
import type { Transaction } from 'kysely';
import type { PhotoFormat } from '../../domain/members/photo.ts';
import type { Database } from '../schema.ts';
import { storeFile } from './stored-files.ts';
import type { Db } from '../types.ts';

export interface PhotoCopy {
  width: number;
  height: number;
  format: PhotoFormat;
  data: Uint8Array;
}

export async function findPhotoPerson(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name', 'post_nominals'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Puts the person's photo in place of any earlier one: its alt text and every copy. */
export async function replacePhoto(trx: Transaction<Database>, personId: string, altText: string, copies: readonly PhotoCopy[]): Promise<void> {
  const hashes = await Promise.all(copies.map((copy) => storeFile(trx, copy.data)));
  await trx
    .insertInto('person_photo')
    .values({ person_id: personId, alt_text: altText })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ alt_text: altText, updated_at: new Date() }))
    .execute();
  await trx.deleteFrom('person_photo_file').where('person_id', '=', personId).execute();
  await trx
    .insertInto('person_photo_file')
    .values(copies.map((copy, index) => ({ person_id: personId, width: copy.width, height: copy.height, format: copy.format, sha256: hashes[index]! })))
    .execute();
}

/** Changes only the alt text; false when the person has no photo. */
export async function updateAltText(trx: Transaction<Database>, personId: string, altText: string): Promise<boolean> {
  const result = await trx.updateTable('person_photo').set({ alt_text: altText, updated_at: new Date() }).where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the photo; false when there was none. */
export async function deletePhoto(trx: Transaction<Database>, personId: string): Promise<boolean> {
  const result = await trx.deleteFrom('person_photo').where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The photo of each person asked for that has one: its alt text and copies (hash, not bytes). */
export async function photosOf(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, PhotoSummary>();
  const rows = await db
    .selectFrom('person_photo as p')
    .innerJoin('person_photo_file as f', 'f.person_id', 'p.person_id')
    .select(['p.person_id', 'p.alt_text', 'f.width', 'f.height', 'f.format', 'f.sha256'])
    .where('p.person_id', 'in', personIds)
    .orderBy('p.person_id')
    .orderBy('f.width')
    .orderBy('f.format')
    .execute();
  const photos = new Map<string, PhotoSummary>();
  for (const row of rows) {
    const photo = photos.get(row.person_id) ?? { altText: row.alt_text, copies: [] };
    photo.copies.push({ width: row.width, height: row.height, format: row.format, sha256: row.sha256 });
    photos.set(row.person_id, photo);
  }
  return photos;
}

export interface PhotoSummary {
  altText: string;
  copies: Array<{ width: number; height: number; format: PhotoFormat; sha256: string }>;
}

/** One copy's bytes and hash, to serve. */
export async function photoFile(db: Db, personId: string, width: number, format: PhotoFormat) {
  return db
    .selectFrom('person_photo_file as f')
    .innerJoin('stored_file as s', 's.sha256', 'f.sha256')
    .select(['f.sha256', 's.content'])
    .where('f.person_id', '=', personId)
    .where('f.width', '=', width)
    .where('f.format', '=', format)
    .executeTakeFirst();
}

/** Members by name, with whether each has a photo: the back office's list to choose from. */
export async function listMembersWithPhoto(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('person_photo', 'person_photo.person_id', 'person.id')
    .select(['person.id', 'person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'person.post_nominals', 'person_photo.alt_text'])
    .where('person.kind', '=', 'member')
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('person.id')
    .execute();
}
