/**
 * The bulk download: the whole public dataset as one JSON document and a CSV file per record kind, without exempt
 * content, rebuilt when (and only when) the data changes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeOpenDataset } from '../../src/services/open-data/bulk-download.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';
import { localPath, openApiFixture, PUBLIC_URL, type ApiFixture } from './support/app.ts';
import { ALL_CANARIES } from './support/plant.ts';
import { plantAccountability, UNPUBLISHED_CANARY } from './support/plant-accountability.ts';

interface OpenDataIndex {
  generatedAt: string;
  dataVersion: string;
  files: Array<{ name: string; kind: string; mediaType: string; bytes: number; rows: number | null; url: string }>;
}

describe.skipIf(databaseUnavailable)('the bulk download', () => {
  let fixture: ApiFixture;
  const get = (url: string) => fixture.app.inject({ method: 'GET', url });
  const index = async () => (await get('/api/v1/open-data')).json() as OpenDataIndex;

  beforeAll(async () => {
    fixture = await openApiFixture();
    const body = await fixture.database.db.selectFrom('meeting').select('body_id').where('id', '=', fixture.planted.meetingId).executeTakeFirstOrThrow();
    await plantAccountability(fixture.database.db, { authorityId: fixture.planted.authorityId, meetingId: fixture.planted.meetingId, bodyId: body.body_id });
  }, 180_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('lists the JSON document and one CSV per record kind, each downloadable, none with exempt content', async () => {
    const listing = await index();
    expect(listing.files.map((file) => file.name)).toEqual([
      'quorum.json',
      'bodies.csv',
      'people.csv',
      'political-groups.csv',
      'group-memberships.csv',
      'memberships.csv',
      'meetings.csv',
      'agenda-items.csv',
      'attendance.csv',
      'declarations.csv',
      'minutes.csv',
      'resolutions.csv',
      'vote-events.csv',
      'votes.csv',
      'questions.csv',
      'reports.csv',
      'decisions.csv',
      'scrutiny-recommendations.csv',
      'scrutiny-responses.csv',
      'plans.csv',
      'plan-priorities.csv',
      'plan-outcomes.csv',
      'plan-actions.csv',
      'plan-progress-updates.csv',
      'indicators.csv',
      'indicator-observations.csv',
      'indicator-targets.csv',
    ]);
    for (const file of listing.files) {
      expect(file.url).toBe(`${PUBLIC_URL}/api/v1/open-data/${file.name}`);
      const response = await get(localPath(file.url)!);
      expect(response.statusCode, file.name).toBe(200);
      expect(response.headers['content-type']).toBe(file.mediaType);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${file.name}"`);
      expect(response.rawPayload.length).toBe(file.bytes);
      for (const canary of [...ALL_CANARIES, UNPUBLISHED_CANARY]) expect(response.body, `${file.name} holds ${canary}`).not.toContain(canary);
      if (file.name.endsWith('.csv')) expect(parse(response.body, { columns: true, bom: true })).toHaveLength(file.rows!);
    }
  });

  it('the JSON document is the public export: exempt reports and private votes left out, exempt minutes blank', async () => {
    const document = (await get('/api/v1/open-data/quorum.json')).json();
    const { planted } = fixture;
    expect(document).toMatchObject({ format: 'quorum-export', includesExempt: false, authority: { name: 'Kent County Council' } });
    const meetingCount = await fixture.database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(document.meetings).toHaveLength(Number(meetingCount.count));
    const reportIds = document.reports.map((report: { id: string }) => report.id);
    expect(reportIds).toContain(planted.publicReportId);
    expect(reportIds).not.toContain(planted.exemptReportId);
    expect(reportIds).not.toContain(planted.reportOnExemptItemId);
    const meeting = document.meetings.find((candidate: { id: string }) => candidate.id === planted.meetingId);
    expect(meeting.voteEvents.map((event: { id: string }) => event.id)).toEqual([planted.publicVoteEventId]);
    expect(meeting.minutes.find((minute: { number: string }) => minute.number === '17')).toMatchObject({ exempt: true, text: '', resolutions: [] });
    expect(meeting.agendaItems.find((item: { id: string }) => item.id === planted.exemptItemId)).toMatchObject({
      exempt: true,
      exemptParagraphs: [3],
      reportId: null,
    });
  });

  it('the CSV tables hold the records: every meeting (the gold ones and the planted one), the 68 named votes of 6 April 2011 and the planted six', async () => {
    const meetings = parse((await get('/api/v1/open-data/meetings.csv')).body, { columns: true, bom: true }) as Array<Record<string, string>>;
    const meetingCount = await fixture.database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(meetings).toHaveLength(Number(meetingCount.count));
    expect(meetings.map((meeting) => meeting.date)).toEqual(expect.arrayContaining(['2011-03-16', '2011-04-06', '2011-04-12', '2011-05-12', '2011-11-23']));
    expect(Object.keys(meetings[0]!)).not.toContain('agendaItems');
    const votes = parse((await get('/api/v1/open-data/votes.csv')).body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(votes).toHaveLength(68 + 6);
    expect(
      votes
        .filter((vote) => vote.voteEventId === fixture.planted.publicVoteEventId)
        .map((vote) => vote.option)
        .sort(),
    ).toEqual(['abstain', 'no', 'no', 'yes', 'yes', 'yes']);
    // One vocabulary with the API and Popolo: no stored word (for, against) reaches the published table.
    expect(new Set(votes.map((vote) => vote.option))).toEqual(new Set(['yes', 'no', 'abstain']));
  });

  it('the accountability tables hold the imported plan and its indicators, and published recommendations only', async () => {
    const planFact = goldFacts()['001_078369eba01f855e.txt'].improvementPlan;
    const table = async (name: string) => parse((await get(`/api/v1/open-data/${name}`)).body, { columns: true, bom: true }) as Array<Record<string, string>>;
    const plans = await table('plans.csv');
    const plan = plans.find((row) => row.title === planFact.title)!;
    expect((await table('plan-actions.csv')).filter((action) => action.planId === plan.id)).toHaveLength(planFact.actions);
    expect((await table('indicators.csv')).filter((indicator) => indicator.planId === plan.id)).toHaveLength(
      goldFacts()['001_078369eba01f855e.txt'].indicators.dashboardCount,
    );
    const published = await fixture.database.db.selectFrom('scrutiny_recommendation').select('id').where('published', '=', true).execute();
    const recommendations = (await table('scrutiny-recommendations.csv')).map((row) => row.id);
    expect(recommendations.sort()).toEqual(published.map((row) => row.id).sort());
    expect(recommendations).toContain('recommendation-planted1');
    expect(recommendations).not.toContain('recommendation-planted2');
  });

  it('is rebuilt when the data changes, and only then', async () => {
    const before = await index();
    const unchanged = await index();
    expect(unchanged.generatedAt).toBe(before.generatedAt);
    expect(unchanged.dataVersion).toBe(before.dataVersion);

    await fixture.database.db
      .insertInto('body')
      .values({
        id: 'body-planted-bulk',
        authority_id: fixture.planted.authorityId,
        name: 'Bulk Download Test Panel',
        slug: 'bulk-download-test-panel',
        kind: 'panel',
      })
      .execute();
    const after = await index();
    expect(after.dataVersion).not.toBe(before.dataVersion);
    const bodies = parse((await get('/api/v1/open-data/bodies.csv')).body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(bodies.map((body) => body.name)).toContain('Bulk Download Test Panel');
    expect(after.files.find((file) => file.name === 'bodies.csv')!.rows).toBe(before.files.find((file) => file.name === 'bodies.csv')!.rows! + 1);
  });

  it('an unknown file is not found', async () => {
    for (const url of ['/api/v1/open-data/secrets.csv', '/api/v1/open-data/..%2Fpackage.json']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.id).toBe('not_found');
    }
  });

  it('writes the same files into a folder for static hosting (quorum open-data)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-open-data-'));
    try {
      const written = await writeOpenDataset(fixture.database.db, dir);
      expect(fs.readdirSync(dir).sort()).toEqual(written.files.map((file) => file.name).sort());
      for (const file of written.files.filter((candidate) => candidate.name.endsWith('.csv'))) {
        expect(fs.readFileSync(path.join(dir, file.name), 'utf8'), file.name).toBe((await get(`/api/v1/open-data/${file.name}`)).body);
      }
      const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'quorum.json'), 'utf8'));
      const served = (await get('/api/v1/open-data/quorum.json')).json();
      expect({ ...onDisk, exportedAt: null }).toEqual({ ...served, exportedAt: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
