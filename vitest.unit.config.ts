import { defineConfig } from 'vitest/config';

/**
 * The fast lane (`npm run test:unit`): the pure tests that sit beside the code in src/. No database is prepared
 * (no globalSetup), so a test here that reaches for one fails at once instead of slowing the lane down.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    // Property tests run hundreds of cases; on a loaded 2-core machine a few take longer than the default 5 s.
    testTimeout: 30_000,
  },
});
