import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, optionalUploadedFile, readMultipartForm, registerUploads, uploadedFile } from '../../src/web/shared/uploads.ts';

describe('file uploads on forms', () => {
  const app = Fastify();
  beforeAll(async () => {
    await registerUploads(app);
    app.post(
      '/upload',
      { config: { files: ['file'] }, preHandler: (request, reply) => readMultipartForm(request, reply, ['file'], () => undefined) },
      async (request) => {
        const body = request.body as Record<string, unknown>;
        const parsed = optionalUploadedFile.safeParse(body.file);
        return {
          title: body.title,
          file:
            parsed.success && parsed.data ? { filename: parsed.data.filename, mimetype: parsed.data.mimetype, text: parsed.data.data.toString('utf8') } : null,
          error: parsed.success ? null : parsed.error.issues[0]?.message,
        };
      },
    );
    app.post('/no-files', async () => 'read');
    await app.ready();
  });
  afterAll(() => app.close());

  it('puts the file beside the ordinary fields on the body', async () => {
    const form = new FormData();
    form.append('title', 'Budget report');
    form.append('file', new Blob(['line one\nline two'], { type: 'text/csv' }), 'figures.csv');
    const response = await app.inject({ method: 'POST', url: '/upload', payload: form });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      title: 'Budget report',
      file: { filename: 'figures.csv', mimetype: 'text/csv', text: 'line one\nline two' },
      error: null,
    });
  });

  it('treats a file input left empty as no file', async () => {
    const form = new FormData();
    form.append('title', 'No file');
    form.append('file', new Blob([], { type: 'application/octet-stream' }), '');
    const response = await app.inject({ method: 'POST', url: '/upload', payload: form });
    expect(response.json()).toMatchObject({ title: 'No file', file: null, error: null });
  });

  it('refuses a file over the limit with 413', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(MAX_UPLOAD_BYTES + 1)]), 'huge.pdf');
    const response = await app.inject({ method: 'POST', url: '/upload', payload: form });
    expect(response.statusCode).toBe(413);
  });

  it('refuses a multipart body on a route that takes no files, without reading it', async () => {
    const form = new FormData();
    form.append('title', 'x');
    const response = await app.inject({ method: 'POST', url: '/no-files', payload: form });
    expect(response.statusCode).toBe(415);
  });

  it('says what is missing when a required file is not chosen', () => {
    const result = uploadedFile.safeParse(null);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Choose a file to upload');
  });
});
