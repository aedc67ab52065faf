/**
 * A backup file on disk: gzip of a plain-SQL script, written as a stream and read back as one. Neither direction
 * ever holds more than a buffer's worth of it, so a backup of any size fits in a small heap.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** gzip's two magic bytes (RFC 1952 section 2.3.1): how a compressed backup is told from an older plain one. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Writes the text source yields to file, gzip-compressed, through a temporary file beside it that is renamed into
 * place only once everything is written and flushed: a failed backup never leaves half a file where a good one
 * was. The source is pulled only as fast as the disk takes it (stream back-pressure).
 */
export async function writeCompressed(file: string, source: AsyncIterable<string | Buffer> | Readable): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    const out = fs.createWriteStream(temporary);
    await pipeline(source, zlib.createGzip({ level: 6 }), out);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Whether the first bytes are gzip's magic number. */
export function isCompressed(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** The start of a backup's text, decompressed if need be (up to what its first `bytes` bytes hold). */
export function readStart(fd: number, bytes: number): string {
  const head = Buffer.alloc(bytes);
  const read = fs.readSync(fd, head, 0, bytes, 0);
  const start = head.subarray(0, read);
  if (!isCompressed(start)) return start.toString('utf8');
  try {
    // A partial gzip stream: Z_SYNC_FLUSH gives what it holds without asking for its end.
    return zlib.gunzipSync(start, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    return '';
  }
}

/** The backup's text as a stream of UTF-8 chunks, decompressed when it is gzip (older backups are plain SQL). */
export function openText(file: string): Readable {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(2);
  fs.readSync(fd, head, 0, 2, 0);
  const raw = fs.createReadStream('', { fd, start: 0 });
  if (!isCompressed(head)) return raw.setEncoding('utf8');
  const gunzip = zlib.createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip).setEncoding('utf8');
}
