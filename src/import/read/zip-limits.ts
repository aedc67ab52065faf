/**
 * A DOCX is a ZIP archive, and a small archive can hold a part that inflates to gigabytes (a "zip bomb"): read whole,
 * it takes the server's memory. Before a DOCX is read, every entry of its central directory is checked (count,
 * declared size, ratio of declared to stored size), then every entry is inflated once, counting and keeping nothing,
 * so an entry whose declared size is a lie is caught too (yauzl refuses a stream longer than declared).
 */
import yauzl from 'yauzl';
import { ReadError } from './read-error.ts';

export const ZIP_LIMITS = {
  /** A Word document has a few dozen parts; thousands mean something else. */
  maxEntries: 5_000,
  /** One part: a very long report's document.xml is a few tens of MB. */
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  /** XML compresses well, but not a hundredfold; a part under a megabyte may do as it likes. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Throws a ReadError naming the part and the limit when the archive would expand too far; resolves when it would not. */
export async function checkZipLimits(bytes: Uint8Array, file: string): Promise<void> {
  const refuse = (detail: string) => new ReadError(file, `DOCX refused: ${detail}`);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, opened) => (error ? reject(new ReadError(file, `DOCX is damaged or not a Word document: ${error.message}`, { cause: error })) : resolve(opened!)),
    ),
  );
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) throw refuse(`it has ${zip.entryCount} parts, over the limit of ${ZIP_LIMITS.maxEntries}`);
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) =>
        reject(error instanceof ReadError ? error : new ReadError(file, `DOCX is damaged or not a Word document: ${error.message}`, { cause: error })),
      );
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const size = entry.uncompressedSize;
        total += size;
        const ratio = size / Math.max(1, entry.compressedSize);
        if (size > ZIP_LIMITS.maxEntryBytes)
          return reject(refuse(`${entry.fileName} would expand to ${mb(size)}, over the limit of ${mb(ZIP_LIMITS.maxEntryBytes)} for one part`));
        if (total > ZIP_LIMITS.maxTotalBytes) return reject(refuse(`its parts would expand to over ${mb(ZIP_LIMITS.maxTotalBytes)} in all`));
        if (size > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio) {
          return reject(refuse(`${entry.fileName} would expand ${Math.round(ratio)} times, to ${mb(size)}, more than a document does (a zip bomb?)`));
        }
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        // Inflate once, keeping nothing: a part longer than it declares is refused by yauzl as it streams.
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(new ReadError(file, `DOCX is damaged: ${entry.fileName}: ${error.message}`, { cause: error }));
          stream!.on('error', (streamError: Error) => reject(refuse(`${entry.fileName} is not what the archive says it is (${streamError.message})`)));
          stream!.on('end', () => zip.readEntry());
          stream!.resume();
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
