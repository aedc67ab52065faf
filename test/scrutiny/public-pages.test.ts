/**
 * The public scrutiny pages over HTTP, on the imported seeds: the list, a recommendation with its responses and
 * history, the tracking sheet and its downloads, the Cabinet report downloads, the insight page and its SVG charts,
 * and bad input answered with 400 or 404.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { readDocument } from '../../src/import/read/index.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { importAllScrutinySeeds } from './support.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(databaseUnavailable)('public scrutiny pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let recommendationId: string;
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importAllScrutinySeeds(database);
    app = await createApp({ config, database, logger: false });
    const row = await database.db
      .selectFrom('scrutiny_recommendation as r')
      .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
      .select(['r.id', 'i.meeting_id'])
      .where('i.title', '=', "Kent's Multi-Agency Looked After Children Strategy")
      .where('r.number', '=', 9)
      .executeTakeFirstOrThrow();
    recommendationId = row.id;
    meetingId = row.meeting_id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('lists published recommendations by item, filtered by status', async () => {
    const all = await app.inject({ url: linkTo('scrutiny.list') });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('24 recommendations.');
    expect(all.body).toContain('Highways Business Plan IMG - Gulley Emptying Schedules');
    const pending = await app.inject({ url: `${linkTo('scrutiny.list')}?status=PENDING` });
    expect(pending.body).toContain('2 recommendations.');
    const bad = await app.inject({ url: `${linkTo('scrutiny.list')}?status=MAYBE` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status: ');
  });

  it('shows a recommendation with its owners, response, date of response, meeting link and history', async () => {
    const page = await app.inject({ url: linkTo('scrutiny.recommendation', { id: recommendationId }) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Clarification should be sought regarding the admissions criteria');
    expect(page.body).toContain('Paul Brightwell to discuss with Tony Doran and report back to Cabinet Scrutiny.');
    expect(page.body).toContain('Date of response: 18 December 2011');
    expect(page.body).toContain(`href="${linkTo('meeting.show', { id: meetingId })}"`);
    expect(page.body).toContain('RESPONSE RECEIVED');
    expect(page.body).toContain('Kent&#39;s Multi-Agency Looked After Children Strategy');
    expect((await app.inject({ url: linkTo('scrutiny.recommendation', { id: 'scrutiny-recommendation-0000000000000000' }) })).statusCode).toBe(404);
  });

  it('hides unpublished recommendations from the public', async () => {
    await database.db.updateTable('scrutiny_recommendation').set({ published: false }).where('id', '=', recommendationId).execute();
    expect((await app.inject({ url: linkTo('scrutiny.recommendation', { id: recommendationId }) })).statusCode).toBe(404);
    expect((await app.inject({ url: linkTo('scrutiny.list') })).body).toContain('23 recommendations.');
    await database.db.updateTable('scrutiny_recommendation').set({ published: true }).where('id', '=', recommendationId).execute();
  });

  it('serves the tracking sheet as HTML, CSV and XLSX as at a date, and refuses a bad date', async () => {
    const html = await app.inject({ url: `${linkTo('scrutiny.trackingSheet')}?asAt=2011-06-17` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Follow-up items from Cabinet Scrutiny Committee – Tracking sheet');
    expect(html.body.match(/<tr class="govuk-table__row">/g)).toHaveLength(10);
    const csv = await app.inject({ url: `${linkTo('scrutiny.trackingSheet.csv')}?asAt=2011-06-17` });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFItem,Date of meeting,Recommendation,Status,Notes');
    const xlsx = await app.inject({ url: `${linkTo('scrutiny.trackingSheet.xlsx')}?asAt=2011-06-17` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.getWorksheet('Tracking sheet')!.rowCount).toBe(13);
    const bad = await app.inject({ url: `${linkTo('scrutiny.trackingSheet')}?asAt=17/06/2011` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('asAt: must be a date as YYYY-MM-DD');
  });

  it('serves the Cabinet report of a meeting as DOCX and PDF', async () => {
    const docx = await app.inject({ url: `${linkTo('scrutiny.cabinetReport.docx', { id: meetingId })}?cabinetDate=2012-01-09` });
    expect(docx.statusCode).toBe(200);
    const text = (await readDocument({ name: 'r.docx', bytes: new Uint8Array(docx.rawPayload) })).lines.join('\n');
    expect(text).toContain('To: Cabinet – 9 January 2012');
    expect(text).toContain('14. Provide Members with details of the successor bodies');
    const pdf = await app.inject({ url: linkTo('scrutiny.cabinetReport.pdf', { id: meetingId }) });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.inject({ url: linkTo('scrutiny.cabinetReport.pdf', { id: 'meeting-0000000000000000' }) })).statusCode).toBe(404);
  });

  it('shows insight figures in tables beside server-drawn SVG charts', async () => {
    const page = await app.inject({ url: `${linkTo('scrutiny.insight')}?asAt=2012-01-31` });
    expect(page.statusCode).toBe(200);
    // Responses: 3 on 15 June 2011 (14 days after 1 June) and 13 on 18 December 2011 (5 days after 13 December).
    expect(page.body).toContain('<strong>5 days</strong>');
    expect(page.body).toContain('Highways Business Plan IMG - Gulley Emp… – 1');
    const chart = await app.inject({ url: `${linkTo('scrutiny.insight.chart', { chart: 'status' })}?asAt=2012-01-31` });
    expect(chart.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(chart.body).toMatch(/^<svg/);
    expect(chart.body).toContain('RESPONSE RECEIVED');
    expect((await app.inject({ url: linkTo('scrutiny.insight.chart', { chart: 'pie' }) })).statusCode).toBe(404);
  });
});
