/** `quorum user create` and `quorum user list` as an operator runs them: a separate process, exit codes, output. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine.ts';
import { signInAttempter } from '../../src/services/accounts/sign-in.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)('quorum user', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  const quorum = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), 'user', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.close(); // the embedded engine allows one process at a time
    env = { ...process.env, LOG_LEVEL: 'silent' };
    if (database.location.databaseUrl) env.DATABASE_URL = database.location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = database.location.dataDir;
    }
  });
  afterAll(async () => {
    await database?.destroy().catch(() => {});
  });

  it('creates the first democratic services officer, who can then sign in', async () => {
    const created = quorum(
      ['create', '--email', 'first@kent.example', '--name', 'First Officer', '--role', 'democratic-services', '--password-stdin'],
      'a long enough password\n',
    );
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^Created account account-[0-9a-f]{16} for first@kent\.example \(democratic-services\)/);

    const handle = await openDatabase({ dataDir: database.location.dataDir, databaseUrl: database.location.databaseUrl });
    try {
      const result = await signInAttempter({ database: handle, email: 'FIRST@kent.example', password: 'a long enough password', address: '127.0.0.1' });
      expect(result.ok && result.user.roles).toEqual(['democratic-services']);
      const audit = await handle.db.selectFrom('audit_log').select(['actor', 'action']).where('table_name', '=', 'account').execute();
      expect(audit).toContainEqual({ actor: 'cli', action: 'insert' });
    } finally {
      await handle.close();
    }
  });

  it('refuses a second account with the same email, an unknown role, and a short password, saying which option', () => {
    const duplicate = quorum(['create', '--email', 'First@Kent.example', '--name', 'Again']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('--email: An account with the email First@Kent.example already exists');
    const role = quorum(['create', '--email', 'x@kent.example', '--name', 'X', '--role', 'mayor']);
    expect(role.code).toBe(1);
    expect(role.err).toContain('--role: unknown role mayor');
    const short = quorum(['create', '--email', 'y@kent.example', '--name', 'Y', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.err).toContain('--password: Password must be 12 characters or more');
  });

  it('lists accounts with their roles and state', () => {
    const listed = quorum(['list']);
    expect(listed.code).toBe(0);
    expect(listed.out.trim().split('\n')).toEqual(['first@kent.example\tFirst Officer\tdemocratic-services\tactive']);
  });
});
