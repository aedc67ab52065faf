/** `quorum members import` and `export` as an operator runs them: a separate process, exit codes, output. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('quorum members', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-members-'));
  const quorum = (args: string[]) => {
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), 'members', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertBody(database.db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    await database.close(); // the embedded engine allows one process at a time
    env = { ...process.env, LOG_LEVEL: 'silent', QUORUM_AUTHORITY: 'Kent County Council' };
    if (database.location.databaseUrl) env.DATABASE_URL = database.location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = database.location.dataDir;
    }
  });
  afterAll(async () => {
    await database?.destroy().catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a file with a bad line, saying where, and saves nothing', () => {
    const file = path.join(folder, 'bad.csv');
    fs.writeFileSync(file, 'family_name,given_name,committees\nWhittle,Jenny,Planning Committee (chair)\n,Ann,\n');
    const run = quorum(['import', file, '--from', '2024-05-01']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('line 3, family_name: Enter the family name');
    expect(run.err).toContain('Nothing was saved.');
  });

  it('imports a roster, then exports it in the same columns', () => {
    const file = path.join(folder, 'members.csv');
    fs.writeFileSync(file, 'family_name,given_name,honorific,group,ward,committees\nWhittle,Jenny,Mrs,Labour,Canterbury North,Planning Committee (chair)\n');
    const dry = quorum(['import', file, '--from', '2024-05-01', '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.out).toContain('Dry run: 1 of 1 member(s) would change. Nothing was saved.');
    const run = quorum(['import', file, '--from', '2024-05-01']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'line 2: Mrs Jenny Whittle: New member; New ward: Canterbury North; New political group: Labour; Joins Labour on 1 May 2024; Planning Committee: chair from 1 May 2024',
    );
    const out = path.join(folder, 'export.csv');
    expect(quorum(['export', out, '--on', '2024-06-01']).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFid,honorific,given_name,family_name,group,ward,term_start,term_end,email,phone,committees');
    expect(text).toMatch(/person-[0-9a-f]{16},Mrs,Jenny,Whittle,Labour,Canterbury North,,,,,Planning Committee \(chair\)/);
  });
});
