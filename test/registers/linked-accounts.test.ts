/**
 * Accounts linked to their member or officer record (issue 18, item 1): the account form's searchable picker (no
 * JavaScript needed), linking an existing account, refusing a person already linked, and `quorum user create --person`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine.ts';
import { accountCreator, accountPersonLinker } from '../../src/services/accounts/account-creator.ts';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

describe.skipIf(databaseUnavailable)('accounts linked to people', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  let officer: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    app = await makeApp(database);
    officer = new Client(app);
    expect((await officer.signIn((await makeAccount(database, 'democratic-services')).email)).statusCode).toBe(303);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy().catch(() => {});
  });

  it('finds people by part of their name and links the new account to the one chosen', async () => {
    const found = await officer.post(linkTo('admin.account.new'), {
      name: 'Carys Register',
      email: 'carys@shire.example',
      roles: ['councillor'],
      personQuery: 'regis',
      find: '1',
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('Ms Carys Register (member)');
    expect(found.body).not.toContain('Mr Bernard Portfolio');
    expect(found.body).toContain('value="carys@shire.example"'); // the values are kept
    const created = await officer.post(linkTo('admin.account.new'), {
      name: 'Carys Register',
      email: 'carys@shire.example',
      roles: ['councillor'],
      personId: council.councillor.id as string,
    });
    expect(created.statusCode).toBe(303);
    const account = await database.db.selectFrom('account').selectAll().where('email', '=', 'carys@shire.example').executeTakeFirstOrThrow();
    expect(account.person_id).toBe(council.councillor.id);
    const list = await officer.get(linkTo('admin.accounts'));
    expect(list.body).toContain('Ms Carys Register (member)');
  });

  it('refuses a person already linked to another account, naming it, and marks them in the picker', async () => {
    const refused = await officer.post(linkTo('admin.account.new'), {
      name: 'Impostor',
      email: 'other@shire.example',
      roles: ['councillor'],
      personId: council.councillor.id as string,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('That person is already linked to the account of carys@shire.example');
    const picker = await officer.post(linkTo('admin.account.new'), {
      name: 'X',
      email: 'x@shire.example',
      roles: ['councillor'],
      personQuery: 'Carys',
      find: '1',
    });
    expect(picker.body).toContain('Already linked to another account');
    await expect(
      accountCreator({ database, actor: { job: 'test' }, email: 'y@shire.example', name: 'Y', roles: ['officer'], personId: 'person-nobody' }),
    ).rejects.toThrow('personId: Choose a member or officer from the list');
  });

  it('links an existing account, and unlinks it', async () => {
    const { id } = await makeAccount(database, 'officer', 'eira@shire.example');
    const page = await officer.get(`${linkTo('admin.account.person', { id })}?personQuery=highways`);
    expect(page.body).toContain('Ms Eira Director (Director of Highways)');
    expect((await officer.post(linkTo('admin.account.person', { id }), { personId: council.officer.id as string })).statusCode).toBe(303);
    expect((await database.db.selectFrom('account').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()).person_id).toBe(council.officer.id);
    await accountPersonLinker({ database, actor: { job: 'test' }, accountId: id, personId: null });
    expect((await database.db.selectFrom('account').select('person_id').where('id', '=', id).executeTakeFirstOrThrow()).person_id).toBeNull();
  });

  it('quorum user create --person links by id or by a name that matches one person, and refuses an ambiguous one', async () => {
    await app.close();
    await database.close();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    if (database.location.databaseUrl) env.DATABASE_URL = database.location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = database.location.dataDir;
    }
    const quorum = (args: string[]) =>
      spawnSync(process.execPath, [path.resolve('bin/quorum.js'), 'user', 'create', ...args], { env, encoding: 'utf8', timeout: 120_000 });
    const byName = quorum(['--email', 'bernard@shire.example', '--name', 'Bernard Portfolio', '--role', 'councillor', '--person', 'Bernard Portfolio']);
    expect(byName.stderr).toBe('');
    expect(byName.stdout).toContain(`linked to ${council.cabinetMember.id}`);
    const ambiguous = quorum(['--email', 'amb@shire.example', '--name', 'A', '--role', 'councillor', '--person', 'ar']);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/--person: "ar" matches \d+ people; give one of their ids/);
    const taken = quorum(['--email', 'again@shire.example', '--name', 'B', '--role', 'councillor', '--person', council.cabinetMember.id as string]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('--personId: That person is already linked to the account of bernard@shire.example');
    const handle = await openDatabase({ dataDir: database.location.dataDir, databaseUrl: database.location.databaseUrl });
    try {
      expect((await handle.db.selectFrom('account').select('person_id').where('email', '=', 'bernard@shire.example').executeTakeFirstOrThrow()).person_id).toBe(
        council.cabinetMember.id,
      );
    } finally {
      await handle.close();
    }
  });
});
