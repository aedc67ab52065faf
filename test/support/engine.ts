/**
 * Which database engine the suite runs against: QUORUM_TEST_ENGINE=pglite (default) or postgres.
 * The PostgreSQL server is QUORUM_TEST_POSTGRES_URL (default: the local server on 127.0.0.1:5432).
 */
import os from 'node:os';
import path from 'node:path';

export const testEngine: 'pglite' | 'postgres' = process.env.QUORUM_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const adminUrl = process.env.QUORUM_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// One template per test run (named by the runner's PID, passed to the workers through the environment), so two
// runs at the same time never overwrite each other's template.
const runId = process.env.QUORUM_TEST_RUN_ID ?? String(process.pid);
process.env.QUORUM_TEST_RUN_ID = runId;
export const TEMPLATE_DB = `quorum_test_template_${runId}`;
export const pgliteTemplateDir = path.join(os.tmpdir(), `quorum-test-template-${runId}`);
export const inCi = process.env.CI === 'true';

export function databaseUrlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
