import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/db/engine.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { adminUrl, databaseUrlFor, inCi, pgliteTemplateDir, TEMPLATE_DB, testEngine } from './engine.ts';

/** Prepares one migrated template database; each test file then copies it, which is far faster than migrating. */
export default async function setup(): Promise<() => Promise<void>> {
  if (testEngine === 'pglite') {
    fs.rmSync(pgliteTemplateDir, { recursive: true, force: true });
    const handle = await openDatabase({ dataDir: pgliteTemplateDir });
    await migrateToLatest(handle.db);
    await handle.checkpoint();
    await handle.close();
    return async () => fs.rmSync(pgliteTemplateDir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}). Start it with: pg_ctlcluster 15 main start`;
    if (inCi) throw new Error(message);
    process.env.QUORUM_TEST_POSTGRES_UNAVAILABLE = message;
    console.warn(`SKIPPING database tests: ${message}`);
    return async () => {};
  }
  try {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${TEMPLATE_DB}' and pid <> pg_backend_pid()`);
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ dataDir: '', databaseUrl: databaseUrlFor(TEMPLATE_DB) });
  await migrateToLatest(handle.db);
  await handle.close();
  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
}
