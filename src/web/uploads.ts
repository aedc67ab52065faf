/**
 * File uploads on browser forms (enctype="multipart/form-data"): reports as PDF/DOCX, indicator observations as CSV,
 * receipts for allowance claims. Every part is read into memory and put on request.body beside the ordinary fields,
 * so routes validate one body with zod as they do for any form, and the CSRF check sees `_csrf` as usual.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** Large enough for a scanned agenda report; anything bigger is refused with 413 before a route sees it. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 200, parts: 220 },
    throwFileSizeLimit: true,
    async onFile(part) {
      const data = await part.toBuffer();
      // A file input left empty still sends a part with no name and no bytes: null stands for "no file chosen".
      const value: UploadedFile | null = part.filename || data.length ? { filename: part.filename, mimetype: part.mimetype, data } : null;
      (part as unknown as { value: UploadedFile | null }).value = value;
    },
  });
}

/** A zod schema for one uploaded file field that must be present. */
export const uploadedFile = z.custom<UploadedFile>(
  (value) => typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data) && typeof (value as UploadedFile).filename === 'string',
  { message: 'Choose a file to upload' },
);

/** An uploaded file field the user may leave empty: undefined when no file was chosen. */
export const optionalUploadedFile = z.preprocess((value) => value ?? undefined, uploadedFile.optional());

/** The file's text, or undefined when it is not valid UTF-8 (a spreadsheet saved in another encoding, or binary). */
export function utf8TextOf(file: UploadedFile): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.data).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** A Content-Disposition for a download keeping its name: an ASCII fallback, and the exact name for browsers that read filename*. */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
