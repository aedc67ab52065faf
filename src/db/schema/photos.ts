import type { Stamp } from './columns.ts';
import type { PhotoFormat } from '../../domain/members/photo.ts';

export interface PersonPhotoTable {
  person_id: string;
  /** Read out in place of the picture: "Photo of Mrs Jenny Whittle" unless the officer wrote better. */
  alt_text: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface PersonPhotoFileTable {
  person_id: string;
  width: number;
  height: number;
  format: PhotoFormat;
  /** The bytes: a stored_file. */
  sha256: string;
  created_at: Stamp;
  updated_at: Stamp;
}

/** This capability's tables, part of the Database type. */
export interface PhotosTables {
  person_photo: PersonPhotoTable;
  person_photo_file: PersonPhotoFileTable;
}
