/** The quorum command as a user runs it: a separate process, its exit codes and what it prints. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedFile } from '../support/seeds.ts';

// Each case starts a Node process that loads the whole application: allow for a busy machine.
describe.skipIf(databaseUnavailable)('quorum CLI', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let work: string;
  let env: NodeJS.ProcessEnv;

  const quorum = (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), ...args], { env, encoding: 'utf8', timeout: 170_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    // The CLI opens the database itself: let go of it (the embedded engine allows one process at a time).
    await database.close();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-cli-test-'));
    env = { ...process.env, LOG_LEVEL: 'silent' };
    if (database.location.databaseUrl) env.DATABASE_URL = database.location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = database.location.dataDir;
    }
  });
  afterAll(async () => {
    await database?.destroy().catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('migrates', () => {
    const result = quorum('db', 'migrate');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Schema is up to date.');
  });

  it('imports papers and prints what it created', () => {
    const result = quorum('import', seedFile('004'), seedFile('002'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Imported 2, skipped 0, failed 0 file\(s\)\. Created: .*2 reports/);
  });

  it('reports a bad file with its reason and exits 1, importing the good ones', () => {
    const junk = path.join(work, 'junk.txt');
    fs.writeFileSync(junk, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    const result = quorum('import', junk, seedFile('004'));
    expect(result.code).toBe(1);
    expect(result.out).toContain(`FAILED  ${junk}: not a text document`);
    expect(result.out).toMatch(/skipped .*004_.*already imported/);
  });

  it('refuses a missing path before importing anything', () => {
    const result = quorum('import', path.join(work, 'no-such-folder'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('no-such-folder: no such file or folder');
  });

  it('exports everything as one JSON document', () => {
    const file = path.join(work, 'export.json');
    const result = quorum('export', '--json', file);
    expect(result.code).toBe(0);
    const document = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(document.format).toBe('quorum-export');
    expect(document.reports.map((report: { subject: string }) => report.subject).sort()).toEqual([
      'Inspection of Safeguarding and Looked After Children Services',
      "Putting Children First: Kent's Safeguarding and Looked After Children Improvement Plan",
    ]);
  });

  it('fails fast on bad configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), 'db', 'migrate'], {
      env: { ...env, PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Invalid configuration:\n\s+PORT: /);
  });
});
