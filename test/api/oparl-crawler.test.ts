/**
 * A crawling OParl client: starts at the System object, follows every link and every list page, validates every
 * object (and every object embedded in it) against the official OParl 1.1 schemas, and finds no broken link and no
 * exempt content, on the imported seed papers plus planted exempt records carrying canary strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';
import { localPath, openApiFixture, PUBLIC_URL, type ApiFixture } from './support/app.ts';
import { type Crawl, crawl } from './support/oparl-crawl.ts';
import { OParlSchemas } from './support/oparl-schemas.ts';
import { ALL_CANARIES } from './support/plant.ts';

describe.skipIf(databaseUnavailable)('OParl 1.1: a crawling client from the System object', () => {
  let fixture: ApiFixture;
  let schemas: OParlSchemas;
  let result: Crawl;
  const ofType = (type: string) => [...result.objects.values()].filter((object) => object.type === `https://schema.oparl.org/1.1/${type}`);

  beforeAll(async () => {
    fixture = await openApiFixture();
    schemas = new OParlSchemas();
    result = await crawl(fixture.app, schemas, ALL_CANARIES);
  }, 180_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('loads the twelve official schemas', () => {
    expect(schemas.types.sort()).toEqual(
      [
        'AgendaItem',
        'Body',
        'Consultation',
        'File',
        'LegislativeTerm',
        'Location',
        'Meeting',
        'Membership',
        'Organization',
        'Paper',
        'Person',
        'System',
      ].sort(),
    );
  });

  it('every object validates, every link resolves, and no exempt content appears', () => {
    expect(result.problems).toEqual([]);
    expect(result.fetched.size).toBeGreaterThan(100);
    expect(result.listPages).toBeGreaterThan(10);
  });

  it('finds every kind of object', () => {
    for (const type of [
      'System',
      'Body',
      'LegislativeTerm',
      'Organization',
      'Person',
      'Membership',
      'Meeting',
      'AgendaItem',
      'Paper',
      'Consultation',
      'File',
      'Location',
    ]) {
      expect(ofType(type).length, type).toBeGreaterThan(0);
    }
  });

  it('publishes the seed meetings with their bodies, dates and places, and the planted one', async () => {
    const meetings = ofType('Meeting');
    const meetingCount = await fixture.database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(meetings).toHaveLength(Number(meetingCount.count));
    const gold = goldFacts()['001_078369eba01f855e.txt'];
    const annual = meetings.find((meeting) => meeting['quorum:date'] === '2011-05-12')!;
    expect(annual.name).toBe('Kent County Council, 12 May 2011');
    expect(annual.start).toBe(`${gold.meetings[0].start}:00+01:00`);
    expect((annual.location as { description: string }).description).toBe(gold.meetings[0].location);
    expect(annual.agendaItem as unknown[]).toHaveLength(gold.meetings[0].agendaItemCount);
    const council = meetings.find((meeting) => meeting['quorum:date'] === '2011-04-06')!;
    expect(council.participant as string[]).toHaveLength(gold.meetings[1].presentCount);
  });

  it('an exempt agenda item shows its number, title and Schedule 12A paragraphs, and no report or resolution', () => {
    const item = result.objects.get(`${PUBLIC_URL}/oparl/v1/agenda-item/${fixture.planted.exemptItemId}`)!;
    expect(item).toMatchObject({ number: '2', name: 'Contract award: cleaning services', public: false, 'quorum:exemptParagraphs': [3] });
    expect(item.consultation).toBeUndefined();
    expect(item.resolutionText).toBeUndefined();
    expect(item['quorum:voteEvent']).toBeUndefined();
  });

  it('a public agenda item links its consultation, its resolution and its vote event', () => {
    const item = result.objects.get(`${PUBLIC_URL}/oparl/v1/agenda-item/${fixture.planted.publicItemId}`)!;
    expect(item.public).toBe(true);
    expect(item.consultation).toBe(`${PUBLIC_URL}/oparl/v1/consultation/${fixture.planted.publicItemId}`);
    expect(item.resolutionText).toBe('RESOLVED that the review be noted.');
    expect(item['quorum:voteEvent']).toEqual([`${PUBLIC_URL}/api/v1/vote-events/${fixture.planted.publicVoteEventId}`]);
  });

  it('exempt reports, and reports carried by exempt items, are not papers or files', async () => {
    const paperIds = ofType('Paper').map((paper) => paper.id);
    const fileIds = ofType('File').map((file) => file.id);
    expect(paperIds).toContain(`${PUBLIC_URL}/oparl/v1/paper/${fixture.planted.publicReportId}`);
    for (const id of [fixture.planted.exemptReportId, fixture.planted.reportOnExemptItemId]) {
      expect(paperIds).not.toContain(`${PUBLIC_URL}/oparl/v1/paper/${id}`);
      expect(fileIds).not.toContain(`${PUBLIC_URL}/oparl/v1/file/${id}`);
    }
    // Every other report is a paper: counted here independently of the API's own query.
    const reports = await fixture.database.db.selectFrom('report').select(['id', 'exempt']).execute();
    const carriedByExemptItems = new Set(
      (await fixture.database.db.selectFrom('agenda_item').select('report_id').where('exempt', '=', true).execute()).map((row) => row.report_id),
    );
    const publicReports = reports.filter((report) => !report.exempt && !carriedByExemptItems.has(report.id));
    expect(paperIds.sort()).toEqual(publicReports.map((report) => `${PUBLIC_URL}/oparl/v1/paper/${report.id}`).sort());
    expect(publicReports.length).toBeGreaterThanOrEqual(8);
  });

  // OParl 1.1 section 2.8: a paper that is not public answers as deleted, saying nothing else (issue 15), so a
  // mirror that holds a copy drops it; its text is not served at all.
  it('exempt papers and files answer by id as deleted objects only', async () => {
    for (const path of [`/oparl/v1/paper/${fixture.planted.exemptReportId}`, `/oparl/v1/file/${fixture.planted.reportOnExemptItemId}`]) {
      const response = await fixture.app.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(200);
      expect(response.json()).toEqual({
        id: `${PUBLIC_URL}${path}`,
        type: expect.stringMatching(/^https:\/\/schema\.oparl\.org\/1\.1\/(Paper|File)$/),
        deleted: true,
        created: expect.any(String),
        modified: expect.any(String),
      });
    }
    const content = await fixture.app.inject({ method: 'GET', url: `/oparl/v1/file/${fixture.planted.exemptReportId}/content` });
    expect(content.statusCode).toBe(404);
    // OParl's own error object (specification 1.1, "Fehlerbehandlung"), with the HTTP status.
    expect(content.json()).toEqual({ type: 'https://schema.oparl.org/1.1/Error', message: expect.any(String), debug: 'not_found' });
  });

  it('political groups are organizations with their memberships; people embed theirs', () => {
    const groups = ofType('Organization').filter((organization) => organization.organizationType === 'political group');
    expect(groups.map((group) => group.name).sort()).toEqual(['Conservative', 'Liberal Democrat']);
    const conservative = groups.find((group) => group.name === 'Conservative')!;
    expect(conservative.membership as string[]).toHaveLength(4);
    const person = ofType('Person').find((candidate) =>
      (candidate.membership as Array<{ organization: string }>).some(
        (membership) => membership.organization === `${PUBLIC_URL}/oparl/v1/organization/body-d9501a8f5ede2c12`,
      ),
    );
    expect(person).toBeDefined();
  });

  it('links each member to their register of interests in the JSON API (an extension), and no officer', async () => {
    const people = ofType('Person');
    const members = people.filter((person) => (person.status as string[]).includes('member'));
    expect(members.length).toBeGreaterThan(0);
    for (const member of members)
      expect(member['quorum:interests'], String(member.id)).toBe(`${PUBLIC_URL}/api/v1/interests/${String(member.id).split('/').at(-1)}`);
    for (const other of people.filter((person) => !(person.status as string[]).includes('member'))) expect(other['quorum:interests']).toBeUndefined();
    const register = await fixture.app.inject({ method: 'GET', url: localPath(members[0]!['quorum:interests'] as string)! });
    expect(register.statusCode).toBe(200);
    expect(register.json().personId).toBe(String(members[0]!.id).split('/').at(-1));
  });

  it('a file serves the report text at its access URL', async () => {
    const file = result.objects.get(`${PUBLIC_URL}/oparl/v1/file/${fixture.planted.publicReportId}`)!;
    const response = await fixture.app.inject({ method: 'GET', url: localPath(file.accessUrl as string)! });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toBe('Borrowing stayed within the prudential limits.');
    expect(file.size).toBe(Buffer.byteLength(response.body));
    // The download URL is a different address that sends the same text as an attachment.
    expect(file.downloadUrl).not.toBe(file.accessUrl);
    const download = await fixture.app.inject({ method: 'GET', url: localPath(file.downloadUrl as string)! });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${file.fileName as string}"`);
    expect(download.body).toBe(response.body);
  });

  it('the validator itself rejects a broken object and a broken embedded object', () => {
    const meeting = result.objects.get(`${PUBLIC_URL}/oparl/v1/meeting/${fixture.planted.meetingId}`)!;
    expect(schemas.validate(meeting)).toEqual([]);
    expect(schemas.validate({ ...meeting, start: '23 November 2011' }).join()).toContain('/start');
    const items = meeting.agendaItem as Array<Record<string, unknown>>;
    expect(schemas.validate({ ...meeting, agendaItem: [{ ...items[0], order: 'first' }] }).join()).toContain('.agendaItem[0]/order');
  });

  it('filters lists by change time and keeps the filters in the page links', async () => {
    const body = `/oparl/v1/body/${fixture.planted.authorityId}`;
    const future = (await fixture.app.inject({ method: 'GET', url: `${body}/meetings?modified_since=2999-01-01T00:00:00Z` })).json();
    expect(future.data).toEqual([]);
    expect(future.pagination).toEqual({ totalElements: 0, elementsPerPage: 20, currentPage: 1, totalPages: 1 });
    const old = (await fixture.app.inject({ method: 'GET', url: `${body}/people?created_until=2000-01-01T00:00:00%2B01:00` })).json();
    expect(old.data).toEqual([]);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const page = (await fixture.app.inject({ method: 'GET', url: `${body}/people?created_since=${since}&limit=7&page=2` })).json();
    expect(page.data).toHaveLength(7);
    expect(page.pagination).toMatchObject({ elementsPerPage: 7, currentPage: 2 });
    for (const key of ['first', 'prev', 'next', 'last']) {
      const link = new URL(page.links[key]);
      expect(link.searchParams.get('created_since'), key).toBe(since);
      expect(link.searchParams.get('limit'), key).toBe('7');
    }
    expect(new URL(page.links.next).searchParams.get('page')).toBe('3');
    const bad = await fixture.app.inject({ method: 'GET', url: `${body}/people?modified_since=yesterday&page=0` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error', message: expect.any(String) });
    expect(bad.json().debug).toMatch(/modified_since: .*page: |page: .*modified_since: /);
  });

  it('caps a page size over 100 at 100 instead of refusing it, and says so in the links', async () => {
    const body = `/oparl/v1/body/${fixture.planted.authorityId}`;
    const response = await fixture.app.inject({ method: 'GET', url: `${body}/agenda-items?limit=500` });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.pagination.elementsPerPage).toBe(100);
    expect(page.data.length).toBeLessThanOrEqual(100);
    expect(new URL(page.links.first).searchParams.get('limit')).toBe('100');
    expect((await fixture.app.inject({ method: 'GET', url: `${body}/agenda-items?limit=0` })).statusCode).toBe(400);
  });

  it('filters the legislative terms by change time like every other list', async () => {
    const terms = `/oparl/v1/body/${fixture.planted.authorityId}/legislative-terms`;
    const all = (await fixture.app.inject({ method: 'GET', url: terms })).json();
    expect(all.data.length).toBeGreaterThan(0);
    for (const term of all.data) expect(schemas.validate(term)).toEqual([]);
    expect((await fixture.app.inject({ method: 'GET', url: `${terms}?modified_since=2999-01-01T00:00:00Z` })).json().data).toEqual([]);
    expect((await fixture.app.inject({ method: 'GET', url: `${terms}?created_until=2000-01-01T00:00:00Z` })).json().data).toEqual([]);
    expect((await fixture.app.inject({ method: 'GET', url: `${terms}?modified_since=2000-01-01T00:00:00Z` })).json().data).toHaveLength(all.data.length);
  });

  it('writes created and modified with the London offset (milliseconds when there are any)', () => {
    const stamped = [...result.objects.values()].filter((object) => 'modified' in object || 'created' in object);
    expect(stamped.length).toBeGreaterThan(100);
    for (const object of stamped) {
      for (const key of ['created', 'modified']) {
        if (key in object) expect(object[key], `${object.id} ${key}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/);
      }
    }
  });

  it("numbers each meeting's agenda items from 0, in the meeting's order", () => {
    for (const meeting of ofType('Meeting')) {
      const orders = (meeting.agendaItem as Array<{ order: number }>).map((item) => item.order);
      if (orders.length === 0) continue;
      expect(Math.min(...orders), String(meeting.id)).toBe(0);
      expect(orders, String(meeting.id)).toEqual([...orders].sort((a, b) => a - b));
    }
  });

  it('names the licence and the contact address on the System and every Body', () => {
    for (const object of [...ofType('System'), ...ofType('Body')]) {
      expect(object.license, String(object.id)).toBe('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
      expect(object.contactEmail, String(object.id)).toBe('opendata@democracy.example.gov.uk');
    }
  });

  it('an unknown body has no lists', async () => {
    const response = await fixture.app.inject({ method: 'GET', url: '/oparl/v1/body/authority-0000000000000000/meetings' });
    expect(response.statusCode).toBe(404);
  });
});
