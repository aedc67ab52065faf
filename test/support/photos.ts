/** Pictures for the photo tests, made with sharp: a phone-like JPEG that says where it was taken, and a bomb's header. */
import zlib from 'node:zlib';
import sharp from 'sharp';

/** A 600 by 900 JPEG with EXIF: the camera, and GPS coordinates (the GPS IFD, tag 0x8825). */
export function jpegWithGps(): Promise<Uint8Array<ArrayBuffer>> {
  return sharp({ create: { width: 600, height: 900, channels: 3, background: '#1d70b8' } })
    .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#ffdd00' } }, top: 200, left: 200 }])
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Copyright: 'Kent County Council' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 16/1 48/1', GPSLongitudeRef: 'E', GPSLongitude: '1/1 4/1 48/1' },
    })
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
}

export function plainPng(width: number, height: number, background = '#00703c'): Promise<Uint8Array<ArrayBuffer>> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
}

/** Whether EXIF holds a pointer to GPS data (tag 0x8825, either byte order). */
export function hasGpsPointer(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

/**
 * A PNG of a few dozen bytes whose header claims width x height pixels: decoding it would take gigabytes (a
 * decompression bomb). Its one data chunk is empty, so nothing but the header is real.
 */
export function pngBombHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(0))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}
