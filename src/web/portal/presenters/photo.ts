/**
 * A councillor's photo as a <picture>: WebP for browsers that take it, JPEG otherwise, every copy in the srcset by
 * its width so the browser picks the one for the shown size and the screen's density, and the box's width and height
 * so the page does not move when the photo arrives. Each URL carries the copy's hash, so a browser may keep it for a
 * year and still sees a replaced photo at once.
 */
import { photoFileName, photoHeight, type PhotoFormat, type PhotoWidth } from '../../../domain/members/photo.ts';
import type { PhotoSummary } from '../../../db/repositories/photos.ts';
import { linkTo } from '../../../http/routes.ts';

export interface PhotoView {
  alt: string;
  width: number;
  height: number;
  sizes: string;
  src: string;
  srcset: string;
  webpSrcset: string;
}

/** The photo shown `shownWidth` CSS pixels wide, or undefined when the person has none. */
export function presentPhoto(personId: string, photo: PhotoSummary | undefined, shownWidth: number): PhotoView | undefined {
  if (!photo) return undefined;
  const copiesIn = (format: PhotoFormat) => photo.copies.filter((copy) => copy.format === format).sort((a, b) => a.width - b.width);
  const url = (copy: PhotoSummary['copies'][number]) =>
    `${linkTo('person.photo', { id: personId, file: photoFileName(copy.width as PhotoWidth, copy.format) })}?v=${copy.sha256.slice(0, 16)}`;
  const srcsetOf = (format: PhotoFormat) =>
    copiesIn(format)
      .map((copy) => `${url(copy)} ${copy.width}w`)
      .join(', ');
  const jpegs = copiesIn('jpeg');
  const fallback = jpegs.find((copy) => copy.width >= shownWidth) ?? jpegs.at(-1);
  if (!fallback) return undefined;
  return {
    alt: photo.altText,
    width: shownWidth,
    height: photoHeight(shownWidth),
    sizes: `${shownWidth}px`,
    src: url(fallback),
    srcset: srcsetOf('jpeg'),
    webpSrcset: srcsetOf('webp'),
  };
}
