import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument, ReadError } from './index.ts';

const SEEDS = '/work/shared/seeds';

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readDocument', () => {
  it('refuses an empty file', async () => {
    const error = await readError(readDocument({ name: 'empty.txt', bytes: new Uint8Array(0) }));
    expect(error).toMatchObject({ file: 'empty.txt', reason: 'file is empty', message: 'empty.txt: file is empty' });
  });

  it('refuses a file over the size limit before looking at its content', async () => {
    // Junk that would fail as binary if it were decoded: the size error must come first.
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    const error = await readError(readDocument({ name: 'huge.txt', bytes: big }));
    expect(error.message).toBe('huge.txt: file is 50.1 MB, over the 50 MB limit');
  });

  it('applies a smaller limit when given one', async () => {
    const error = await readError(readDocument({ name: 'a.txt', bytes: utf8('x'.repeat(3000)) }, { maxBytes: 1000 }));
    expect(error.reason).toBe('file is 3 KB, over the 1000 bytes limit');
  });

  it('refuses unsupported file types', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await readError(readDocument({ name: 'logo.PNG', bytes: png }));
    expect(error.message).toBe('logo.PNG: unsupported file type .png; supported: .txt, .md, .html, .pdf, .docx, .json');
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml')]);
    expect((await readError(readDocument({ name: 'budget.xlsx', bytes: xlsx }))).reason).toMatch(/^unsupported file type \.xlsx;/);
    expect((await readError(readDocument({ name: 'setup.exe', bytes: utf8('MZ') }))).reason).toMatch(/^unsupported file type \.exe;/);
  });

  it('refuses binary junk that claims to be text', async () => {
    const junk = new Uint8Array([0x41, 0x42, 0x00, 0x07, 0xff, 0xfe, 0x00]);
    const error = await readError(readDocument({ name: 'notes.txt', bytes: junk }));
    expect(error.message).toBe('notes.txt: not a text document: binary content at byte 2');
  });

  it('reads Markdown and text as they are, with warnings from decoding', async () => {
    const md = await readDocument({ name: 'paper.md', bytes: utf8('# Title\r\n\r\nat **10.00 am**\r\n') });
    expect(md).toEqual({ name: 'paper.md', format: 'markdown', lines: ['# Title', '', 'at **10.00 am**'], warnings: [] });
    const old = await readDocument({ name: 'old.txt', bytes: new Uint8Array([0xa3, 0x35, 0x0d, 0x0a, 0x93, 0x78, 0x94]) });
    expect(old).toEqual({ name: 'old.txt', format: 'text', lines: ['£5', '\u201Cx\u201D'], warnings: ['not valid UTF-8; decoded as Windows-1252'] });
  });

  it('reads UTF-16 files with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Agenda\r\n1. Apologies', 'utf16le')]);
    expect((await readDocument({ name: 'agenda.txt', bytes })).lines).toEqual(['Agenda', '1. Apologies']);
  });

  it('reads JSON export files as text', async () => {
    const result = await readDocument({ name: 'export.json', bytes: utf8('{\n  "a": 1\n}\n') });
    expect(result).toMatchObject({ format: 'json', lines: ['{', '  "a": 1', '}'] });
  });

  it('reads HTML by its content even with a .txt name, and HTML fragments by extension', async () => {
    const doc = await readDocument({ name: 'saved.txt', bytes: utf8('\uFEFF<!DOCTYPE html><html><body><p>Hello &amp; welcome</p></body></html>') });
    expect(doc).toMatchObject({ format: 'html', lines: ['Hello & welcome'] });
    const fragment = await readDocument({
      name: 'table.htm',
      bytes: utf8('<table><tr><th>Item</th><th>Status</th></tr><tr><td><p>Budget</p></td><td>PENDING</td></tr></table>'),
    });
    expect(fragment).toMatchObject({ format: 'html', lines: ['Item\tStatus', 'Budget\tPENDING'] });
  });

  it('leaves text that merely contains HTML tags as text', async () => {
    const result = await readDocument({ name: 'seed.txt', bytes: utf8('<p>1.3 Outcome</p>\t\t\n1.3\t1.3.1 Produce') });
    expect(result).toMatchObject({ format: 'text', lines: ['<p>1.3 Outcome</p>\t\t', '1.3\t1.3.1 Produce'] });
  });

  const seeds = fs.existsSync(SEEDS) ? fs.readdirSync(SEEDS).filter((file) => file.endsWith('.txt')) : [];
  it.skipIf(seeds.length === 0).each(seeds)('reads seed %s line for line', async (file) => {
    const bytes = fs.readFileSync(path.join(SEEDS, file));
    const source = bytes.toString('utf8');
    const expected = source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const result = await readDocument({ name: file, bytes });
    expect(result.format).toBe('text');
    expect(result.warnings).toEqual([]);
    expect(result.lines.length).toBe(expected.length);
    expect(result.lines).toEqual(expected.map((line) => line.replace(/\u00A0/g, ' ')));
  });
});
