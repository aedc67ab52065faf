import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/engine.ts';
import { adminUrl, databaseUrlFor, pgliteTemplateDir, TEMPLATE_DB, testEngine } from './engine.ts';

export { testEngine };

/** Why database tests cannot run here, or undefined when they can (set by global-setup when the server is down outside CI). */
export const databaseUnavailable: string | undefined = process.env.QUORUM_TEST_POSTGRES_UNAVAILABLE;

export interface TestDatabase extends DatabaseHandle {
  /** Where this database lives: a data folder (embedded) or a URL (server). */
  location: { dataDir: string; databaseUrl?: string };
  /** Closes and removes the database. */
  destroy(): Promise<void>;
}

/** A fresh, migrated, empty database of the engine under test, private to the caller. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-test-'));
    fs.cpSync(pgliteTemplateDir, dataDir, { recursive: true });
    fs.rmSync(path.join(dataDir, 'quorum.lock'), { force: true });
    const handle = await openDatabase({ dataDir });
    return {
      ...handle,
      location: { dataDir },
      async destroy() {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `quorum_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseUrlFor(name);
  const handle = await openDatabase({ dataDir: '', databaseUrl });
  return {
    ...handle,
    location: { dataDir: '', databaseUrl },
    async destroy() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
