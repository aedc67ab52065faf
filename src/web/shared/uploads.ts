/**
 * File uploads on browser forms (enctype="multipart/form-data"): reports as PDF/DOCX, indicator observations as CSV,
 * receipts for allowance claims.
 *
 * A multipart body is read only on a route that declares it takes files (`config: { files: ['reportFile'] }`), and
 * only after the route's role checks (they run first, as hooks of the route's scope) and the CSRF check: the form's
 * `_csrf` field comes before its file inputs, so the token is checked before one byte of a file is read. Any other
 * route refuses a multipart body with 415 without reading it. The whole form is limited (MAX_FORM_BYTES, checked
 * against Content-Length before reading and counted while reading), each file to MAX_UPLOAD_BYTES, the number of
 * files to the fields the route names; a field holding a NUL, or a file where none is taken, is refused with 400.
 * The files and fields are then put on request.body, so routes validate one body with zod as for any form.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http/errors.ts';

/** Large enough for a scanned agenda report. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** A form's fields besides its file: a report written in the browser is the largest (500,000 characters). */
export const MAX_FIELD_BYTES = 2 * 1024 * 1024;
/** The whole form: one file and its fields. */
export const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 4 * MAX_FIELD_BYTES;

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The file inputs of a form posted as multipart/form-data; without it, a route refuses multipart bodies. */
    files?: readonly string[];
  }
}

/** Registers the multipart parser without reading any body: routes that take files read theirs with readMultipartForm. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES } });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !request.routeOptions.config.files) {
      throw new HttpError(415, 'unsupported_media_type', 'This form does not take files: send it as application/x-www-form-urlencoded');
    }
  });
}

const tooLarge = (what: string) => new HttpError(413, 'payload_too_large', what);
const sizeInMb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads a multipart form onto request.body: fields as strings (repeated names as arrays), each file input as an
 * UploadedFile, or null when left empty. `checkCsrf` gets the fields read before the first file (and all of them
 * when there is no file) and must throw to refuse the form.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  reply: FastifyReply,
  fileFields: readonly string[],
  checkCsrf: (fields: Record<string, unknown>) => void,
): Promise<void> {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_FORM_BYTES) throw tooLarge(`The form is ${sizeInMb(declared)}, over the ${sizeInMb(MAX_FORM_BYTES)} limit: choose a smaller file`);
  const fields: Record<string, unknown> = {};
  let csrfChecked = false;
  let total = 0;
  const add = (name: string, value: unknown) => {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  const count = (bytes: number) => {
    total += bytes;
    if (total > MAX_FORM_BYTES) throw tooLarge(`The form is over the ${sizeInMb(MAX_FORM_BYTES)} limit: choose a smaller file`);
  };
  try {
    const parts = request.parts({
      limits: {
        fieldNameSize: 200,
        fieldSize: MAX_FIELD_BYTES,
        fields: 200,
        files: fileFields.length,
        fileSize: MAX_UPLOAD_BYTES,
        parts: 200 + fileFields.length,
      },
    });
    for await (const part of parts) {
      if (part.fieldname.includes('\u0000')) throw new HttpError(400, 'bad_request', 'A field name contains a NUL character, which no field may hold');
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.valueTruncated) throw tooLarge(`${part.fieldname}: must be ${sizeInMb(MAX_FIELD_BYTES)} or less`);
        if (value.includes('\u0000')) throw new HttpError(400, 'bad_request', `${part.fieldname}: contains a NUL character, which no field may hold`);
        count(Buffer.byteLength(value));
        add(part.fieldname, value);
        continue;
      }
      if (!csrfChecked) {
        checkCsrf(fields);
        csrfChecked = true;
      }
      if (!fileFields.includes(part.fieldname)) throw new HttpError(400, 'bad_request', `${part.fieldname}: this form does not take a file there`);
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        count(chunk.length);
        chunks.push(chunk);
      }
      if (part.file.truncated) throw tooLarge(`${part.filename || part.fieldname} is over the ${sizeInMb(MAX_UPLOAD_BYTES)} limit for a file`);
      const data = Buffer.concat(chunks);
      // A file input left empty still sends a part with no name and no bytes: null stands for "no file chosen".
      add(part.fieldname, part.filename || data.length ? ({ filename: part.filename, mimetype: part.mimetype, data } satisfies UploadedFile) : null);
    }
  } catch (error) {
    // What was not read stays unread: the connection closes after the answer rather than take in the rest.
    reply.header('connection', 'close');
    throw multipartError(error);
  }
  if (!csrfChecked) checkCsrf(fields);
  request.body = fields;
}

/** busboy's and @fastify/multipart's errors as the client's fault, with a status and a message a person can act on. */
function multipartError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new HttpError(413, 'payload_too_large', 'The form has more fields or files than it can take');
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(`A file is over the ${sizeInMb(MAX_UPLOAD_BYTES)} limit for a file`);
  if (code === 'FST_PROTO_VIOLATION') return new HttpError(400, 'bad_request', 'The form could not be read: a field has a reserved name');
  if (
    error instanceof Error &&
    /^(?:Multipart: Boundary not found|Unexpected end of (?:form|file)|Malformed part header|Part terminated early)/.test(error.message)
  ) {
    return new HttpError(400, 'bad_request', `The form could not be read: ${error.message}`);
  }
  return error;
}

/** A zod schema for one uploaded file field that must be present. */
export const uploadedFile = z.custom<UploadedFile>(
  (value) =>
    typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data) && typeof (value as UploadedFile).filename === 'string',
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
