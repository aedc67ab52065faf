/**
 * The message catalogues: every English key has its Welsh (the test names the missing ones), no Welsh key is
 * stray, every key a template or presenter asks for exists, placeholders agree, and Welsh plurals take all six forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, catalogueHas, formatNumber, translatorFor } from './index.ts';
import { withLanguage } from '../../http/language.ts';
import { t } from './index.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a catalogue, dotted: "nav.meetings", "meetings.count_one". */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [inner, text] of leaves(value as Record<string, unknown>, name)) out.set(inner, text);
  }
  return out;
}

/** A key without its plural suffix: what t() is called with. */
const baseOf = (key: string) => key.replace(PLURAL_SUFFIX, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const english = leaves(CATALOGUES.en);
const welsh = leaves(CATALOGUES.cy);
const englishBases = new Set([...english.keys()].map(baseOf));
const welshBases = new Set([...welsh.keys()].map(baseOf));

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(njk|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the message catalogues', () => {
  it('every English key has a Welsh translation', () => {
    const missing = [...englishBases].filter((key) => !welshBases.has(key));
    expect(missing, `missing from cy.json: ${missing.join(', ')}`).toEqual([]);
  });

  it('Welsh holds no key English lacks (a typo would never be shown)', () => {
    const stray = [...welshBases].filter((key) => !englishBases.has(key));
    expect(stray).toEqual([]);
  });

  it('a translation has the same placeholders as its English', () => {
    for (const [key, text] of welsh) {
      const base = baseOf(key);
      const englishText = english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
      expect(englishText, key).toBeDefined();
      // A plural form may leave the number out of words (Welsh "un cyfarfod"), so it may have fewer, never others.
      for (const name of placeholders(text)) expect(placeholders(englishText!), `${key}: {{${name}}}`).toContain(name);
    }
  });

  it('every key the templates and presenters ask for exists in English', () => {
    const asked = new Set<string>();
    for (const file of sourceFiles(webDir)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*["']([a-zA-Z][\w.]*)["']/g)) asked.add(match[1]!);
    }
    expect(asked.size).toBeGreaterThan(50);
    // A key built at run time ("weekdays." + day) must at least name a group English has.
    const unknown = [...asked].filter((key) => (key.endsWith('.') ? ![...englishBases].some((known) => known.startsWith(key)) : !englishBases.has(key)));
    expect(unknown, `not in en.json: ${unknown.join(', ')}`).toEqual([]);
  });

  it('a Welsh plural has all six CLDR forms, chosen by the number', () => {
    const plurals = [...welshBases].filter((base) => welsh.has(`${base}_other`));
    expect(plurals.length).toBeGreaterThan(3);
    for (const base of plurals) {
      for (const form of new Intl.PluralRules('cy').resolvedOptions().pluralCategories) expect(welsh.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    }
    const cy = translatorFor('cy');
    const meetings = (count: number) => cy('meetings.count', { count, formatted: formatNumber(count, 'cy') });
    expect([0, 1, 2, 3, 6, 7].map(meetings)).toEqual(['0 cyfarfod', '1 cyfarfod', '2 gyfarfod', '3 chyfarfod', '6 chyfarfod', '7 cyfarfod']);
    const en = translatorFor('en');
    expect([1, 2, 1234].map((count) => en('meetings.count', { count, formatted: formatNumber(count, 'en') }))).toEqual([
      '1 meeting',
      '2 meetings',
      '1,234 meetings',
    ]);
  });

  it('falls back to English for a key Welsh lacks, and never shows a raw key for a known one', () => {
    expect(catalogueHas('cy', 'nav.meetings')).toBe(true);
    expect(translatorFor('cy')('nav.meetings')).toBe('Cyfarfodydd');
    // i18next's fallback: a key only English has is shown in English.
    const onlyEnglish = [...englishBases].find((key) => !catalogueHas('cy', key));
    if (onlyEnglish) expect(translatorFor('cy')(onlyEnglish)).toBe(translatorFor('en')(onlyEnglish));
  });

  it('t() uses the language of the request being served', () => {
    expect(t('nav.search')).toBe('Search');
    expect(withLanguage('cy', () => t('nav.search'))).toBe('Chwilio');
  });
});
