import { ReadError } from './read-error.ts';

export interface DecodedText {
  text: string;
  warnings: string[];
}

const WINDOWS_1252_WARNING = 'not valid UTF-8; decoded as Windows-1252';

/**
 * Bytes that claim to be text -> a string. Handles the encodings council files actually come in:
 * UTF-8 (with or without BOM), UTF-16 with a BOM (Word's "Unicode text"), and Windows-1252 from
 * older systems. Throws a ReadError when the bytes are evidently not text at all, because decoding
 * junk "successfully" would only surface later as baffling extraction failures.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const warnings: string[] = [];

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', file, warnings);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', file, warnings);

  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  // DOS-era files end with a Ctrl-Z end-of-file mark, which is not part of the text.
  if (body[body.length - 1] === 0x1a) body = body.subarray(0, body.length - 1);

  // Only without a BOM: Notepad-style "Unicode" files sometimes lose it, and otherwise their NULs
  // would be reported as binary junk.
  if (!hasUtf8Bom) {
    const bomless = sniffBomlessUtf16(body);
    if (bomless) {
      warnings.push(`no byte-order mark; decoded as ${bomless === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}`);
      return decodeUtf16(body, bomless, file, warnings, 0);
    }
  }

  const junkAt = findBinaryContent(body);
  if (junkAt !== undefined) throw binaryError(file, junkAt + (hasUtf8Bom ? 3 : 0));

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = decodeWindows1252(body);
    warnings.push(WINDOWS_1252_WARNING);
  }
  return { text, warnings };
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has the curly quotes, dashes and
 * euro sign that old council documents are full of. Node 20's TextDecoder('windows-1252') decodes
 * those bytes as Latin-1 C1 controls (nodejs/node#56542), so that range is mapped here.
 * The five bytes Windows-1252 leaves undefined keep their C1 code points, as the WHATWG mapping does.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string, warnings: string[], bomLength = 2): DecodedText {
  const body = bytes.subarray(bomLength);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  const junkAt = findBinaryChar(text);
  if (junkAt !== undefined) throw binaryError(file, bomLength + junkAt * 2);
  if (body.length % 2 === 1) warnings.push('UTF-16 text has an odd number of bytes; the last byte was dropped');
  if (text.includes('\uFFFD')) warnings.push('UTF-16 text has invalid characters, shown as \uFFFD');
  return { text, warnings };
}

/**
 * Plain ASCII-range text in UTF-16 has a zero in every other byte; real UTF-8 or Windows-1252
 * text never has zeros at all, so the test cannot misfire on them.
 */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.9 && zeroEven <= pairs * 0.05) return 'utf-16le';
  if (zeroEven >= pairs * 0.9 && zeroOdd <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** C0 controls that never occur in text; TAB, LF, VT, FF and CR do, and ESC is left to the ratio. */
function isJunkControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/**
 * Offset of the first sign of binary content, or undefined for text. A NUL is decisive; other
 * control characters only when they are more than 1% of the bytes, since old files do carry the
 * odd stray one (DOS end-of-file marks, form feeds from word processors).
 */
export function findBinaryContent(bytes: Uint8Array): number | undefined {
  let firstControl: number | undefined;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return i;
    if (isJunkControl(b)) {
      controls++;
      firstControl ??= i;
    }
  }
  return isTooManyControls(controls, bytes.length) ? firstControl : undefined;
}

function findBinaryChar(text: string): number | undefined {
  let firstControl: number | undefined;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if (isJunkControl(c)) {
      controls++;
      firstControl ??= i;
    }
  }
  return isTooManyControls(controls, text.length) ? firstControl : undefined;
}

function isTooManyControls(controls: number, length: number): boolean {
  return controls >= 2 && controls > length * 0.01;
}

function binaryError(file: string, offset: number): ReadError {
  // Offsets are 0-based, as a hex editor shows them.
  return new ReadError(file, `not a text document: binary content at byte ${offset}`);
}

/**
 * Line endings and no-break spaces normalised; nothing else is touched, so the text keeps the
 * source's line structure and the extractors see what the author typed.
 */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u00A0\u202F]/g, ' ');
}

/**
 * Text -> lines, one per source line: a final line terminator ends the last line rather than
 * starting an empty one, as editors and `wc -l` count them.
 */
export function splitLines(text: string): string[] {
  const normalised = normaliseText(text);
  if (normalised === '') return [];
  const lines = normalised.split('\n');
  if (normalised.endsWith('\n')) lines.pop();
  return lines;
}
