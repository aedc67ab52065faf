/**
 * Multipart bodies are read only on routes that take files, after the role and CSRF checks: an anonymous client, a
 * client without the form's token, or any client posting files to a route that takes none is answered before its
 * body is read (tested over a real socket with a body that never finishes arriving). A NUL in a multipart field is a
 * 400 naming the field, never a 500.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo } from '../../src/http/routes.ts';
import { type Client, csrfFrom, makeApp } from '../admin/support.ts';
import { officerWithMeeting } from './support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

/**
 * Starts a multipart POST declaring a 100 MB body, sends its first part and some file bytes, and resolves with the
 * status line as soon as the server answers: a server that buffered the body would still be waiting for the rest.
 */
function answerBeforeBody(port: number, path: string, cookie: string, firstField: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const boundary = 'quorumboundary';
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${firstField}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="reportFile"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      socket.write(Buffer.alloc(64 * 1024, 0x41));
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer while the body was still arriving'));
    }, 10_000);
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1]));
    });
    socket.on('error', () => undefined);
  });
}

describe.skipIf(databaseUnavailable)('multipart bodies', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port: number;
  let officer: Client;
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    ({ officer, meetingId } = await officerWithMeeting(database, app, 'Upload Committee'));
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('answers an anonymous upload, a forged one, and one to a route taking no files before reading the body', async () => {
    const upload = linkTo('admin.meeting.agendaItems', { id: meetingId });
    // Anonymous: sent to sign in.
    expect(await answerBeforeBody(port, upload, '', 'no-token')).toBe(303);
    // Signed in, but without the form's token: refused at the first file part.
    const cookie = [...officer.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    expect(await answerBeforeBody(port, upload, cookie, 'forged-token')).toBe(403);
    // A route that takes no files never reads a multipart body.
    expect(await answerBeforeBody(port, '/sign-in', '', 'x')).toBe(415);
  });

  it('refuses a NUL in a multipart field with a 400 naming the field', async () => {
    const page = await officer.get(linkTo('admin.meeting', { id: meetingId }));
    const response = await officer.postMultipart(
      linkTo('admin.meeting.agendaItems', { id: meetingId }),
      { title: 'Budget\u0000report' },
      {},
      { csrf: csrfFrom(page.body) },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('title: contains a NUL character');
    expect((await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute()).length).toBe(0);
  });
});
