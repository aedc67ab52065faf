/**
 * What the server says about itself and how it answers the unusual: /healthz says only that it is healthy; every
 * error, including those Fastify and Node answer before any route (414 URI too long, 431 headers too large, a
 * malformed request), comes in the standard error shape, as HTML or JSON as asked; the original of a report is
 * revalidated on every use, so no cache keeps serving it after the report stops being public.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaItemEditor, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { readReportUpload } from '../../src/services/committee/report-upload.ts';
import { linkTo } from '../../src/http/routes.ts';
import { makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { listAgendaItemRows, findAgendaItemRow } from '../../src/db/records/agenda-items.ts';

const AUTHORITY = 'Kent County Council';
const JSON_ACCEPT = { accept: 'application/json' };
const HTML_ACCEPT = { accept: 'text/html,application/xhtml+xml' };

/** One raw HTTP exchange with the listening server: what a client that sends odd bytes gets back. */
function rawRequest(port: number, head: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = new net.Socket();
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status, contentType: /^content-type:\s*(.+)$/im.exec(headers)?.[1] ?? '', body: rest.join('\r\n\r\n') });
    });
    socket.connect(port, '127.0.0.1', () => socket.end(head));
  });
}

function oversizedHeaders(port: number, accept: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ port, host: '127.0.0.1', path: '/', headers: { accept, 'x-padding': 'y'.repeat(20_000) } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, contentType: String(response.headers['content-type']), body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe.skipIf(databaseUnavailable)('the HTTP surface', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port: number;
  let officer: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    officer = { id: 'account-test', email: 'officer@kent.example', name: 'Officer', roles: ['democratic-services'], personId: null };
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('/healthz says it is healthy and nothing about what it runs on', async () => {
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.body).not.toMatch(/pglite|postgres/i);
  });

  it('answers a path parameter too long with 414 in the standard shape, HTML or JSON as asked', async () => {
    const url = `/reports/${'a'.repeat(5_000)}`;
    const json = await app.inject({ url, headers: JSON_ACCEPT });
    expect(json.statusCode).toBe(414);
    expect(json.json()).toEqual({ error: { id: 'uri_too_long', status: 414, message: expect.stringMatching(/too long/) } });
    const page = await app.inject({ url, headers: HTML_ACCEPT });
    expect(page.statusCode).toBe(414);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('govuk-heading-l');
    expect(page.body).not.toContain('FST_ERR');
  });

  it('answers headers too large with 431 in the standard shape, HTML or JSON as asked', async () => {
    const json = await oversizedHeaders(port, 'application/json');
    expect(json.status).toBe(431);
    expect(json.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(json.body)).toEqual({ error: { id: 'headers_too_large', status: 431, message: expect.stringMatching(/headers/) } });
    const page = await oversizedHeaders(port, 'text/html');
    expect(page.status).toBe(431);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('govuk-heading-l');
  });

  it('answers a request it cannot parse with 400 in the standard shape', async () => {
    const answer = await rawRequest(port, 'GET /\u0001 HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { id: 'bad_request', status: 400, message: expect.any(String) } });
  });

  it('revalidates the original of a report on every use, and stops serving it once the report is exempt', async () => {
    const body = await bodyCreator({ database, actor: officer, authorityName: AUTHORITY, name: 'Education Committee', kind: 'committee' });
    const meeting = await meetingScheduler({
      database,
      actor: officer,
      bodyId: body.id,
      date: '2029-09-19',
      startTime: '10:00',
      location: 'Darent Room',
      kind: 'ordinary',
    });
    const bytes = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'Review of school transport in every district.' })] }] })),
    );
    const read = await readReportUpload({ filename: 'transport.docx', data: bytes });
    if (!('upload' in read)) throw new Error(read.problem);
    await agendaItemAdder({
      database,
      actor: officer,
      meetingId: meeting.id,
      authorityName: AUTHORITY,
      title: 'School transport',
      exempt: false,
      exemptParagraphs: [],
      reportFile: read.upload,
    });
    await agendaPublisher({ database, actor: officer, meetingId: meeting.id, today: '2029-09-03', jurisdiction: 'england-and-wales', confirmLate: true });
    const item = (await listAgendaItemRows(database.db, meeting.id))[0]!;

    const url = linkTo('report.original', { id: item.report_id! });
    const first = await app.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toMatch(/\bno-cache\b/);
    expect(first.headers['cache-control']).not.toMatch(/max-age=[1-9]/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    const current = (await findAgendaItemRow(database.db, item.id))!;
    await agendaItemEditor({ database, actor: officer, id: item.id, version: current.version, title: 'School transport', exempt: true, exemptParagraphs: [3] });
    const afterwards = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(afterwards.statusCode).toBe(404);
  });
});
