import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PHOTO_FORMATS, PHOTO_WIDTHS, parsePhotoFileName, photoFileName, photoHeight } from './photo.ts';

describe('photo file names', () => {
  it("every copy's name reads back as that copy", () => {
    for (const width of PHOTO_WIDTHS) for (const format of PHOTO_FORMATS) expect(parsePhotoFileName(photoFileName(width, format))).toEqual({ width, format });
  });

  it('no other name names a copy', () => {
    const names = new Set(PHOTO_WIDTHS.flatMap((width) => PHOTO_FORMATS.map((format) => photoFileName(width, format))));
    fc.assert(fc.property(fc.string(), (name) => names.has(name) || parsePhotoFileName(name) === undefined));
    expect(parsePhotoFileName('241.webp')).toBeUndefined();
    expect(parsePhotoFileName('240.jpeg')).toBeUndefined();
    expect(parsePhotoFileName('../240.jpg')).toBeUndefined();
  });

  it('heights are 4:3 of widths', () => {
    expect(PHOTO_WIDTHS.map(photoHeight)).toEqual([160, 320, 640]);
  });
});
