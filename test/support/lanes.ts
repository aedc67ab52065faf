/**
 * Which test files run in which lane of `.ci/run`, and in what order. Read by vitest.config.ts (keep this module free
 * of imports: the config loads it before anything else).
 *
 * - The fast lane (`npm run test:unit`, vitest.unit.config.ts): the pure tests beside the code in src/. They touch no
 *   database, so `.ci/run` runs them once, first, and the engine lanes leave them out (QUORUM_TEST_LANE=ci).
 * - The engine lanes (`npm test` with QUORUM_TEST_ENGINE=pglite, then =postgres): everything under test/. A file whose
 *   subject is not the database engine (layout at 320 px, axe-core, translated wording) is listed in ENGINE_NEUTRAL
 *   and runs in the embedded lane only: it proves the same thing on either engine, so running it twice proves
 *   nothing more. Every test still runs once under CI=true; locally, without QUORUM_TEST_LANE=ci, all run everywhere.
 */

/** Test files (from the repository root) whose subject is not the engine, each with why; run in the PGlite lane only. */
export const ENGINE_NEUTRAL: Record<string, string> = {
  'test/web/narrow-screens.browser.test.ts': 'every page type at 320 px and axe-core: layout and markup, not storage',
  'test/web/accessibility.test.ts': 'axe-core and CSP on public pages: markup, not storage',
  'test/welsh/welsh.browser.test.ts': 'the portal in Welsh and axe-core: wording and markup, not storage',
  'test/political-balance/what-if.browser.test.ts': 'a what-if recalculation in the browser: domain rules and markup',
};

/**
 * The slowest files, slowest first (measured on this 2-core machine). The sequencer starts them first, so the two
 * workers do not end the run with one long file left alone. Files not listed follow, larger files first.
 */
export const SLOWEST_FIRST: string[] = [
  'test/crash/import-kill.test.ts',
  'test/web/narrow-screens.browser.test.ts',
  'test/cli/backup.test.ts',
  'test/cli/backup-large.test.ts',
];

/** The lane a run is: 'ci' when `.ci/run` drives it (the fast lane has run), else 'full'. */
export function testLane(env: NodeJS.ProcessEnv = process.env): 'ci' | 'full' {
  return env.QUORUM_TEST_LANE === 'ci' ? 'ci' : 'full';
}

/** What an engine lane leaves out, as vitest exclude globs. */
export function engineLaneExcludes(env: NodeJS.ProcessEnv = process.env): string[] {
  if (testLane(env) !== 'ci') return [];
  const once = ['src/**/*.test.ts'];
  return env.QUORUM_TEST_ENGINE === 'postgres' ? [...once, ...Object.keys(ENGINE_NEUTRAL)] : once;
}
