/**
 * Read replicas (DATABASE_REPLICA_URL, docs/scaling.md): an anonymous GET of a public page or of OParl reads from the
 * replica and is cached under the replica's data version; anyone signed in, and every write, uses the primary.
 *
 * On PostgreSQL only: a second database stands in for the replica. It holds the same records with another committee
 * name, so each response shows which database answered it. "Replication" is a write to the stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/db/engine.ts';
import type { Database } from '../../src/db/schema.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { Client, makeAccount, testConfig } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody, insertMeeting } from '../support/factories.ts';

describe('openDatabase with a read replica', () => {
  it('refuses a replica without a PostgreSQL server, before opening anything', async () => {
    await expect(openDatabase({ dataDir: '/nonexistent', replicaUrl: 'postgres://replica.example/quorum' })).rejects.toThrow(
      /needs a PostgreSQL server \(DATABASE_URL\)/,
    );
  });
});

if (testEngine === 'postgres') {
  describe.skipIf(databaseUnavailable)('anonymous public reads go to the replica, the rest to the primary', () => {
    let primary: TestDatabase;
    let replica: TestDatabase;
    let handle: DatabaseHandle;
    let app: FastifyInstance;
    const ids = { authority: 'authority-replica-test', body: 'body-replica-test', meeting: 'meeting-replica-test' };

    async function seed(db: Kysely<Database>, name: string) {
      await insertAuthority(db, { id: ids.authority });
      await insertBody(db, ids.authority, { id: ids.body, name, slug: 'scrutiny-committee', kind: 'committee' });
      await insertMeeting(db, ids.body, { id: ids.meeting });
    }

    const anonymous = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    const meetingPage = linkTo('meeting.show', { id: ids.meeting });
    const committeePage = linkTo('committee.show', { slug: 'scrutiny-committee' });

    beforeAll(async () => {
      primary = await createTestDatabase();
      replica = await createTestDatabase();
      await seed(primary.db, 'Primary Scrutiny Committee');
      await seed(replica.db, 'Replica Scrutiny Committee');
      handle = await openDatabase({ dataDir: '', databaseUrl: primary.location.databaseUrl, replicaUrl: replica.location.databaseUrl });
      expect(handle.reader).toBeDefined();
      app = await createApp({ config: testConfig(), database: handle, logger: false });
    });
    afterAll(async () => {
      await app?.close();
      await handle?.close();
      await primary?.destroy();
      await replica?.destroy();
    });

    it('serves anonymous pages, searches and OParl from the replica, and caches them', async () => {
      for (const url of [meetingPage, committeePage, linkTo('committee.list'), `${linkTo('search')}?q=scrutiny`]) {
        const page = await anonymous(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).toContain('Replica Scrutiny Committee');
        expect(page.body, url).not.toContain('Primary Scrutiny Committee');
      }
      expect((await anonymous(meetingPage)).headers['x-quorum-cache']).toBe('hit');
      const oparl = await app.inject({ method: 'GET', url: linkTo('oparl.organization', { id: ids.body }) });
      expect(oparl.statusCode).toBe(200);
      expect(oparl.json()).toMatchObject({ name: 'Replica Scrutiny Committee' });
    });

    it('signs in, reads and writes on the primary for an officer, while the public sees the replica until it catches up', async () => {
      // The account exists on the primary only: signing in (a read of the account, a write of the session) works.
      const officer = await makeAccount(primary, 'democratic-services');
      const client = new Client(app);
      expect((await client.signIn(officer.email)).statusCode).toBe(303);
      expect(await replica.db.selectFrom('account').select('id').execute()).toEqual([]);

      // Signed in, the public pages come from the primary.
      expect((await client.get(meetingPage)).body).toContain('Primary Scrutiny Committee');
      expect((await client.get(committeePage)).body).toContain('Primary Scrutiny Committee');

      // A write through the back office goes to the primary.
      const form = await client.get(linkTo('admin.body', { id: ids.body }));
      const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
      expect(version, form.body.slice(0, 500)).toBeDefined();
      const saved = await client.post(linkTo('admin.body', { id: ids.body }), { name: 'Renamed Scrutiny Committee', kind: 'committee', version: version! });
      expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
      expect((await primary.db.selectFrom('body').select('name').where('id', '=', ids.body).executeTakeFirstOrThrow()).name).toBe('Renamed Scrutiny Committee');
      expect((await client.get(committeePage)).body).toContain('Renamed Scrutiny Committee');

      // The replica has not replayed the change yet: the public still sees the old name (lag delays, it does not corrupt).
      const lagging = await anonymous(committeePage);
      expect(lagging.body).toContain('Replica Scrutiny Committee');
      expect(lagging.headers['x-quorum-cache']).toBe('hit');

      // The replica catches up: its own data version moves, so the cached page is dropped and the change shows at once.
      await replica.db.updateTable('body').set({ name: 'Renamed Scrutiny Committee' }).where('id', '=', ids.body).execute();
      const caughtUp = await anonymous(committeePage);
      expect(caughtUp.headers['x-quorum-cache']).toBe('miss');
      expect(caughtUp.body).toContain('Renamed Scrutiny Committee');
      expect((await anonymous(meetingPage)).body).toContain('Renamed Scrutiny Committee');
    });

    it('keeps a request with the session cookie on the primary; other cookies read the replica (issue 23)', async () => {
      await primary.db.updateTable('body').set({ name: 'Primary Only Name' }).where('id', '=', ids.body).execute();
      const withSession = await app.inject({
        method: 'GET',
        url: committeePage,
        headers: { accept: 'text/html', cookie: 'something=1; quorum_session=not-a-session' },
      });
      expect(withSession.body).toContain('Primary Only Name');
      const withOtherCookies = await app.inject({ method: 'GET', url: committeePage, headers: { accept: 'text/html', cookie: '_csrf=secret; something=1' } });
      expect(withOtherCookies.body).not.toContain('Primary Only Name');
      expect((await anonymous(committeePage)).body).not.toContain('Primary Only Name');
    });
  });
}
