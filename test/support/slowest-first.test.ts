/** The sequencer starts the listed slow files first, in the list's order, and keeps the rest in vitest's order. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { SLOWEST_FIRST } from './lanes.ts';
import { SlowestFirstSequencer } from './slowest-first.ts';

const root = path.resolve('/repo');
const project = { name: '', config: { sequence: { groupOrder: 0 }, isolate: true } };
// What BaseSequencer reads: no cached results, and file sizes (larger first) from the fake stats below.
const sizes = new Map<string, number>();
const ctx = {
  config: { root },
  cache: { getFileTestResults: () => undefined, getFileStats: (key: string) => ({ size: sizes.get(key.slice(1)) ?? 0 }) },
} as unknown as Vitest;

function spec(file: string, size: number): TestSpecification {
  sizes.set(file, size);
  return { moduleId: path.join(root, file), project } as unknown as TestSpecification;
}

describe('SlowestFirstSequencer', () => {
  it('puts the listed files first in list order, then the others larger first', async () => {
    const [slowest, second] = SLOWEST_FIRST as [string, string];
    const files = [spec('test/a.test.ts', 10), spec(second, 1), spec('test/b.test.ts', 20), spec(slowest, 2)];
    const sorted = await new SlowestFirstSequencer(ctx).sort(files);
    expect(sorted.map((file) => path.relative(root, file.moduleId))).toEqual([slowest, second, 'test/b.test.ts', 'test/a.test.ts']);
  });
});
