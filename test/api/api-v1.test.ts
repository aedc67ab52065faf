/**
 * Quorum's JSON API: the OpenAPI document validates as OpenAPI 3, every documented route is exercised and answers
 * with what its schema documents, and the API's promises hold: cursor pages, ETags, CORS, one error shape,
 * Popolo vote events with group results, no exempt content, and a bulk download rebuilt when data changes.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUnavailable } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';
import { localPath, openApiFixture, PUBLIC_URL, type ApiFixture } from './support/app.ts';
import { ALL_CANARIES } from './support/plant.ts';
import { PopoloSchemas } from './support/popolo-schemas.ts';
import { plantAccountability, UNPUBLISHED_CANARY, type PlantedAccountability } from './support/plant-accountability.ts';
import { plantRegisters } from '../registers/plant-registers.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface OpenApiDocument {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
}

describe.skipIf(databaseUnavailable)('the JSON API at /api/v1', () => {
  let fixture: ApiFixture;
  let document: OpenApiDocument;
  let accountability: PlantedAccountability;
  let registers: Awaited<ReturnType<typeof plantRegisters>>;
  const get = (url: string, headers: Record<string, string> = {}) => fixture.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    fixture = await openApiFixture();
    const body = await fixture.database.db.selectFrom('meeting').select('body_id').where('id', '=', fixture.planted.meetingId).executeTakeFirstOrThrow();
    accountability = await plantAccountability(fixture.database.db, {
      authorityId: fixture.planted.authorityId,
      meetingId: fixture.planted.meetingId,
      bodyId: body.body_id,
    });
    registers = await plantRegisters(fixture.database.db, { bodyId: body.body_id, memberId: fixture.planted.voters.yes[0]! });
    document = (await get('/api/openapi.json')).json() as OpenApiDocument;
  }, 180_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('serves an OpenAPI document that validates as OpenAPI 3', async () => {
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.0.3');
    expect(document.servers).toEqual([{ url: PUBLIC_URL }]);
    // Only the JSON API is documented: OParl has its own specification, the docs page and preflights are plumbing.
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api/v1/'))).toBe(true);
  });

  it('serves interactive documentation at /api/docs', async () => {
    const page = await get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const json = await get('/api/docs/json');
    expect(json.json()).toMatchObject({ openapi: '3.0.3' });
  });

  it('declares both media types of a bulk-download file, and quorum.json comes as JSON', async () => {
    const operation = document.paths['/api/v1/open-data/{file}']!.get!;
    expect(Object.keys(operation.responses['200']!.content!).sort()).toEqual(['application/json', 'text/csv']);
    expect((await get('/api/v1/open-data/quorum.json')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('lists null among the values of every nullable enum (OpenAPI 3.0.3: nullable does not widen an enum)', () => {
    const offenders: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) offenders.push(where);
      for (const [key, child] of Object.entries(schema)) walk(child, `${where}/${key}`);
    };
    walk(document, '#');
    expect(offenders).toEqual([]);
  });

  it('every documented route answers 200 with a body its documented schema accepts', async () => {
    const { planted } = fixture;
    const examples: Record<string, string> = {
      'api.bodies': '/api/v1/bodies?limit=3',
      'api.body': '/api/v1/bodies/body-d9501a8f5ede2c12',
      'api.people': '/api/v1/people?kind=member&limit=5',
      'api.person': `/api/v1/people/${planted.voters.yes[0]}`,
      'api.meetings': '/api/v1/meetings?from=2011-04-01&to=2011-12-31',
      'api.meeting': `/api/v1/meetings/${planted.meetingId}`,
      'api.voteEvents': '/api/v1/vote-events',
      'api.voteEvent': `/api/v1/vote-events/${planted.publicVoteEventId}`,
      'api.decisions': '/api/v1/decisions?from=2011-01-01',
      'api.decision': `/api/v1/decisions/${planted.decisionId}`,
      'api.openData': '/api/v1/open-data',
      'api.openData.file': '/api/v1/open-data/meetings.csv',
      'api.recommendations': '/api/v1/recommendations?status=RESPONSE%20RECEIVED',
      'api.recommendation': `/api/v1/recommendations/${accountability.publishedRecommendationId}`,
      'api.plans': '/api/v1/plans',
      'api.plan': `/api/v1/plans/${accountability.planId}`,
      'api.indicators': `/api/v1/indicators?plan=${accountability.planId}`,
      'api.indicator': `/api/v1/indicators/${accountability.indicatorId}`,
      'api.allowancesStatement': '/api/v1/allowances/statements/2011-12',
      'api.forwardPlan': '/api/v1/forward-plan?from=2027-01-01&status=planned',
      'api.forwardPlanEntry': `/api/v1/forward-plan/${registers.entryId}`,
      'api.interests': '/api/v1/interests',
      'api.memberInterests': `/api/v1/interests/${registers.memberId}`,
      'api.outsideBodies': '/api/v1/outside-bodies',
      'api.outsideBody': `/api/v1/outside-bodies/${registers.outsideBodyId}`,
    };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const exercised: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(method).toBe('get');
        const url = examples[operation.operationId];
        expect(url, `no example for ${operation.operationId} (${path})`).toBeDefined();
        const response = await get(url!);
        expect(response.statusCode, url).toBe(200);
        const content = operation.responses['200']!.content!;
        // The response's media type is one the document declares, and a JSON body matches the declared schema.
        const mediaType = String(response.headers['content-type']).split(';')[0]!.trim();
        expect(Object.keys(content), url).toContain(mediaType);
        if (mediaType === 'application/json') {
          const validate = ajv.compile(content[mediaType]!.schema);
          expect(validate(response.json()), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
        exercised.push(operation.operationId);
      }
    }
    expect(exercised.sort()).toEqual(Object.keys(examples).sort());
  });

  it('pages through every person with cursors, each exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/api/v1/people?limit=10';
    let pages = 0;
    while (url) {
      const page = (await get(url)).json() as { data: Array<{ id: string }>; links: { next: string | null } };
      seen.push(...page.data.map((person) => person.id));
      url = page.links.next ? localPath(page.links.next) : undefined;
      pages += 1;
    }
    const total = await fixture.database.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(seen).toHaveLength(Number(total.count));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(Number(total.count) / 10));
  });

  it('keeps filters in the next link', async () => {
    const page = (await get('/api/v1/people?kind=member&limit=2')).json() as { links: { next: string } };
    const next = new URL(page.links.next);
    expect(next.searchParams.get('kind')).toBe('member');
    expect(next.searchParams.get('limit')).toBe('2');
    const following = (await get(localPath(page.links.next)!)).json() as { data: Array<{ kind: string }> };
    expect(following.data.every((person) => person.kind === 'member')).toBe(true);
  });

  it('answers bad input with 400 and the field at fault, and unknown records with 404, in one error shape', async () => {
    const bad = await get('/api/v1/meetings?from=12/05/2011&limit=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        id: 'validation_error',
        status: 400,
        message: expect.stringContaining('from: must be a date as YYYY-MM-DD'),
        problems: [
          { field: 'limit', message: 'must be a whole number from 1 to 200' },
          { field: 'from', message: 'must be a date as YYYY-MM-DD' },
        ],
      },
    });
    const badCursor = await get('/api/v1/bodies?cursor=not-ours');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.problems).toEqual([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
    for (const url of ['/api/v1/meetings/meeting-0000000000000000', '/api/v1/meetings/%3Cscript%3E', '/api/v1/nothing-here']) {
      const missing = await get(url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(missing.json()).toEqual({ error: { id: 'not_found', status: 404, message: expect.any(String) } });
    }
    // OParl writes the error object its specification defines, with the same status.
    const oparl = await get('/oparl/v1/meeting/meeting-0000000000000000');
    expect(oparl.statusCode).toBe(404);
    expect(oparl.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(oparl.json()).toEqual({ type: 'https://schema.oparl.org/1.1/Error', message: 'Meeting not found', debug: 'not_found' });
  });

  it('sends ETags and answers a matching If-None-Match with 304; a change makes a new ETag', async () => {
    const first = await get('/api/v1/bodies');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get('/api/v1/bodies', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const oparl = await get('/oparl/v1/system');
    expect((await get('/oparl/v1/system', { 'if-none-match': `W/${oparl.headers.etag as string}` })).statusCode).toBe(304);

    await fixture.database.db
      .insertInto('body')
      .values({ id: 'body-planted-etag', authority_id: fixture.planted.authorityId, name: 'Etag Test Panel', slug: 'etag-test-panel', kind: 'panel' })
      .execute();
    const changed = await get('/api/v1/bodies', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json().data.map((body: { name: string }) => body.name)).toContain('Etag Test Panel');
    await fixture.database.db.deleteFrom('body').where('id', '=', 'body-planted-etag').execute();
  });

  it('lets any web page read the data (CORS), including revalidating preflights', async () => {
    const response = await get('/api/v1/bodies', { origin: 'https://civic.example.org' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toContain('ETag');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const preflight = await fixture.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/meetings',
      headers: { origin: 'https://civic.example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(preflight.headers['access-control-allow-headers']).toContain('If-None-Match');
    expect((await get('/oparl/v1/system')).headers['access-control-allow-origin']).toBe('*');
  });

  it('publishes the recorded vote of 6 April 2011 as a Popolo vote event with the gold counts', async () => {
    const fact = goldFacts()['001_078369eba01f855e.txt'].meetings[1].voteEvents[0];
    const events = (await get('/api/v1/vote-events')).json() as { data: Array<Record<string, any>> };
    // Popolo's motion date is a date-time: the meeting's start in London time (BST in April).
    const event = events.data.find((candidate) => candidate.motion.date.startsWith('2011-04-06T'))!;
    expect(event.motion.date).toMatch(/^2011-04-06T\d\d:\d\d:00\+01:00$/);
    expect(event.identifier).toBe(fact.minuteNumber);
    expect(event.counts).toEqual([
      { option: 'yes', value: fact.for },
      { option: 'no', value: fact.against },
      { option: 'abstain', value: fact.abstain },
    ]);
    expect(event['quorum:result']).toBe(fact.result);
    expect(event.result).toBe('pass');
    expect(event.votes).toHaveLength(fact.for + fact.against + fact.abstain);
    expect(event.votes.filter((vote: { option: string }) => vote.option === 'no')).toHaveLength(fact.against);
  });

  it('every vote event, in the list and by id, matches the Popolo schemas', async () => {
    const popolo = new PopoloSchemas();
    const problems: string[] = [];
    const events = (await get('/api/v1/vote-events?limit=100')).json().data as Array<Record<string, unknown>>;
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      problems.push(...popolo.validateVoteEvent(event, String(event.id)));
      problems.push(...popolo.validateVoteEvent((await get(`/api/v1/vote-events/${String(event.id)}`)).json(), `${String(event.id)} by id`));
    }
    expect(problems).toEqual([]);
  });

  it('gives each vote its group and each group its counts; votes on exempt items are not published', async () => {
    const { planted } = fixture;
    const event = (await get(`/api/v1/vote-events/${planted.publicVoteEventId}`)).json() as Record<string, any>;
    expect(event.motion.text).toBe('that the review be noted');
    expect(event.group_results).toEqual([
      {
        group: { id: planted.groupIds[0], name: 'Conservative' },
        result: 'pass',
        counts: [
          { option: 'yes', value: 3 },
          { option: 'no', value: 1 },
          { option: 'abstain', value: 0 },
        ],
      },
      {
        group: { id: planted.groupIds[1], name: 'Liberal Democrat' },
        result: 'fail',
        counts: [
          { option: 'yes', value: 0 },
          { option: 'no', value: 1 },
          { option: 'abstain', value: 1 },
        ],
      },
    ]);
    const voter = event.votes.find((vote: { voter_id: string }) => vote.voter_id === planted.voters.abstain[0]);
    expect(voter).toMatchObject({ option: 'abstain', group_id: planted.groupIds[1] });
    expect(event.links.oparlAgendaItem).toBe(`${PUBLIC_URL}/oparl/v1/agenda-item/${planted.publicItemId}`);

    expect((await get(`/api/v1/vote-events/${planted.exemptVoteEventId}`)).statusCode).toBe(404);
    const all = (await get('/api/v1/vote-events?limit=200')).json() as { data: Array<{ id: string }> };
    expect(all.data.map((candidate) => candidate.id)).not.toContain(planted.exemptVoteEventId);
    const ofMeeting = (await get(`/api/v1/vote-events?meeting=${planted.meetingId}`)).json() as { data: Array<{ id: string }> };
    expect(ofMeeting.data.map((candidate) => candidate.id)).toEqual([planted.publicVoteEventId]);
  });

  it('a meeting shows exempt items and minutes by number, title and paragraphs only', async () => {
    const { planted } = fixture;
    const response = await get(`/api/v1/meetings/${planted.meetingId}`);
    for (const canary of ALL_CANARIES) expect(response.body).not.toContain(canary);
    const meeting = response.json() as Record<string, any>;
    const exemptItem = meeting.agendaItems.find((item: { id: string }) => item.id === planted.exemptItemId);
    expect(exemptItem).toMatchObject({
      number: '2',
      title: 'Contract award: cleaning services',
      exempt: true,
      exemptParagraphs: [3],
      reportId: null,
      description: null,
    });
    // Agenda item 3 is public but its report is exempt: the item shows, the report does not.
    expect(meeting.agendaItems.find((item: { number: string }) => item.number === '3').reportId).toBeNull();
    const exemptMinute = meeting.minutes.find((minute: { number: string }) => minute.number === '17');
    expect(exemptMinute).toMatchObject({ exempt: true, exemptParagraphs: [3], text: '', resolutions: [] });
    expect(meeting.minutes.find((minute: { number: string }) => minute.number === '16').resolutions).toEqual([
      { text: 'RESOLVED that the review be noted.', unanimous: false },
    ]);
    expect(meeting.voteEvents).toEqual([`${PUBLIC_URL}/api/v1/vote-events/${planted.publicVoteEventId}`]);
  });

  it('a decision on a report carried by an exempt item does not link the report', async () => {
    const decision = (await get(`/api/v1/decisions/${fixture.planted.decisionId}`)).json() as Record<string, unknown>;
    expect(decision).toMatchObject({
      subject: 'Award of the cleaning services contract',
      reportId: null,
      links: { self: `${PUBLIC_URL}/api/v1/decisions/${fixture.planted.decisionId}`, report: null },
    });
  });

  it('publishes scrutiny recommendations with their responses, and never one still unpublished', async () => {
    const list = await get('/api/v1/recommendations?limit=200');
    expect(list.body).not.toContain(UNPUBLISHED_CANARY);
    const all = (await get('/api/v1/recommendations?limit=200')).json().data as Array<Record<string, any>>;
    expect(all.map((recommendation) => recommendation.id)).toContain(accountability.publishedRecommendationId);
    expect(all.map((recommendation) => recommendation.id)).not.toContain(accountability.unpublishedRecommendationId);
    const data = all.filter((recommendation) => recommendation.id === accountability.publishedRecommendationId);
    expect(data[0]).toMatchObject({
      number: 1,
      status: 'RESPONSE RECEIVED',
      dueDate: '2012-01-23',
      item: { kind: 'review', title: 'Treasury management review' },
      meetingDate: '2011-11-23',
    });
    expect(data[0]!.responses).toEqual([
      {
        id: 'response-planted1',
        text: 'Agreed: reports will come each quarter.',
        responseDate: '2012-01-10',
        responderId: null,
        responderPrinted: 'Mr J Simmonds',
      },
    ]);
    expect((await get(`/api/v1/recommendations/${accountability.unpublishedRecommendationId}`)).statusCode).toBe(404);
    const pending = (await get('/api/v1/recommendations?status=PENDING&limit=200')).json().data as Array<{ id: string; status: string }>;
    expect(pending.every((recommendation) => recommendation.status === 'PENDING')).toBe(true);
    expect(pending.map((recommendation) => recommendation.id)).not.toContain(accountability.unpublishedRecommendationId);
    expect((await get('/api/v1/recommendations?status=DONE')).statusCode).toBe(400);
  });

  it('publishes a plan as priorities, outcomes and actions with the latest RAG, and its indicators', async () => {
    const plan = (await get(`/api/v1/plans/${accountability.planId}`)).json() as Record<string, any>;
    expect(plan.priorities).toEqual([
      {
        id: 'priority-planted1',
        number: 1,
        title: 'Sound borrowing',
        keyObjectives: '',
        outcomes: [
          {
            id: 'outcome-planted1',
            ref: '1.1',
            statement: 'Borrowing stays within prudential limits',
            actions: [
              { id: 'action-planted1', ref: '1.1.1', text: 'Report borrowing quarterly', rag: 'amber', updated: '2012-03-01' },
              { id: 'action-planted2', ref: '1.1.2', text: 'Agree a borrowing strategy', rag: null, updated: null },
            ],
          },
        ],
      },
    ]);
    const indicators = (await get(localPath(plan.links.indicators)!)).json() as { data: Array<{ id: string }> };
    expect(indicators.data.map((indicator) => indicator.id)).toEqual([accountability.indicatorId]);
    const indicator = (await get(`/api/v1/indicators/${accountability.indicatorId}`)).json() as Record<string, any>;
    expect(indicator.observations).toEqual([{ period: '2011-12', value: 72.5, asAt: '2011-12-31', printedLabel: null }]);
    expect(indicator.targets).toEqual([{ value: 90, comparison: 'at-most', deadline: null, printedLabel: 'Below 90%' }]);
  });

  it('answers the allowances statement for a year, and rejects a year that is not one', async () => {
    const statement = (await get('/api/v1/allowances/statements/2011-12')).json() as Record<string, any>;
    expect(statement.year).toEqual({ label: '2011/12', start: '2011-04-01', end: '2012-03-31' });
    expect(statement.totals.totalPence).toMatch(/^\d+$/);
    const bad = await get('/api/v1/allowances/statements/2011-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems).toEqual([{ field: 'year', message: 'must be two consecutive years, like 2011-12' }]);
    expect((await get('/api/v1/allowances/statements/last-year')).statusCode).toBe(404);
  });

  it('publishes the imported plan, indicators and call-in recommendations with their gold facts', async () => {
    const gold = goldFacts();
    const planFact = gold['001_078369eba01f855e.txt'].improvementPlan;
    const plans = (await get('/api/v1/plans')).json().data as Array<{ id: string; title: string; issuedMonth: string }>;
    const summary = plans.find((plan) => plan.title === planFact.title)!;
    expect(summary.issuedMonth).toBe(planFact.date);
    const plan = (await get(`/api/v1/plans/${summary.id}`)).json() as { priorities: Array<{ outcomes: Array<{ actions: Array<{ ref: string }> }> }> };
    expect(plan.priorities).toHaveLength(planFact.priorities);
    const actions = plan.priorities.flatMap((priority) => priority.outcomes.flatMap((outcome) => outcome.actions.map((action) => action.ref)));
    expect(actions).toHaveLength(planFact.actions);
    expect(actions[0]).toBe(planFact.firstAction);
    expect(actions[actions.length - 1]).toBe(planFact.lastAction);

    const indicatorFact = gold['001_078369eba01f855e.txt'].indicators;
    const indicators = (await get(`/api/v1/indicators?plan=${summary.id}`)).json().data as Array<{ id: string; name: string }>;
    expect(indicators.map((indicator) => indicator.name).sort()).toEqual([...indicatorFact.names].sort());
    const unallocated = indicators.find((indicator) => indicator.name === 'Number of Cases Unallocated for over 28 days')!;
    const series = (await get(`/api/v1/indicators/${unallocated.id}`)).json() as { observations: Array<{ period: string; value: number }> };
    for (const [period, value] of gold['002_a8dad1b4c03f7028.txt'].observations[0].values) {
      expect(series.observations.find((observation) => observation.period === period)?.value, period).toBe(value);
    }

    const callIn = gold['003_6351ff344f2add5f.txt'].callIns[0];
    const recommendations = (await get('/api/v1/recommendations?limit=200')).json().data as Array<{
      item: { title: string };
      meetingDate: string;
      number: number;
    }>;
    const ofCallIn = recommendations.filter((recommendation) => recommendation.item.title === callIn.item && recommendation.meetingDate === callIn.meetingDate);
    expect(ofCallIn.map((recommendation) => recommendation.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: callIn.recommendations }, (_, i) => i + 1),
    );
  });
});
