import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HONORIFICS, spellableWords, withCorrections, withoutHonorifics } from './query-words.ts';

describe('withoutHonorifics', () => {
  it.each([
    ['Councillor Carter', 'Carter'],
    ['Cllr Vye', 'Vye'],
    ['cllr. vye', 'vye'],
    ['Mr Vye', 'Vye'],
    ['Mr M J Vye', 'M J Vye'],
    ['County Councillor Martin Vye', 'Martin Vye'],
    ['Dr. Lord Smith budget', 'Smith budget'],
    ['Councillor', 'Councillor'],
    ['councillor allowances', 'allowances'],
    ['"Mr Vye" said', '"Mr Vye" said'],
    ['budget -Cllr', 'budget -Cllr'],
    ['school transport', 'school transport'],
  ])('%s -> %s', (input, expected) => {
    expect(withoutHonorifics(input)).toBe(expected);
  });

  const word = fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => !HONORIFICS.has(w) && w !== 'county');
  const honorific = fc.constantFrom(...HONORIFICS, 'Cllr.', 'Mr.', 'COUNCILLOR');

  it('keeps every word that is not an honorific, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, honorific), { minLength: 1, maxLength: 8 }), (tokens) => {
        const kept = withoutHonorifics(tokens.join(' ')).split(' ');
        const names = tokens.filter((t) => !HONORIFICS.has(t.toLowerCase().replace(/\.$/, '')));
        expect(kept.filter((t) => !HONORIFICS.has(t.toLowerCase().replace(/\.$/, '')))).toEqual(names);
      }),
    );
  });

  it('never leaves a query empty and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, honorific), { minLength: 1, maxLength: 8 }), (tokens) => {
        const once = withoutHonorifics(tokens.join(' '));
        expect(once.length).toBeGreaterThan(0);
        expect(withoutHonorifics(once)).toBe(once);
      }),
    );
  });

  it('an honorific followed by a name is gone', () => {
    fc.assert(
      fc.property(honorific, word, (title, name) => {
        expect(withoutHonorifics(`${title} ${name}`)).toBe(name);
      }),
    );
  });
});

describe('spellableWords and withCorrections', () => {
  it('takes words outside quotes and exclusions', () => {
    expect(spellableWords('budjet "school transprot" -libary or hihgways a1')).toEqual(['budjet', 'hihgways']);
  });
  it('puts corrections in place, whole words only', () => {
    expect(
      withCorrections(
        'Budjet for hihgways',
        new Map([
          ['budjet', 'budget'],
          ['hihgways', 'highways'],
        ]),
      ),
    ).toBe('budget for highways');
  });
});
