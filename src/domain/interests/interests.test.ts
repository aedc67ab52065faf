import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../forward-plan/clear-days.ts';
import { INTEREST_CATEGORIES, WITHHELD_WORDING } from './categories.ts';
import { formatPounds, isLate } from './gifts.ts';
import { byCategory, publicEntry } from './public-register.ts';
import { reviewDue } from './review.ts';

describe('the public register', () => {
  it('withholds a sensitive interest’s details with the statutory wording and never says whose an interest is', () => {
    fc.assert(
      // Each description carries a marker found nowhere in the statutory wording, so "not shown" can be checked.
      fc.property(
        fc.constantFrom(...INTEREST_CATEGORIES),
        fc.string().map((text) => `SECRET#${text}`),
        fc.boolean(),
        fc.boolean(),
        (category, description, spousePartner, sensitive) => {
          const shown = publicEntry({ entryKey: 'k', category, description, spousePartner, sensitive, registeredOn: '2026-01-01' });
          expect(Object.keys(shown)).not.toContain('spousePartner');
          if (sensitive) {
            expect(shown.description).toBe(WITHHELD_WORDING);
            expect(JSON.stringify(shown)).not.toContain('SECRET#');
          } else expect(shown.description).toBe(description);
        },
      ),
    );
  });

  it('lists every category in the order of the regulations, empty ones included', () => {
    const sections = byCategory([{ category: 'land' as const }]);
    expect(sections.map((s) => s.category)).toEqual([...INTEREST_CATEGORIES]);
    expect(sections.find((s) => s.category === 'land')!.entries).toHaveLength(1);
  });
});

describe('gifts and hospitality', () => {
  it('are late when registered more than 28 days after receipt', () => {
    expect(isLate('2026-01-01', '2026-01-29')).toBe(false);
    expect(isLate('2026-01-01', '2026-01-30')).toBe(true);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 90 }),
        (n, gap) => isLate(addDays('2015-01-01', n), addDays('2015-01-01', n + gap)) === gap > 28,
      ),
    );
  });

  it('show values in pounds', () => {
    expect(formatPounds(5000)).toBe('£50');
    expect(formatPounds(12345)).toBe('£123.45');
  });
});

describe('review', () => {
  it('is due when nothing was published or the latest version is older than the review period', () => {
    expect(reviewDue(null, '2026-12-07', 12)).toBe(true);
    expect(reviewDue('2025-12-07', '2026-12-07', 12)).toBe(false);
    expect(reviewDue('2025-12-06', '2026-12-07', 12)).toBe(true);
    expect(reviewDue('2026-02-28', '2026-03-31', 1)).toBe(false);
  });
});
