/**
 * Vitest sequencer: the files of SLOWEST_FIRST start first, in that order; the rest keep vitest's own order (files
 * that failed or took longest last time first, else larger files first). With two workers, a long file started last
 * would run alone at the end while the other worker idles.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SLOWEST_FIRST } from './lanes.ts';

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/'));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: unlisted files keep the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
