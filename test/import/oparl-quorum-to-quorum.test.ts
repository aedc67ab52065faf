/**
 * `quorum import --oparl` end to end, Quorum to Quorum: a second Quorum with the seed papers serves OParl on
 * loopback; the import copies it into an empty database, and the copy publishes every public record as the source
 * does (bodies, organisations, people, memberships, meetings, agenda items, papers, files). Then: a re-run writes
 * nothing; an edit in the source reaches the copy on the next (incremental) run; a run that fails part way is
 * completed by running it again.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oparlImporter } from '../../src/import/oparl/importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { comparable, LISTS, readLists } from './support/oparl-compare.ts';
import { injectOnlyApp, startQuorumServer, type QuorumServer } from './support/quorum-server.ts';

const COPY_URL = 'https://copy.example.gov.uk';
const FAST = { concurrency: 4, requestsPerSecond: 1000, backoffMs: 1 };

async function idMap(copy: TestDatabase): Promise<Map<string, string>> {
  const records = await copy.db.selectFrom('oparl_record').select(['oparl_id', 'local_id']).execute();
  return new Map(records.map((record) => [record.local_id, record.oparl_id.split('/').pop()!]));
}

async function expectEqualCopy(source: QuorumServer, copy: TestDatabase): Promise<void> {
  const app = await injectOnlyApp(copy, COPY_URL);
  try {
    const [from, to, ids] = await Promise.all([readLists(source.app, source.baseUrl), readLists(app, COPY_URL), idMap(copy)]);
    for (const name of LISTS) {
      expect(from.lists[name].length, `${name} in the source`).toBeGreaterThan(0);
      expect(comparable(to.lists[name], COPY_URL, ids), name).toEqual(comparable(from.lists[name], source.baseUrl));
    }
    const body = (value: Record<string, unknown>) => ({ name: value.name, legislativeTerm: value.legislativeTerm });
    expect(comparable(body(to.body), COPY_URL, ids)).toEqual(comparable(body(from.body), source.baseUrl));
  } finally {
    await app.close();
  }
}

/** Changes to records (the source's own row notes each run's times, by design). */
const auditRows = async (copy: TestDatabase) =>
  Number((await sql<{ n: string }>`select count(*)::text as n from audit_log where table_name <> 'oparl_source'`.execute(copy.db)).rows[0]!.n);

describe.skipIf(databaseUnavailable)('quorum import --oparl: Quorum to Quorum', () => {
  let source: QuorumServer;
  let copy: TestDatabase;

  beforeAll(async () => {
    source = await startQuorumServer();
    copy = await createTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await copy?.destroy();
    await source?.close();
  });

  it('copies every public record type so the copy publishes what the source does', async () => {
    const summary = await oparlImporter({ database: copy, url: source.systemUrl, actor: 'test', client: FAST });
    expect(summary.problems).toEqual([]);
    expect(summary.completed).toBe(true);
    expect(summary.created).toMatchObject({
      authority: 1,
      body: expect.any(Number),
      person: expect.any(Number),
      meeting: expect.any(Number),
      agenda_item: expect.any(Number),
      report: expect.any(Number),
    });
    await expectEqualCopy(source, copy);
    // Participants are recorded present under their names as on record.
    const attendance = await copy.db
      .selectFrom('attendance')
      .innerJoin('person', 'person.id', 'attendance.person_id')
      .select(['attendance.printed_name', 'person.family_name'])
      .execute();
    expect(attendance.length).toBeGreaterThan(0);
    for (const row of attendance) expect(row.printed_name).toContain(row.family_name);
  }, 120_000);

  it('creates and changes nothing when run again', async () => {
    const before = await auditRows(copy);
    const summary = await oparlImporter({ database: copy, url: source.systemUrl, actor: 'test', client: FAST });
    expect(summary.modifiedSince).toBeDefined();
    expect(summary.created).toEqual({});
    expect(summary.updated).toEqual({});
    expect(summary.problems).toEqual([]);
    expect(await auditRows(copy)).toBe(before);
    // A full walk finds every object unchanged, too.
    const full = await oparlImporter({ database: copy, url: source.systemUrl, actor: 'test', client: FAST, full: true });
    expect(full.created).toEqual({});
    expect(full.updated).toEqual({});
    expect(full.unchanged).toBeGreaterThan(0);
  }, 120_000);

  it('brings edits and withdrawals in the source into the copy on the next run', async () => {
    const db = source.database.db;
    // An agenda item nothing else refers to is taken off its meeting, and the meeting moves room (so it changes).
    const item = await db
      .selectFrom('agenda_item')
      .select(['id', 'meeting_id'])
      .where('report_id', 'is', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('minute').select('id').whereRef('minute.agenda_item_id', '=', 'agenda_item.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('declaration').select('id').whereRef('declaration.agenda_item_id', '=', 'agenda_item.id'))))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('agenda_item').where('id', '=', item.id).execute();
    await db.updateTable('meeting').set({ location: 'Council Chamber, Sessions House, Maidstone (moved)' }).where('id', '=', item.meeting_id).execute();
    const person = await db.selectFrom('person').select(['id']).where('kind', '=', 'member').orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('person').set({ family_name: 'Renamed-Member' }).where('id', '=', person.id).execute();
    // A public report made exempt: OParl now shows it as a deleted Paper.
    const report = await db.selectFrom('public_report').select(['id']).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('report').set({ exempt: true }).where('id', '=', report.id).execute();
    // A meeting withdrawn at the source: OParl shows it as a deleted Meeting, and the copy withdraws it too.
    const withdrawn = await db
      .selectFrom('meeting')
      .select(['id'])
      .where('id', '<>', item.meeting_id)
      .where('withdrawn_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('meeting').set({ withdrawn_at: new Date(), withdrawn_reason: 'Arranged in error' }).where('id', '=', withdrawn.id).execute();

    const summary = await oparlImporter({ database: copy, url: source.systemUrl, actor: 'test', client: FAST });
    expect(summary.problems).toEqual([]);
    expect(summary.updated).toMatchObject({ meeting: 1, person: 1 });
    expect(summary.created).toEqual({});
    expect(summary.deleted).toBe(3);
    await expectEqualCopy(source, copy);
    const copied = await copy.db
      .selectFrom('meeting')
      .innerJoin('oparl_record', 'oparl_record.local_id', 'meeting.id')
      .select(['meeting.withdrawn_at', 'meeting.withdrawn_reason'])
      .where('oparl_record.oparl_id', 'like', `%/meeting/${withdrawn.id}`)
      .executeTakeFirstOrThrow();
    expect(copied.withdrawn_at).not.toBeNull();
    expect(copied.withdrawn_reason).toMatch(/^Withdrawn at the source: /);
  }, 120_000);

  it('completes on a second run after the first failed part way', async () => {
    const second = await createTestDatabase();
    try {
      let requests = 0;
      const failing = async (url: string, init?: RequestInit) => {
        // The first meetings page and everything after it fail: organisations and people are in, meetings not.
        if (url.includes('/meetings') || ++requests > 1000) throw new Error('connection reset (injected)');
        return fetch(url, init);
      };
      await expect(oparlImporter({ database: second, url: source.systemUrl, actor: 'test', client: { ...FAST, retries: 1, fetch: failing } })).rejects.toThrow(
        /injected/,
      );
      expect(await second.db.selectFrom('person').select('id').execute()).not.toHaveLength(0);
      expect(await second.db.selectFrom('meeting').select('id').execute()).toHaveLength(0);
      const stored = await second.db.selectFrom('oparl_source').select(['synced_from']).executeTakeFirstOrThrow();
      expect(stored.synced_from).toBeNull();

      const summary = await oparlImporter({ database: second, url: source.systemUrl, actor: 'test', client: FAST });
      expect(summary.modifiedSince).toBeUndefined();
      expect(summary.problems).toEqual([]);
      expect(summary.created.person ?? 0).toBe(0);
      expect(summary.created.meeting).toBeGreaterThan(0);
      await expectEqualCopy(source, second);
    } finally {
      await second.destroy();
    }
  }, 180_000);
});
