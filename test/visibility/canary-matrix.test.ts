/**
 * Issue 15, the canary matrix: for each order in which officers work, canaries written into everything a meeting
 * holds (agenda item title and description, report, minute, motion and vote, resolution) must not reach any public
 * surface while the rule keeps them private, and the public pieces (an exempt item's number, title and Schedule 12A
 * paragraphs; published text) must be there. The surfaces: every public route with every record id and every link
 * they give (pages, feeds, iCal, agenda packs and minutes as PDF and DOCX read back, OParl, /api/v1, the bulk
 * download), `quorum export --public` and `quorum open-data`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';
import {
  canary,
  crawl,
  createCouncil,
  expectation,
  found,
  leaksIn,
  MeetingScene,
  offlineSurfaces,
  PUBLIC_URL,
  type Expectation,
  type Surface,
} from './support.ts';

describe.skipIf(databaseUnavailable)('the canary matrix: every order of officer actions, every public surface', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let expected: Expectation;
  let surfaces: Surface[];
  const scenes: Record<string, MeetingScene> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const council = await createCouncil(database);
    const scene = async (name: string, date: string) => (scenes[name] = await MeetingScene.start(council, name, date));

    // Created exempt, then everything written and published.
    const created = await scene('createdexempt', '2029-03-05');
    await created.addItem({ exempt: true });
    await created.publishAgenda();
    await created.writeMinute({ item: 0 });
    await created.recordVote(0);
    await created.publishMinutes();

    // Made exempt after the minute, vote and resolution were written, then published.
    const afterMinutes = await scene('afterrecord', '2029-03-06');
    await afterMinutes.addItem({ exempt: false });
    await afterMinutes.writeMinute({ item: 0 });
    await afterMinutes.recordVote(0);
    await afterMinutes.setExempt(0, true);
    await afterMinutes.publishAgenda();
    await afterMinutes.publishMinutes();

    // Made exempt after everything was published.
    const afterPublication = await scene('afterpublication', '2029-03-07');
    await afterPublication.addItem({ exempt: false });
    await afterPublication.publishAgenda();
    await afterPublication.writeMinute({ item: 0 });
    await afterPublication.recordVote(0);
    await afterPublication.publishMinutes();
    await afterPublication.setExempt(0, true);

    // Never published: neither agenda nor minutes.
    const never = await scene('neverpublished', '2029-03-08');
    await never.addItem({ exempt: false, titleCanary: true });
    await never.writeMinute({ item: 0, titleCanary: true });
    await never.writeMinute({ item: null, titleCanary: true });
    await never.recordVote(0);

    // The agenda published, the minutes never.
    const agendaOnly = await scene('agendaonly', '2029-03-09');
    await agendaOnly.addItem({ exempt: false });
    await agendaOnly.publishAgenda();
    await agendaOnly.writeMinute({ item: 0, titleCanary: true });
    await agendaOnly.recordVote(0);

    // Published, then withdrawn.
    const withdrawn = await scene('withdrawn', '2029-03-10');
    await withdrawn.addItem({ exempt: false, titleCanary: true });
    await withdrawn.publishAgenda();
    await withdrawn.writeMinute({ item: 0, titleCanary: true });
    await withdrawn.recordVote(0);
    await withdrawn.publishMinutes();
    await withdrawn.withdrawAgenda();
    await withdrawn.withdrawMinutes();

    // A control: published and public, so the crawl is shown to reach every kind of text.
    const control = await scene('control', '2029-03-11');
    await control.addItem({ exempt: false });
    await control.publishAgenda();
    await control.writeMinute({ item: 0 });
    await control.recordVote(0);
    await control.publishMinutes();
    await control.recommend({ published: true });

    // A scrutiny recommendation (and its response) not yet published: never searchable nor shown.
    const draft = await scene('draftrecommendation', '2029-03-12');
    await draft.recommend({ published: false });

    expected = await expectation(database.db);
    app = await createApp({ config: { ...portalConfig, publicUrl: PUBLIC_URL }, database, logger: false });
    await app.ready();

    const ids = new Set<string>([council.bodySlug, council.authorityId, ...council.members]);
    for (const table of [
      'meeting',
      'report',
      'agenda_item',
      'minute',
      'vote_event',
      'resolution',
      'motion',
      'scrutiny_recommendation',
      'scrutiny_response',
    ] as const) {
      for (const row of await database.db.selectFrom(table).select('id').execute()) ids.add(row.id);
    }
    const start = [
      '/',
      linkTo('feed.meetings.ics'),
      linkTo('feed.minutes.rss'),
      linkTo('feed.minutes.atom'),
      linkTo('feed.decisions.rss'),
      linkTo('feed.decisions.atom'),
      linkTo('api.openData'),
    ];
    for (const text of [...expected.secret, ...expected.open]) start.push(`${linkTo('search')}?q=${text}`);
    surfaces = [...(await crawl(app, { ids: [...ids], start })), ...(await offlineSurfaces(database.db))];
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('the oracle sees a secret in every slot of every private scenario', () => {
    for (const name of ['createdexempt', 'afterrecord', 'afterpublication']) {
      for (const slot of ['desc', 'report']) expect(expected.secret, `${name} ${slot}`).toContain(canary(`${name}i1`, slot));
      for (const slot of ['minute', 'resolution']) expect(expected.secret, `${name} ${slot}`).toContain(canary(`${name}m1`, slot));
      expect(expected.secret).toContain(canary(`${name}m1v1`, 'motion'));
    }
    for (const name of ['neverpublished', 'withdrawn']) expect(expected.secret).toContain(canary(`${name}i1`, 'title'));
    expect(expected.secret).toContain(canary('agendaonlym1', 'mtitle'));
    expect(expected.open).toContain(canary('agendaonlyi1', 'desc'));
    expect(expected.open).toContain(canary('controlm1', 'resolution'));
    for (const slot of ['rtext', 'rresp']) {
      expect(expected.open).toContain(canary('controlr1', slot));
      expect(expected.secret).toContain(canary('draftrecommendationr1', slot));
    }
  });

  it('no public surface holds a secret canary', () => {
    expect(leaksIn(surfaces, expected.secret)).toEqual([]);
  });

  it('the crawl reached every surface, and the public canaries on them', () => {
    const read = surfaces.filter((surface) => surface.status === 200);
    const all = read.map((surface) => surface.text).join('\n');
    expect(found(all, expected.open).sort()).toEqual([...expected.open].sort());
    const urls = new Set(read.map((surface) => surface.url));
    const control = scenes.control!.meetingId;
    for (const url of [
      linkTo('meeting.show', { id: control }),
      linkTo('meeting.agendaPack.pdf', { id: control }),
      linkTo('meeting.agendaPack.docx', { id: control }),
      linkTo('meeting.minutes.pdf', { id: control }),
      linkTo('meeting.minutes.docx', { id: control }),
      linkTo('oparl.agendaItem', { id: scenes.control!.items[0]! }),
      linkTo('api.meeting', { id: control }),
      linkTo('feed.minutes.atom'),
      linkTo('decision.list'),
    ]) {
      expect(urls, url).toContain(url);
    }
    for (const kind of ['pdf', 'docx']) {
      const pack = read.find((surface) => surface.url === linkTo(kind === 'pdf' ? 'meeting.agendaPack.pdf' : 'meeting.agendaPack.docx', { id: control }))!;
      expect(pack.text, kind).toContain(canary('controli1', 'report'));
    }
    expect(surfaces.some((surface) => surface.url.startsWith('quorum open-data') && surface.text.includes(canary('controlm1', 'resolution')))).toBe(true);
  });

  it('an exempt item shows its number, title and Schedule 12A paragraphs', () => {
    for (const name of ['createdexempt', 'afterrecord', 'afterpublication']) {
      const page = surfaces.find((surface) => surface.url === linkTo('meeting.show', { id: scenes[name]!.meetingId }))!;
      expect(page.status).toBe(200);
      expect(page.text).toContain(`Public title ${name} item 1`);
      expect(page.text).toMatch(/Schedule 12A paragraph 3/);
    }
  });
});
