import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { londonDateOf } from '../dates.ts';
import { supplementsOf } from './supplements.ts';

const published = new Date('2011-10-01T09:00:00Z');
const item = (number: string, iso: string) => ({ number, addedAt: new Date(iso) });

describe('supplementary packs', () => {
  it('are the items added after publication, one pack per London day, numbered in order', () => {
    const packs = supplementsOf(published, [
      item('1', '2011-09-20T10:00:00Z'),
      item('2', '2011-10-01T08:59:59Z'),
      item('5', '2011-10-04T08:00:00Z'),
      item('3', '2011-10-02T23:30:00Z'), // 3 October, 00:30 in London (BST)
      item('4', '2011-10-03T16:00:00Z'),
    ]);
    expect(packs).toEqual([
      { number: 1, publishedOn: '2011-10-03', itemNumbers: ['3', '4'] },
      { number: 2, publishedOn: '2011-10-04', itemNumbers: ['5'] },
    ]);
  });

  it('are none before the agenda is published', () => {
    expect(supplementsOf(null, [item('1', '2011-10-04T08:00:00Z')])).toEqual([]);
  });

  it('hold every late item once, in packs of one day each, in date order', () => {
    const instant = fc.date({ min: new Date('2011-09-01T00:00:00Z'), max: new Date('2011-11-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 30 }), (dates) => {
        const items = dates.map((addedAt, index) => ({ number: String(index + 1), addedAt }));
        const packs = supplementsOf(published, items);
        const late = items.filter((candidate) => candidate.addedAt > published).map((candidate) => candidate.number);
        expect(packs.flatMap((pack) => pack.itemNumbers).sort()).toEqual([...late].sort());
        expect(packs.map((pack) => pack.number)).toEqual(packs.map((_, index) => index + 1));
        const days = packs.map((pack) => pack.publishedOn);
        expect([...days].sort()).toEqual(days);
        expect(new Set(days).size).toBe(days.length);
        for (const pack of packs) {
          for (const number of pack.itemNumbers) expect(londonDateOf(items[Number(number) - 1]!.addedAt)).toBe(pack.publishedOn);
        }
      }),
    );
  });
});
