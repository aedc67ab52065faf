/**
 * A councillor's photo (issue 19 item 1): the sizes it is kept in and what the portal and back office ask of it.
 * Head-and-shoulders portraits are cropped to 3:4, so every copy's height follows from its width and the page can
 * reserve the photo's box before it loads (no layout shift).
 */

/** Widths kept, in CSS pixels: a list thumbnail, the profile photo, and the profile photo on a 2x screen. */
export const PHOTO_WIDTHS = [120, 240, 480] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

/** Each width is kept as WebP (small) and JPEG (for browsers without WebP). */
export const PHOTO_FORMATS = ['webp', 'jpeg'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

export const PHOTO_MEDIA_TYPES: Record<PhotoFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg' };
const EXTENSIONS: Record<PhotoFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** What an officer may upload: larger files are refused before they are decoded. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** A picture's pixels at most (a 50-megapixel camera's); more is refused as a decompression bomb, before decoding. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** Smaller than the list thumbnail is too small to be recognisable. */
export const MIN_PHOTO_SIDE = 120;
export const MAX_ALT_TEXT = 250;

/** Height of a copy of the given width: portraits at 3:4. */
export function photoHeight(width: number): number {
  return Math.round((width * 4) / 3);
}

export function defaultAltText(name: string): string {
  return `Photo of ${name}`;
}

/** A copy's file name in its URL, such as `240.webp`. */
export function photoFileName(width: PhotoWidth, format: PhotoFormat): string {
  return `${width}.${EXTENSIONS[format]}`;
}

/** The copy a URL's file name names, or undefined for any other name. */
export function parsePhotoFileName(name: string): { width: PhotoWidth; format: PhotoFormat } | undefined {
  const match = /^(\d+)\.(webp|jpg)$/.exec(name);
  if (!match) return undefined;
  const width = PHOTO_WIDTHS.find((candidate) => candidate === Number(match[1]));
  if (!width) return undefined;
  return { width, format: match[2] === 'jpg' ? 'jpeg' : 'webp' };
}
