import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { adminUrl } from '../support/engine.ts';
import { fixture, insertExportFixture } from '../support/export-fixture.ts';
import { countRows } from '../../src/db/queries/export.ts';
import type { Database } from '../../src/db/schema.ts';
import { ExportDocumentSchema, type ExportDocument } from '../../src/services/export-schema.ts';
import { buildExport, ExportError, writeExport } from '../../src/services/exporter.ts';
import { ExportRestoreError, ExportValidationError, restoreExport } from '../../src/services/export-restorer.ts';

const ALL_TABLES: (keyof Database)[] = [
  'source_document',
  'authority',
  'person',
  'person_alias',
  'political_group',
  'group_membership',
  'body',
  'membership',
  'meeting',
  'report',
  'agenda_item',
  'attendance',
  'minute',
  'declaration',
  'resolution',
  'motion',
  'vote_event',
  'vote',
  'question',
  'decision',
  'import_issue',
  'audit_log',
];

/**
 * pg's Pool.end() resolves before its server sessions have exited, so the `drop database ... with (force)` in
 * destroy() can kill a session that is still closing, and its FATAL surfaces as an unhandled error that fails the run.
 * Closing first and waiting (up to a second) for the sessions to go narrows that window; under heavy load it was
 * still seen once. The real fix belongs in test/support/database.ts.
 */
async function destroyQuietly(database: TestDatabase): Promise<void> {
  await database.db.destroy();
  const url = database.location.databaseUrl;
  if (url) {
    const name = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await admin.end();
    }
  }
  await database.destroy();
}

const withoutStamp = ({ exportedAt: _exportedAt, ...rest }: ExportDocument) => rest;
const laterMeeting = (document: ExportDocument) => document.meetings.find((meeting) => meeting.id === fixture.meetings.later)!;

describe.skipIf(databaseUnavailable)(`JSON export and restore (${testEngine})`, () => {
  const databases: TestDatabase[] = [];
  let source: TestDatabase;
  let exported: ExportDocument;

  async function freshDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  }

  beforeAll(async () => {
    source = await freshDatabase();
    await insertExportFixture(source.db);
    exported = await buildExport(source.db);
  });
  afterAll(async () => {
    for (const database of databases) await destroyQuietly(database);
  });

  it('writes a document that satisfies its own schema, with every kind of record', () => {
    expect(ExportDocumentSchema.safeParse(exported).success).toBe(true);
    expect(exported.format).toBe('quorum-export');
    expect(exported.version).toBe(2);
    expect(exported.includesExempt).toBe(true);
    expect(exported.authority).toEqual({ id: fixture.authority, name: 'Testshire County Council' });
    expect(exported.sources).toEqual([
      {
        id: fixture.source,
        contentHash: 'sha256:0f1e2d',
        fileName: 'planning-2011-05-12.pdf',
        format: 'pdf',
        kinds: ['summons', 'minutes'],
        bytes: 48_213,
        lineCount: 412,
        importedAt: '2026-11-20T09:15:30.123Z',
      },
    ]);
    const chair = exported.people.find((person) => person.id === fixture.people.chair)!;
    expect(chair).toEqual({
      id: fixture.people.chair,
      kind: 'member',
      honorific: 'Mr',
      givenName: 'Keith',
      initials: ['K', 'A'],
      familyName: 'Ferrin',
      postNominals: ['MBE'],
      jobTitle: null,
      aliases: ['Mr Ferrin', 'Mr K A Ferrin, MBE'],
      displayName: 'Mr Keith Ferrin MBE',
      email: null,
      wardId: null,
      termStart: null,
      termEnd: null,
      phone: null,
      address: null,
    });
    expect(exported.groups).toEqual([
      {
        id: fixture.group,
        name: 'Independent Group',
        abbreviation: 'Ind',
        memberships: [{ id: 'group-membership-1', personId: fixture.people.member, role: 'Leader', startDate: '2009-06-04', endDate: null }],
      },
    ]);
    expect(exported.memberships.map((m) => [m.id, m.role, m.startDate])).toEqual([
      ['membership-1', 'chairman', '2009-06-04'],
      ['membership-2', 'member', null],
    ]);

    const meeting = laterMeeting(exported);
    expect(meeting).toMatchObject({
      bodyId: fixture.bodies.committee,
      date: '2011-05-12',
      startTime: '10:00',
      endTime: '12:45',
      status: 'held',
      kind: 'ordinary',
      source: { documentId: fixture.source, lineFrom: 1, lineTo: 412 },
    });
    expect(meeting.attendance.find((a) => a.status === 'substitute')).toMatchObject({
      personId: fixture.people.substitute,
      substituteForPersonId: fixture.people.member,
      source: null,
    });
    const approval = meeting.minutes.find((minute) => minute.id === fixture.minutes.approval)!;
    expect(approval).toMatchObject({
      approvesMeetingId: fixture.meetings.earlier,
      approvesMeetingDate: '2011-03-16',
      agendaItemId: fixture.agendaItems.minutes,
    });
    expect(meeting.voteEvents).toEqual([
      expect.objectContaining({
        id: fixture.voteEvent,
        minuteId: fixture.minutes.application,
        forCount: 1,
        againstCount: 1,
        result: 'lost',
        votes: [
          { personId: fixture.people.chair, option: 'against', printedName: 'Mr K A Ferrin' },
          { personId: fixture.people.substitute, option: 'for', printedName: 'Mr P M Hill' },
        ],
      }),
    ]);
    expect(meeting.declarations).toHaveLength(1);
    expect(meeting.questions).toEqual([expect.objectContaining({ askedById: fixture.people.member, answerText: null, source: null })]);
    expect(exported.reports.map((report) => report.id).sort()).toEqual([fixture.reports.exempt, fixture.reports.public]);
    expect(exported.decisions).toEqual([
      expect.objectContaining({ id: fixture.decision, isKey: true, isUrgent: true, reportId: fixture.reports.public, decisionDate: '2011-05-20' }),
    ]);
  });

  it('orders meetings by date, children by position and everything else by id', () => {
    expect(exported.meetings.map((meeting) => meeting.id)).toEqual([fixture.meetings.earlier, fixture.meetings.later]);
    const meeting = laterMeeting(exported);
    expect(meeting.agendaItems.map((item) => item.number)).toEqual(['A3', 'B1', 'C1']);
    expect(meeting.minutes.map((minute) => minute.number)).toEqual(['1', '2', '3']);
    expect(meeting.minutes[1]!.resolutions.map((resolution) => resolution.id)).toEqual(['resolution-2a', 'resolution-2b']);
    expect(meeting.attendance.map((a) => a.id)).toEqual(['attendance-1', 'attendance-2', 'attendance-3', 'attendance-4']);
    expect(exported.bodies.map((body) => body.id)).toEqual([fixture.bodies.council, fixture.bodies.committee, fixture.bodies.subCommittee].sort());
    expect(exported.people.map((person) => person.id)).toEqual(Object.values(fixture.people).sort());
  });

  it('gives byte-identical documents for the same data, apart from exportedAt', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const first = JSON.stringify(await buildExport(source.db, { now }));
    const second = JSON.stringify(await buildExport(source.db, { now }));
    expect(second).toBe(first);
  });

  it('restores into an empty database and exports the same document again', async () => {
    const target = await freshDatabase();
    const result = await restoreExport(target.db, JSON.parse(JSON.stringify(exported)), { actor: 'test:restore' });
    expect(result.created).toMatchObject({
      authority: 1,
      sources: 1,
      people: 4,
      personAliases: 3,
      groups: 1,
      groupMemberships: 1,
      bodies: 3,
      memberships: 2,
      reports: 2,
      meetings: 2,
      agendaItems: 3,
      attendance: 4,
      minutes: 3,
      resolutions: 3,
      motions: 2,
      declarations: 1,
      voteEvents: 1,
      votes: 2,
      questions: 1,
      decisions: 1,
    });
    expect(Object.values(result.skipped).every((count) => count === 0)).toBe(true);

    const again = await buildExport(target.db);
    expect(withoutStamp(again)).toEqual(withoutStamp(exported));

    const actors = await target.db.selectFrom('audit_log').select('actor').distinct().execute();
    expect(actors).toEqual([{ actor: 'test:restore' }]);
  });

  it('restoring the same export twice changes nothing the second time', async () => {
    const target = await freshDatabase();
    await restoreExport(target.db, exported, { actor: 'test:restore' });
    const before = await countRows(target.db, ALL_TABLES);

    const second = await restoreExport(target.db, exported, { actor: 'test:restore-again' });

    expect(Object.values(second.created).every((count) => count === 0)).toBe(true);
    expect(second.skipped).toMatchObject({ people: 4, personAliases: 3, meetings: 2, votes: 2, decisions: 1 });
    expect(await countRows(target.db, ALL_TABLES)).toEqual(before);
  });

  it('rejects an invalid document with the paths of its problems, writing nothing', async () => {
    const target = await freshDatabase();
    const broken = structuredClone(exported) as unknown as {
      meetings: Array<Record<string, unknown>>;
      people: Array<Record<string, unknown>>;
    };
    broken.meetings[0]!.date = '12/05/2011';
    delete broken.people[1]!.familyName;

    const attempt = restoreExport(target.db, broken, { actor: 'test:restore' });

    await expect(attempt).rejects.toBeInstanceOf(ExportValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ExportValidationError;
    expect(error.issues).toEqual([expect.stringMatching(/^people\[1\]\.familyName: /), expect.stringMatching(/^meetings\[0\]\.date: .*date/i)]);
    expect(error.message).toContain('meetings[0].date');
    expect(Object.values(await countRows(target.db, ALL_TABLES)).every((count) => count === 0)).toBe(true);
  });

  it('says clearly when a document is not a Quorum export at all', async () => {
    const target = await freshDatabase();
    const attempt = restoreExport(target.db, { format: 'something-else', version: 0 }, { actor: 'test:restore' });
    await expect(attempt).rejects.toThrow(/format: must be "quorum-export"/);
    await expect(attempt).rejects.toThrow(/version: must be 1 or 2/);
  });

  it('refuses an export of a newer format version, saying which versions it reads', async () => {
    const target = await freshDatabase();
    const attempt = restoreExport(target.db, { ...exported, version: 3, somethingNew: [] }, { actor: 'test:restore' });
    await expect(attempt).rejects.toBeInstanceOf(ExportValidationError);
    await expect(attempt).rejects.toThrow(/format version 3, written by a newer Quorum; this Quorum reads versions 1 and 2/);
    expect(Object.values(await countRows(target.db, ALL_TABLES)).every((count) => count === 0)).toBe(true);
  });

  it('rolls back the whole restore when a late record breaks a foreign key', async () => {
    const target = await freshDatabase();
    // Something already there, which must come through untouched.
    await target.db.insertInto('authority').values({ id: 'authority-other', name: 'Otherborough Council' }).execute();
    const before = await countRows(target.db, ALL_TABLES);
    const broken = structuredClone(exported);
    laterMeeting(broken).voteEvents[0]!.votes.push({ personId: 'person-nobody', option: 'abstain', printedName: 'Mr Nobody' });

    const attempt = restoreExport(target.db, broken, { actor: 'test:restore' });

    await expect(attempt).rejects.toBeInstanceOf(ExportRestoreError);
    await expect(attempt).rejects.toThrow(/votes.*foreign key/);
    expect(await countRows(target.db, ALL_TABLES)).toEqual(before);
  });

  it('leaves exempt information out when asked, and the result still restores', async () => {
    const redacted = await buildExport(source.db, { includeExempt: false });
    expect(redacted.includesExempt).toBe(false);
    const meeting = laterMeeting(redacted);
    const exemptItem = meeting.agendaItems.find((item) => item.id === fixture.agendaItems.exempt)!;
    expect(exemptItem).toMatchObject({ title: 'Disposal of land', description: null, exempt: true, reportId: null });
    const exemptMinute = meeting.minutes.find((minute) => minute.id === fixture.minutes.exempt)!;
    expect(exemptMinute).toMatchObject({ title: 'Disposal of land', text: '', resolutions: [], motions: [] });
    expect(redacted.reports.map((report) => report.id)).toEqual([fixture.reports.public]);
    expect(meeting.voteEvents.filter((event) => event.minuteId === fixture.minutes.exempt)).toEqual([]);
    expect(JSON.stringify(redacted)).not.toMatch(/Commercially sensitive|Terms of the disposal|agreed the terms/);
    // Public records are untouched.
    expect(meeting.agendaItems.find((item) => item.id === fixture.agendaItems.application)!.description).toBe('Waste transfer station.');

    const target = await freshDatabase();
    await restoreExport(target.db, redacted, { actor: 'test:restore' });
    expect(withoutStamp(await buildExport(target.db))).toEqual({ ...withoutStamp(redacted), includesExempt: true });
  });

  it('writes the export to a file or a stream as JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-export-'));
    try {
      const file = path.join(dir, 'export.json');
      const written = await writeExport(source.db, file);
      const fromFile = JSON.parse(fs.readFileSync(file, 'utf8')) as ExportDocument;
      expect(withoutStamp(fromFile)).toEqual(withoutStamp(exported));
      expect(written.counts).toMatchObject({ meetings: 2, votes: 2, people: 4 });
      expect(fs.readdirSync(dir)).toEqual(['export.json']);

      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      await writeExport(source.db, stream);
      expect(withoutStamp(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportDocument)).toEqual(withoutStamp(exported));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to export a database with no authority', async () => {
    const empty = await freshDatabase();
    await expect(buildExport(empty.db)).rejects.toBeInstanceOf(ExportError);
  });
});
