import { describe, expect, it } from 'vitest';
import { ReadError } from './read-error.ts';
import { decodeText, splitLines } from './text.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

describe('decodeText', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Café – £5')]), 'a.txt');
    expect(result).toEqual({ text: 'Café – £5', warnings: [] });
  });

  it('falls back to Windows-1252 with a warning when the bytes are not UTF-8', () => {
    // “Chairman’s report” costs £5 — as an old council word processor saved it.
    const input = bytes(0x93, ...ascii('Chairman'), 0x92, ...ascii('s report'), 0x94, ...ascii(' costs '), 0xa3, ...ascii('5 '), 0x96, ...ascii(' ok'));
    const result = decodeText(input, 'old.txt');
    expect(result.text).toBe('\u201CChairman\u2019s report\u201D costs £5 \u2013 ok');
    expect(result.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'Minutes – 12 May 2011\r\nItem 1';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le, 'le.txt')).toEqual({ text, warnings: [] });
    expect(decodeText(be, 'be.txt')).toEqual({ text, warnings: [] });
  });

  it('recognises UTF-16 LE that has lost its BOM instead of calling it binary', () => {
    const result = decodeText(Buffer.from('Agenda\nItem 1', 'utf16le'), 'nobom.txt');
    expect(result.text).toBe('Agenda\nItem 1');
    expect(result.warnings).toEqual(['no byte-order mark; decoded as UTF-16LE']);
  });

  it('refuses binary content and says where it starts', () => {
    const junk = bytes(...ascii('PK header'), 0x00, 0x13, 0xff, 0x00);
    expect(() => decodeText(junk, 'junk.txt')).toThrow(new ReadError('junk.txt', 'not a text document: binary content at byte 9'));
  });

  it('refuses random bytes with NULs', () => {
    let seed = 42;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    random[100] = 0;
    const error = (() => {
      try {
        decodeText(random, 'random.txt');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).reason).toMatch(/^not a text document: binary content at byte \d+$/);
  });

  it('refuses text full of control characters even without NULs', () => {
    const input = new Uint8Array(200).map((_, i) => (i % 10 === 5 ? 0x01 : 0x41));
    expect(() => decodeText(input, 'ctl.txt')).toThrow('ctl.txt: not a text document: binary content at byte 5');
  });

  it('tolerates a stray control character and drops a DOS end-of-file mark', () => {
    const input = bytes(...ascii('Page 1'), 0x0c, ...ascii('Page 2 \x1bx'), 0x1a);
    expect(decodeText(input, 'dos.txt').text).toBe('Page 1\fPage 2 \x1bx');
  });
});

describe('splitLines', () => {
  it('keeps one entry per source line whatever the line endings', () => {
    expect(splitLines('a\r\nb\rc\n\nd')).toEqual(['a', 'b', 'c', '', 'd']);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('\n\na')).toEqual(['', '', 'a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual([]);
  });

  it('turns no-break spaces into spaces and leaves everything else alone', () => {
    expect(splitLines('**10.00\u00A0am**\tTO NOTE ONLY\t')).toEqual(['**10.00 am**\tTO NOTE ONLY\t']);
  });
});
