import { configDefaults, defineConfig } from 'vitest/config';
import { engineLaneExcludes } from './test/support/lanes.ts';
import { SlowestFirstSequencer } from './test/support/slowest-first.ts';

/**
 * The engine lanes (`npm test`; QUORUM_TEST_ENGINE picks the engine). Under `.ci/run` (QUORUM_TEST_LANE=ci) the pure
 * tests in src/ are left to the fast lane and engine-neutral files to the embedded lane: test/support/lanes.ts.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...engineLaneExcludes()],
    globalSetup: ['test/support/global-setup.ts'],
    // Opening an embedded database takes about a second even from a template; imports of the seed pack more.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
