import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyTextValue } from './table-data.ts';

/** COPY's text-format reading of one field (PostgreSQL docs, COPY, "Text Format"), for the escapes copyTextValue writes. */
function readCopyField(field: string): string | null {
  if (field === '\\N') return null;
  return field.replace(/\\(.)/gs, (_, ch: string) => ({ n: '\n', r: '\r', t: '\t' })[ch] ?? ch);
}

describe('copyTextValue', () => {
  it('reads back as the same value, and never holds a raw tab, newline or carriage return', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: fc.constantFrom('a', '\\', '\t', '\n', '\r', 'N', '.', 'é', '𝄞') })), (value) => {
        const field = copyTextValue(value);
        expect(field).not.toMatch(/[\t\n\r]/);
        expect(readCopyField(field)).toBe(value);
      }),
    );
  });

  it('writes NULL as \\N and a text that reads \\N so it is not NULL', () => {
    expect(copyTextValue(null)).toBe('\\N');
    expect(copyTextValue('\\N')).toBe('\\\\N');
    expect(copyTextValue('\\.')).toBe('\\\\.');
  });
});
