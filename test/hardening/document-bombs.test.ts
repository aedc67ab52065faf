/**
 * Files built to exhaust the reader, made here: a DOCX whose document.xml inflates to 300 MB (declared honestly, and
 * declared as 1 KB), and a PDF whose one small stream inflates to 300 MB of drawing operators. Each is refused with a
 * clear reason by the reader `quorum import` and the upload form share, nothing is stored, and the server answers
 * other requests while it reads.
 */
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument, ReadError } from '../../src/import/read/index.ts';
import { linkTo } from '../../src/http/routes.ts';
import { type Client, csrfFrom, makeApp } from '../admin/support.ts';
import { officerWithMeeting } from './support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const MB = 1024 * 1024;

/** `megabytes` of `unit` repeated, deflated as one stream (raw for ZIP, zlib-wrapped for PDF), without holding it all. */
async function deflated(unit: string, megabytes: number, raw: boolean): Promise<{ data: Buffer; size: number }> {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MB / unit.length))).subarray(0, MB);
  const stream = raw ? zlib.createDeflateRaw({ level: 9 }) : zlib.createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  stream.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => stream.on('end', resolve));
  for (let i = 0; i < megabytes; i++) if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
  stream.end();
  await done;
  return { data: Buffer.concat(parts), size: megabytes * MB };
}

/** A ZIP of one deflated entry, word/document.xml, declaring `declaredSize` as its size. */
function zipOf(entry: { data: Buffer; size: number }, declaredSize = entry.size): Uint8Array<ArrayBuffer> {
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 14); // CRC-32: not what is being tested
  local.writeUInt32LE(entry.data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(entry.data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + entry.data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, entry.data, central, name, end]));
}

/** A one-page PDF whose content stream is `stream` (FlateDecode), with a cross-reference table at the right offsets. */
function pdfOf(stream: Buffer): Uint8Array<ArrayBuffer> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  for (const [index, body] of objects.entries()) {
    offsets.push(length);
    const part =
      body === null
        ? Buffer.concat([
            Buffer.from(`${index + 1} 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
            stream,
            Buffer.from('\nendstream\nendobj\n'),
          ])
        : Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`);
    chunks.push(part);
    length += part.length;
  }
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

const PARAGRAPH = '<w:p><w:r><w:t>All work and no play.</w:t></w:r></w:p>';
const DRAWING = 'BT /F1 12 Tf 72 720 Td (All work and no play) Tj ET\n';

let docxBomb: Uint8Array<ArrayBuffer>;
let lyingDocxBomb: Uint8Array<ArrayBuffer>;
let pdfBomb: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  const xml = await deflated(PARAGRAPH, 300, true);
  docxBomb = zipOf(xml);
  lyingDocxBomb = zipOf(xml, 1024);
  pdfBomb = pdfOf((await deflated(DRAWING, 300, false)).data);
}, 120_000);

describe('the reader of imported and uploaded papers', () => {
  it('refuses a DOCX whose part would inflate to hundreds of MB, before inflating it', async () => {
    expect(docxBomb.byteLength).toBeLessThan(2 * MB);
    const started = Date.now();
    const refusal = await readDocument({ name: 'bomb.docx', bytes: docxBomb }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ReadError);
    expect((refusal as ReadError).reason).toMatch(/^DOCX refused: word\/document\.xml would expand/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a DOCX whose part is far longer than the archive declares', async () => {
    const refusal = await readDocument({ name: 'liar.docx', bytes: lyingDocxBomb }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ReadError);
    expect((refusal as ReadError).reason).toMatch(/^DOCX refused: word\/document\.xml is not what the archive says it is/);
  });

  it('refuses a PDF whose stream inflates to hundreds of MB, within its memory and time limits, and reads the next file', async () => {
    expect(pdfBomb.byteLength).toBeLessThan(2 * MB);
    const refusal = await readDocument({ name: 'bomb.pdf', bytes: pdfBomb }, { isolation: { memoryMb: 128, timeMsFor: () => 20_000 } }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ReadError);
    expect((refusal as ReadError).reason).toMatch(
      /^PDF refused: (it needs more than 128 MB of memory|it stopped the reader, needing more than 128 MB|reading it took longer than 20 seconds)/,
    );
    // The reader is fresh for the next file.
    const small = pdfOf(zlib.deflateSync(Buffer.from('BT /F1 12 Tf 72 720 Td (Minutes of the meeting) Tj ET\n')));
    expect((await readDocument({ name: 'small.pdf', bytes: small })).lines).toContain('Minutes of the meeting');
  }, 120_000);
});

describe.skipIf(databaseUnavailable)('a bomb uploaded as a report', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    ({ officer, meetingId } = await officerWithMeeting(database, app, 'Bomb Committee'));
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('is refused on its field with nothing stored, while the server goes on answering', async () => {
    const counts = async () => ({
      items: (await database.db.selectFrom('agenda_item').select('id').execute()).length,
      files: (await database.db.selectFrom('stored_file').select('sha256').execute()).length,
    });
    const before = await counts();
    for (const [filename, content] of [
      ['bomb.pdf', pdfBomb],
      ['bomb.docx', docxBomb],
    ] as const) {
      const page = await officer.get(linkTo('admin.meeting', { id: meetingId }));
      let done = false;
      const upload = officer
        .postMultipart(
          linkTo('admin.meeting.agendaItems', { id: meetingId }),
          { title: 'Innocent report' },
          { reportFile: { filename, content } },
          { csrf: csrfFrom(page.body) },
        )
        .finally(() => (done = true));
      // While the bomb is read, other requests are answered at once.
      let answeredWhileReading = 0;
      while (!done) {
        const started = Date.now();
        expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
        if (!done) {
          expect(Date.now() - started).toBeLessThan(2_000);
          answeredWhileReading++;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const response = await upload;
      expect(response.statusCode, filename).toBe(400);
      expect(response.body).toContain(`${filename} could not be read: ${filename.endsWith('pdf') ? 'PDF' : 'DOCX'} refused`);
      expect(response.body).toContain('href="#agenda-reportFile"');
      if (filename.endsWith('pdf')) expect(answeredWhileReading).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
  }, 300_000);
});
