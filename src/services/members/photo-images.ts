/**
 * A councillor's photo from an uploaded file, with sharp (libvips): only JPEG, PNG and WebP are taken; a file that is
 * not an image, too large, too small or a decompression bomb is refused before anything is decoded. The copies are
 * cropped to 3:4 around the most interesting part (sharp's attention strategy: usually the face), turned upright from
 * the camera's orientation tag, and written without any metadata: no EXIF (a phone's photo carries where it was
 * taken), no XMP, no comments.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { ValidationError } from '../../domain/errors.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MIN_PHOTO_SIDE, PHOTO_FORMATS, PHOTO_WIDTHS, photoHeight, type PhotoFormat } from '../../domain/members/photo.ts';
import type { PhotoCopy } from '../../db/repositories/photos.ts';

const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
const refuse = (message: string) => ValidationError([{ field: 'photo', message }]);
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The copies of an uploaded photo, every width in every format; throws a validation error on field `photo`. */
export async function photoCopies(bytes: Uint8Array): Promise<PhotoCopy[]> {
  if (bytes.byteLength === 0) throw refuse('The file is empty: choose a JPEG, PNG or WebP photo');
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw refuse(`The photo is ${megabytes(bytes.byteLength)}: it must be ${megabytes(MAX_PHOTO_BYTES)} or smaller`);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let metadata: Metadata;
  try {
    // Reads the header only (no pixel is decoded, so no limit is needed yet): the pixel count is checked below, and
    // the decoding after that is limited too.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse('The file is not a picture: choose a JPEG, PNG or WebP photo');
  }
  if (!ACCEPTED.has(metadata.format)) throw refuse(`The file is a ${metadata.format.toUpperCase()} picture: choose a JPEG, PNG or WebP photo`);
  const { width, height } = metadata;
  if (width * height > MAX_PHOTO_PIXELS)
    throw refuse(`The photo is ${width} by ${height} pixels: it must have at most ${MAX_PHOTO_PIXELS / 1_000_000} million pixels`);
  if (Math.min(width, height) < MIN_PHOTO_SIDE)
    throw refuse(`The photo is ${width} by ${height} pixels: it must be at least ${MIN_PHOTO_SIDE} pixels each way`);
  try {
    // failOn 'error': a damaged or cut-short file is refused rather than half drawn.
    const upright = sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).autoOrient();
    const jobs = PHOTO_WIDTHS.flatMap((copyWidth) =>
      PHOTO_FORMATS.map(async (format): Promise<PhotoCopy> => {
        const copyHeight = photoHeight(copyWidth);
        const resized = upright.clone().resize(copyWidth, copyHeight, { fit: 'cover', position: sharp.strategy.attention });
        return { width: copyWidth, height: copyHeight, format, data: await encode(resized, format) };
      }),
    );
    return await Promise.all(jobs);
  } catch {
    throw refuse('The photo could not be read: the file may be damaged. Save it again as JPEG and upload it');
  }
}

/** sharp writes no metadata unless asked (keepMetadata/withMetadata), which is never done here. */
function encode(image: Sharp, format: PhotoFormat): Promise<Buffer> {
  return format === 'webp' ? image.webp({ quality: 80 }).toBuffer() : image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
}
