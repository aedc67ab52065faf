import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ResolutionList, resolutionParts, resolutionWords } from './resolution-parts.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const labelOf = (style: 'a' | 'i' | '1', value: number) => (style === 'a' ? LETTERS[value - 1]! : style === 'i' ? ROMANS[value - 1]! : String(value));
const words = (text: string) => text.split(/\s+/).filter((word) => word && !/^[-–•]$/.test(word));
const allItems = (list: ResolutionList | undefined): ResolutionList['items'] => (list ? list.items.flatMap((item) => [item, ...allItems(item.parts)]) : []);

describe('a resolution’s lettered and numbered parts', () => {
  it('splits the shapes minutes print', () => {
    expect(resolutionParts('subject to the views of the Committee:-\n(a) the plan be approved; and - (b) the fee be approved.')).toEqual({
      lead: 'subject to the views of the Committee:-',
      list: {
        style: 'a',
        start: 1,
        items: [
          { marker: '(a)', value: 1, text: 'the plan be approved; and' },
          { marker: '(b)', value: 2, text: 'the fee be approved.' },
        ],
      },
    });
    // Roman parts with lettered ones under the second; "(iii)" closes the inner list.
    const nested = resolutionParts(
      '(i) the board be disbanded, and - (ii) the Council approves the:\n - (a) first panel;\n - (b) second panel; and - (c) third panel.\n- (iii) the Member be asked.',
    );
    expect(nested.lead).toBe('');
    expect(nested.list?.style).toBe('i');
    expect(nested.list?.items.map((item) => item.marker)).toEqual(['(i)', '(ii)', '(iii)']);
    expect(nested.list?.items[1]?.parts?.items.map((item) => [item.marker, item.text])).toEqual([
      ['(a)', 'first panel;'],
      ['(b)', 'second panel; and'],
      ['(c)', 'third panel.'],
    ]);
    // "(i)" after "(h)" is a letter, not a Roman one.
    const long = resolutionParts(
      LETTERS.slice(0, 10)
        .split('')
        .map((letter) => `(${letter}) part ${letter};`)
        .join('\n'),
    );
    expect(long.list?.style).toBe('a');
    expect(long.list?.items).toHaveLength(10);
    expect(resolutionParts('to:- (a) note the advice; and - (b) agree it.').list?.items.map((item) => item.text)).toEqual([
      'note the advice; and',
      'agree it.',
    ]);
    expect(resolutionParts('that:\n1. the report be noted;\n2. the plan be agreed.').list).toMatchObject({ style: '1', start: 1 });
    expect(resolutionParts('that:\n(c) the third;\n(d) the fourth.').list).toMatchObject({ style: 'a', start: 3 });
  });

  it('keeps a reference to another paragraph, and a lone part, as text', () => {
    expect(resolutionParts('subject to (2) above, the forward work programme be agreed.')).toEqual({
      lead: 'subject to (2) above, the forward work programme be agreed.',
    });
    expect(resolutionParts('that:\n- (a) the report be noted.')).toEqual({ lead: 'that: (a) the report be noted.' });
    expect(resolutionParts('the plan (see (a) and (b) of the report) be agreed.').list).toBeUndefined();
  });

  it('reads back every generated list, whatever the bullets and line breaks', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(
        fc.constantFrom<'a' | 'i' | '1'>('a', 'i', '1'),
        fc.option(text, { nil: undefined }),
        fc.array(fc.tuple(text, fc.constantFrom('\n', '\n- ', '\n\n', ' - ', ' ')), { minLength: 2, maxLength: 9 }),
        (style, lead, parts) => {
          const printed = parts.map(([words], index) => `(${labelOf(style, index + 1)}) ${words}${index === parts.length - 1 ? '.' : ';'}`);
          let source = lead === undefined ? '' : `${lead}:-\n`;
          printed.forEach((part, index) => {
            source += index === 0 ? part : `${parts[index]![1]}${part}`;
          });
          const layout = resolutionParts(source);
          expect(layout.lead).toBe(lead === undefined ? '' : `${lead}:-`);
          expect(layout.list?.style).toBe(style);
          expect(layout.list?.items.map((item) => `${item.marker} ${item.text}`)).toEqual(printed);
        },
      ),
    );
  });

  it('never loses or adds a word, only bullet dashes in front of markers', () => {
    const token = fc.constantFrom(
      '(a)',
      '(b)',
      '(c)',
      '(i)',
      '(ii)',
      '(iii)',
      '(1)',
      '(2)',
      '1.',
      '2.',
      'b)',
      '-',
      '–',
      'word',
      'the',
      'and',
      ';',
      ':-',
      'and;',
      'fee;',
      'to:',
      '(2)x',
    );
    const space = fc.constantFrom(' ', '\n', '\n\n', '  ', '\n - ');
    fc.assert(
      fc.property(fc.array(fc.tuple(token, space), { maxLength: 40 }), (pieces) => {
        const source = pieces.map(([piece, gap]) => piece + gap).join('');
        const layout = resolutionParts(source);
        expect(resolutionWords(layout)).toEqual(words(source));
        // No bullet dash is left in front of a marker, in the lead or in a part.
        for (const text of [layout.lead, ...allItems(layout.list).map((item) => item.text)]) expect(text).not.toMatch(/(^|\s)[-–•]\s+\(?[a-z0-9]{1,4}\)\s/i);
      }),
    );
  });

  it('splits every resolution of the seed papers that announces its parts', () => {
    // A "Resolved ...:" line followed by lines that each start with a marker, as the papers print them.
    let found = 0;
    for (const file of fs.readdirSync(seedsDir)) {
      const lines = fs.readFileSync(path.join(seedsDir, file), 'utf8').split(/\r?\n/);
      lines.forEach((line, index) => {
        if (!/^(\(\d+\)\s+)?resolved\b.*:-?\s*$/i.test(line.trim())) return;
        const parts: string[] = [];
        for (let next = index + 1; next < lines.length; next += 1) {
          const text = lines[next]!.trim();
          if (!text) continue;
          if (!/^([-–•]\s+)?\(?[a-z0-9]{1,4}\)\s/i.test(text)) break;
          parts.push(text);
        }
        if (parts.length < 2) return;
        found += 1;
        const source = [line.replace(/^\s*\(\d+\)\s+/, ''), ...parts].join('\n');
        const layout = resolutionParts(source);
        expect(layout.list, `${file}:${index + 1}`).toBeDefined();
        expect(allItems(layout.list), `${file}:${index + 1}`).toHaveLength(parts.length);
        expect(resolutionWords(layout)).toEqual(words(source));
        // No stray bullet dash: none left in front of a marker, nor ending a part.
        for (const item of allItems(layout.list)) expect(item.text, `${file}:${index + 1}`).not.toMatch(/(^|\s)[-–•](\s+\(?[a-z0-9]{1,4}\)\s|$)/i);
      });
    }
    expect(found).toBeGreaterThanOrEqual(8);
  });
});
