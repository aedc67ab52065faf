/** `quorum import --oparl URL` as a user runs it: a separate process, its exit code and what it prints. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { startExamplesServer, type ExamplesServer } from '../import/support/oparl-examples-server.ts';

type Location = TestDatabase['location'];

/** Asynchronous, not spawnSync: the OParl server answering the command runs in this process. */
function quorum(location: Location, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.QUORUM_DATA_DIR = location.dataDir;
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [path.resolve('bin/quorum.js'), 'import', ...args], { env, encoding: 'utf8', timeout: 280_000 }, (error, out, err) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });
}

describe.skipIf(databaseUnavailable)('quorum import --oparl', { timeout: 300_000 }, () => {
  let server: ExamplesServer;
  let database: TestDatabase;

  beforeAll(async () => {
    server = await startExamplesServer();
    database = await createTestDatabase();
    await database.close();
  });

  afterAll(async () => {
    await database?.destroy();
    await server?.close();
  });

  it('copies the server, lists what it could not copy with its URL, and exits 1', async () => {
    const run = await quorum(database.location, '--oparl', server.systemUrl, '--quiet');
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `NOT COPIED ${server.baseUrl}/memberships/385: organization: ${server.baseUrl}/organizations/5 is not a copied body or political_group`,
    );
    expect(run.out).toMatch(/created 1 authority, 1 body, 1 person, 1 meeting, 1 agenda_item, .*1 report/);
  });

  it('creates nothing the second time, asking only for what changed', async () => {
    const run = await quorum(database.location, '--oparl', server.systemUrl, '--quiet');
    expect(run.out).toMatch(/\(modified since [^)]+\): created nothing; updated nothing;/);
    expect(server.requests.some((request) => request.includes('modified_since='))).toBe(true);
  });

  it('refuses a URL that is not one, and files with --oparl', async () => {
    const bad = await quorum(database.location, '--oparl', 'ris.example.org');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--oparl:');
    const both = await quorum(database.location, 'papers/', '--oparl', server.systemUrl);
    expect(both.code).not.toBe(0);
    expect(both.err).toContain('import takes files or --oparl URL, not both');
  });
});
