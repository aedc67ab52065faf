/**
 * Democratic services put up, replace and take down a councillor's photo (issue 19 item 1). The picture is checked
 * and resized before the transaction (it is the slow part); the transaction, as the officer for the audit log, then
 * swaps the photo and its copies in one go, so the portal shows the old photo or the new one, never half of either.
 */
import { z } from 'zod';
import { MAX_ALT_TEXT } from '../../domain/members/photo.ts';
import { NotFound, ValidationError, type Problem } from '../../domain/errors.ts';
import * as store from '../../db/repositories/photos.ts';
import { asEditor, type CommitteeWriteProps } from '../committee/context.ts';
import { photoCopies } from './photo-images.ts';

export const AltTextSchema = z
  .string()
  .trim()
  .min(1, 'Enter the alt text: what a person who cannot see the photo is told, such as "Photo of Mrs Jenny Whittle"')
  .max(MAX_ALT_TEXT, `The alt text must be ${MAX_ALT_TEXT} characters or fewer`);

export interface PhotoSave extends CommitteeWriteProps {
  personId: string;
  altText: string;
  /** The uploaded file; undefined keeps the current photo and changes only its alt text. */
  file?: Uint8Array;
}

/** Saves a photo (or, without a file, a photo's new alt text); throws a validation error on `photo` or `altText`. */
export async function photoSaver(props: PhotoSave): Promise<void> {
  const problems: Problem[] = [];
  const altText = AltTextSchema.safeParse(props.altText);
  if (!altText.success) problems.push({ field: 'altText', message: altText.error.issues[0]!.message });
  let copies: store.PhotoCopy[] | undefined;
  if (props.file) {
    try {
      copies = await photoCopies(props.file);
    } catch (error) {
      problems.push(...((error as { problems?: Problem[] }).problems ?? [{ field: 'photo', message: String(error) }]));
    }
  }
  if (problems.length) throw ValidationError(problems);
  await asEditor(props, async (trx) => {
    if (!(await store.findPhotoPerson(trx, props.personId))) throw NotFound('Person not found');
    if (copies) return store.replacePhoto(trx, props.personId, altText.data!, copies);
    if (!(await store.updateAltText(trx, props.personId, altText.data!)))
      throw ValidationError([{ field: 'photo', message: 'Choose a photo to upload: a JPEG, PNG or WebP file' }]);
  });
}

/** Takes the photo down; throws not found when the person has none. */
export async function photoRemover(props: CommitteeWriteProps & { personId: string }): Promise<void> {
  await asEditor(props, async (trx) => {
    if (!(await store.deletePhoto(trx, props.personId))) throw NotFound('This person has no photo to remove');
  });
}
