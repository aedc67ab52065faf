/**
 * Issue 15 item 2: a record that stops being public reaches mirrors. OParl answers it with HTTP 200 as
 * `{ id, type, deleted: true, modified }` (OParl 1.1 section 2.8) and lists it, deleted, in `modified_since` lists
 * with a `modified` at or after the withdrawal; the JSON API and the feeds drop it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';
import { canary, createCouncil, MeetingScene, PUBLIC_URL, type Council } from './support.ts';

/** The time now, to the second below, so a stamp written after it is never earlier. */
const secondAgo = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);

describe.skipIf(databaseUnavailable)('withdrawals reach mirrors', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let council: Council;

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await createCouncil(database);
    app = await createApp({ config: { ...portalConfig, publicUrl: PUBLIC_URL }, database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return {
      status: response.statusCode,
      json: response.statusCode === 200 && /json/.test(String(response.headers['content-type'])) ? response.json() : undefined,
      body: response.body,
    };
  };

  async function publishedScene(name: string, date: string): Promise<{ scene: MeetingScene; itemId: string; reportId: string }> {
    const scene = await MeetingScene.start(council, name, date);
    const itemId = await scene.addItem({ exempt: false });
    await scene.publishAgenda();
    await scene.writeMinute({ item: 0 });
    await scene.recordVote(0);
    await scene.publishMinutes();
    const { report_id } = await database.db.selectFrom('agenda_item').select('report_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    return { scene, itemId, reportId: report_id! };
  }

  function expectDeleted(object: Record<string, unknown>, url: string, since: Date) {
    expect(object.id).toBe(`${PUBLIC_URL}${url}`);
    expect(object.deleted).toBe(true);
    expect(Object.keys(object).sort()).toEqual(['created', 'deleted', 'id', 'modified', 'type']);
    expect(new Date(String(object.modified)).getTime()).toBeGreaterThanOrEqual(since.getTime());
  }

  it('an agenda withdrawn after publication: OParl objects answer deleted, lists since then carry them, the API drops them', async () => {
    const { scene, itemId, reportId } = await publishedScene('oparlwithdrawn', '2029-05-01');
    const objects = {
      agendaItem: linkTo('oparl.agendaItem', { id: itemId }),
      paper: linkTo('oparl.paper', { id: reportId }),
      file: linkTo('oparl.file', { id: reportId }),
      consultation: linkTo('oparl.consultation', { id: itemId }),
    };
    for (const url of Object.values(objects)) {
      const before = await get(url);
      expect(before.status, url).toBe(200);
      expect(before.json.deleted, url).toBeUndefined();
    }
    const since = secondAgo();
    await scene.withdrawAgenda();
    await scene.withdrawMinutes();

    for (const url of Object.values(objects)) {
      const after = await get(url);
      expect(after.status, url).toBe(200);
      expectDeleted(after.json, url, since);
    }
    expect((await get(linkTo('oparl.file.content', { id: reportId }))).status).toBe(404);

    const query = `?modified_since=${encodeURIComponent(since.toISOString())}&limit=100`;
    for (const [list, url] of [
      ['oparl.body.agendaItems', objects.agendaItem],
      ['oparl.body.papers', objects.paper],
      ['oparl.body.files', objects.file],
      ['oparl.body.consultations', objects.consultation],
    ] as const) {
      const page = await get(`${linkTo(list, { id: council.authorityId })}${query}`);
      expect(page.status, list).toBe(200);
      const entry = (page.json.data as Array<Record<string, unknown>>).find((object) => object.id === `${PUBLIC_URL}${url}`);
      expect(entry, list).toBeDefined();
      expectDeleted(entry!, url, since);
      // Without the change filter a list holds only what is public.
      const plain = await get(linkTo(list, { id: council.authorityId }));
      expect(JSON.stringify(plain.json), list).not.toContain(url);
    }

    const meeting = await get(linkTo('api.meeting', { id: scene.meetingId }));
    expect(meeting.status).toBe(200);
    expect(meeting.body).not.toContain(itemId);
    expect(meeting.body).not.toContain(canary('oparlwithdrawnm1', 'resolution'));
    for (const feed of ['feed.minutes.atom', 'feed.minutes.rss', 'feed.decisions.atom', 'feed.decisions.rss'] as const) {
      const body = (await get(linkTo(feed))).body;
      expect(body, feed).not.toContain(canary('oparlwithdrawnm1', 'resolution'));
      expect(body, feed).not.toContain(canary('oparlwithdrawnm1', 'minute'));
    }
  });

  it('an item made exempt after publication: its paper, file and consultation answer deleted; the item stays with its title', async () => {
    const { scene, itemId, reportId } = await publishedScene('oparlexempt', '2029-05-02');
    const since = secondAgo();
    await scene.setExempt(0, true);
    for (const url of [linkTo('oparl.paper', { id: reportId }), linkTo('oparl.file', { id: reportId }), linkTo('oparl.consultation', { id: itemId })]) {
      const after = await get(url);
      expect(after.status, url).toBe(200);
      expectDeleted(after.json, url, since);
    }
    const item = await get(linkTo('oparl.agendaItem', { id: itemId }));
    expect(item.json).toMatchObject({ public: false, name: 'Public title oparlexempt item 1', 'quorum:exemptParagraphs': [3] });
    expect(item.body).not.toContain('kanary');
    expect(new Date(String(item.json.modified)).getTime()).toBeGreaterThanOrEqual(since.getTime());
    const papers = await get(`${linkTo('oparl.body.papers', { id: council.authorityId })}?modified_since=${encodeURIComponent(since.toISOString())}`);
    expect((papers.json.data as Array<Record<string, unknown>>).filter((object) => object.deleted).map((object) => object.id)).toContain(
      `${PUBLIC_URL}${linkTo('oparl.paper', { id: reportId })}`,
    );
  });

  it('pages of a modified_since list run through the public objects and then the deleted ones, each once', async () => {
    const since = new Date('2000-01-01T00:00:00Z');
    const all: string[] = [];
    let total = 0;
    for (let page = 1; page <= 20; page++) {
      const response = await get(
        `${linkTo('oparl.body.papers', { id: council.authorityId })}?modified_since=${encodeURIComponent(since.toISOString())}&limit=1&page=${page}`,
      );
      total = response.json.pagination.totalElements;
      all.push(...(response.json.data as Array<{ id: string }>).map((object) => object.id));
      if (!response.json.links.next) break;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(total);
    expect(total).toBeGreaterThanOrEqual(2);
  });
});
