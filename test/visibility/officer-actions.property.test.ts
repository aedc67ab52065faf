/**
 * Issue 15 item 3b: random sequences of officer actions (add an item, exempt or not; mark an item exempt or public;
 * write a minute with a resolution; record a named vote; publish or withdraw the agenda or the minutes) run through
 * the real service functions, then every public surface of the meeting is read and checked against the rule, as an
 * independent oracle computes it from the base tables: no secret canary anywhere, every public one somewhere, and
 * each exempt item on a published agenda shown by its title and Schedule 12A paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';
import { attempt, createCouncil, expectation, found, leaksIn, MeetingScene, PUBLIC_URL, type Council, type Surface } from './support.ts';
import { docxText, pdfPages } from '../documents/read-back.ts';

type Action =
  | { kind: 'addItem'; exempt: boolean }
  | { kind: 'setExempt'; item: number; exempt: boolean }
  | { kind: 'writeMinute'; item: number | null; exempt: boolean }
  | { kind: 'recordVote'; minute: number }
  | { kind: 'publishAgenda' | 'withdrawAgenda' | 'publishMinutes' | 'withdrawMinutes' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addItem' as const), exempt: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('setExempt' as const), item: fc.nat(3), exempt: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('writeMinute' as const), item: fc.option(fc.nat(3), { nil: null }), exempt: fc.constantFrom(false, false, true) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recordVote' as const), minute: fc.nat(3) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('publishAgenda' as const, 'withdrawAgenda' as const, 'publishMinutes' as const, 'withdrawMinutes' as const) }),
  },
);

async function perform(scene: MeetingScene, step: Action): Promise<void> {
  switch (step.kind) {
    case 'addItem':
      await attempt(() => scene.addItem({ exempt: step.exempt, titleCanary: true }));
      return;
    case 'setExempt':
      if (scene.items.length) await attempt(() => scene.setExempt(step.item % scene.items.length, step.exempt));
      return;
    case 'writeMinute':
      await attempt(() =>
        scene.writeMinute({
          item: step.item === null || scene.items.length === 0 ? null : step.item % scene.items.length,
          exempt: step.exempt,
          titleCanary: true,
        }),
      );
      return;
    case 'recordVote':
      if (scene.minutes.length) await attempt(() => scene.recordVote(step.minute % scene.minutes.length));
      return;
    case 'publishAgenda':
      await attempt(() => scene.publishAgenda());
      return;
    case 'withdrawAgenda':
      await attempt(() => scene.withdrawAgenda());
      return;
    case 'publishMinutes':
      await attempt(() => scene.publishMinutes());
      return;
    case 'withdrawMinutes':
      await attempt(() => scene.withdrawMinutes());
      return;
  }
}

describe.skipIf(databaseUnavailable)('random orders of officer actions never make private text public', () => {
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

  async function read(url: string): Promise<Surface> {
    const response = await app.inject({ method: 'GET', url });
    const type = String(response.headers['content-type'] ?? '');
    let text = response.body;
    if (response.statusCode === 200 && type.startsWith('application/pdf')) text = (await pdfPages(response.rawPayload)).join('\n');
    if (response.statusCode === 200 && type.includes('wordprocessingml')) text = await docxText(response.rawPayload);
    return { url, status: response.statusCode, type, text };
  }

  /** The public surfaces a meeting's records can reach. */
  async function surfacesOf(scene: MeetingScene): Promise<Surface[]> {
    const id = scene.meetingId;
    const urls = [
      linkTo('meeting.show', { id }),
      linkTo('meeting.agendaPack.pdf', { id }),
      linkTo('meeting.agendaPack.docx', { id }),
      linkTo('meeting.minutes.pdf', { id }),
      linkTo('meeting.minutes.docx', { id }),
      linkTo('decision.list'),
      linkTo('feed.minutes.atom'),
      linkTo('feed.decisions.rss'),
      linkTo('feed.meetings.ics'),
      linkTo('api.meeting', { id }),
      `${linkTo('api.voteEvents')}?limit=100`,
      linkTo('oparl.meeting', { id }),
      `${linkTo('oparl.body.agendaItems', { id: council.authorityId })}?limit=100&modified_since=2000-01-01T00:00:00Z`,
      `${linkTo('oparl.body.papers', { id: council.authorityId })}?limit=100&modified_since=2000-01-01T00:00:00Z`,
      ...council.members.map((member) => linkTo('person.show', { id: member })),
    ];
    const items = await database.db.selectFrom('agenda_item').select(['id', 'report_id']).where('meeting_id', '=', id).execute();
    for (const item of items) {
      urls.push(linkTo('oparl.agendaItem', { id: item.id }));
      if (item.report_id) urls.push(linkTo('report.show', { id: item.report_id }), linkTo('oparl.file.content', { id: item.report_id }));
    }
    const surfaces: Surface[] = [];
    for (const url of urls) surfaces.push(await read(url));
    surfaces.push({
      url: 'search index',
      status: 200,
      type: 'json',
      text: JSON.stringify(await database.db.selectFrom('search_document').select(['title', 'body']).execute()),
    });
    surfaces.push({ url: 'quorum export --public', status: 200, type: 'json', text: JSON.stringify(await buildExport(database.db, { includeExempt: false })) });
    return surfaces;
  }

  it('holds for every sequence tried', { timeout: 600_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (steps) => {
        run += 1;
        const date = new Date(Date.UTC(2029, 6, 1 + run)).toISOString().slice(0, 10);
        const scene = await MeetingScene.start(council, `p${run}r`, date);
        for (const step of steps) await perform(scene, step);
        const expected = await expectation(database.db);
        const surfaces = await surfacesOf(scene);
        expect(leaksIn(surfaces, expected.secret)).toEqual([]);
        // Nothing public is hidden: each of this meeting's public canaries is on some surface.
        const mine = [...expected.open].filter((text) => text.startsWith(`kanary${scene.name}`));
        const all = surfaces
          .filter((surface) => surface.status === 200)
          .map((surface) => surface.text)
          .join('\n');
        expect(mine.filter((text) => found(all, [text]).length === 0)).toEqual([]);
        const workflow = await database.db.selectFrom('meeting_workflow').selectAll().where('id', '=', scene.meetingId).executeTakeFirstOrThrow();
        if (workflow.agenda_published_at) {
          const page = surfaces[0]!.text;
          for (const item of await database.db.selectFrom('agenda_item').select(['title', 'exempt']).where('meeting_id', '=', scene.meetingId).execute()) {
            expect(page).toContain(item.title);
            if (item.exempt) expect(page).toMatch(/Schedule 12A paragraph 3/);
          }
        }
      }),
      { numRuns: Number(process.env.QUORUM_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  });
});
