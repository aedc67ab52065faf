/**
 * The scrutiny records of seeds 000 and 003 in the database: linked to the people and meetings already known,
 * statuses and history, owners, responses, and the tracking sheet's printed discrepancy reported as a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';
import { importAllScrutinySeeds, importScrutinySeed } from './support.ts';
import type { CapabilityOutcome } from '../../src/import/persist/context.ts';

describe.skipIf(databaseUnavailable)('importing the scrutiny seeds', () => {
  let database: TestDatabase;
  let results: Array<CapabilityOutcome>;
  const gold = goldFacts();

  beforeAll(async () => {
    database = await createTestDatabase();
    results = await importAllScrutinySeeds(database);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const recommendationsOf = async (title: string) =>
    database.db
      .selectFrom('scrutiny_recommendation as r')
      .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .innerJoin('body as b', 'b.id', 'i.body_id')
      .select(['r.id', 'r.number', 'r.status', 'r.due_date', 'r.tracking_notes', 'm.date', 'b.name as body', 'i.portfolio_holder_id'])
      .where('i.title', '=', title)
      .orderBy('r.number')
      .execute();

  it('creates the items, recommendations, responses, owners and the tracking sheet with its 9 rows', () => {
    expect(results[0]!.created).toMatchObject({
      scrutinyItems: 4,
      scrutinyRecommendations: 9,
      scrutinyResponses: 3,
      scrutinyTrackingSheets: 1,
      scrutinyTrackingRows: 9,
    });
    expect(results[1]!.created).toMatchObject({ scrutinyItems: 2, scrutinyRecommendations: 15, scrutinyResponses: 13 });
  });

  it('links every tracking row to a recommendation, with the statuses as printed', async () => {
    const sheet = gold['000_76c64290092d1ac4.txt'].trackingSheet;
    const rows = await database.db
      .selectFrom('scrutiny_tracking_row as t')
      .innerJoin('scrutiny_tracking_sheet as s', 's.id', 't.sheet_id')
      .innerJoin('body as b', 'b.id', 's.body_id')
      .leftJoin('scrutiny_recommendation as r', 'r.id', 't.recommendation_id')
      .select(['t.item_printed', 't.status_printed', 'r.status', 's.sheet_date', 'b.name', 't.recommendation_id'])
      .orderBy('t.position')
      .execute();
    expect(rows).toHaveLength(sheet.rows);
    expect(rows.every((row) => row.sheet_date === sheet.date && row.name === sheet.committee)).toBe(true);
    expect(rows.every((row) => row.recommendation_id && row.status === row.status_printed)).toBe(true);
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.status!] = (counts[row.status!] ?? 0) + 1;
    expect(counts).toEqual(sheet.statusCounts);
    const [pending] = await recommendationsOf(sheet.rowSample.item);
    expect(pending).toMatchObject({
      number: 1,
      status: 'PENDING',
      date: '2008-12-10',
      tracking_notes: sheet.rowSample.notes,
      body: 'Cabinet Scrutiny Committee',
      due_date: '2009-02-09',
    });
  });

  it('keeps row 4 as printed, links it to recommendation 2 of the 2010-11 call-in, and warns', async () => {
    const row = await database.db
      .selectFrom('scrutiny_tracking_row as t')
      .innerJoin('scrutiny_recommendation as r', 'r.id', 't.recommendation_id')
      .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
      .select(['t.item_printed', 'i.title', 'r.number'])
      .where('t.position', '=', 4)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      item_printed: 'Revenue & Capital Budget Monitoring Exception Report 2010-12',
      title: 'Revenue & Capital Budget Monitoring Exception Report 2010-11',
      number: 2,
    });
    const warning = results[0]!.issues.find((issue) => issue.line === 11 && issue.message.includes('prints'));
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/prints "Revenue & Capital Budget Monitoring Exception Report 2010-12" where the call-in of 2011-06-01/);
    const stored = await database.db.selectFrom('import_issue').select(['line', 'message']).where('line', '=', 11).execute();
    // Stored once: the capability returns its issues and the importer writes them.
    expect(stored.filter((issue) => issue.message.includes('2010-12'))).toHaveLength(1);
    // Not split: the budget call-in has its two recommendations and no third item was made from the row.
    const items = await database.db.selectFrom('scrutiny_item').select('title').where('title', 'like', 'Revenue & Capital%').execute();
    expect(items.map((item) => item.title)).toEqual(['Revenue & Capital Budget Monitoring Exception Report 2010-11']);
  });

  it('links portfolio holders to the members already known, meetings to Cabinet Scrutiny Committee', async () => {
    for (const [file, callIns] of [
      ['000_76c64290092d1ac4.txt', gold['000_76c64290092d1ac4.txt'].callIns],
      ['003_6351ff344f2add5f.txt', gold['003_6351ff344f2add5f.txt'].callIns],
    ] as const) {
      for (const fact of callIns as Array<{ item: string; meetingDate: string; portfolio: string; recommendations: number; responseDate?: string }>) {
        const rows = await recommendationsOf(fact.item);
        expect(rows, `${file} ${fact.item}`).toHaveLength(fact.recommendations);
        expect(rows.every((row) => row.date === fact.meetingDate && row.body === 'Cabinet Scrutiny Committee')).toBe(true);
        const holder = await database.db.selectFrom('person').selectAll().where('id', '=', rows[0]!.portfolio_holder_id!).executeTakeFirstOrThrow();
        const printed = fact.portfolio.replace(/^(Mrs|Mr) /, '');
        expect(holder.family_name).toBe(printed.split(' ')[1]);
        expect(holder.kind).toBe('member');
      }
    }
    // Mrs J Whittle is the member of the attendance lists (printed "Mrs Jenny Whittle" elsewhere), not a new person.
    const whittles = await database.db.selectFrom('person').select('id').where('family_name', '=', 'Whittle').execute();
    expect(whittles).toHaveLength(1);
  });

  it('records responses with their dates and the responded recommendations of seed 000', async () => {
    const fact = gold['000_76c64290092d1ac4.txt'].callIns[1];
    const rows = await recommendationsOf(fact.item);
    const responses = await database.db
      .selectFrom('scrutiny_response')
      .select(['recommendation_id', 'response_date'])
      .where(
        'recommendation_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const responded = rows.filter((row) => responses.some((response) => response.recommendation_id === row.id)).map((row) => row.number);
    expect(responded).toEqual(fact.respondedRecommendations);
    expect(new Set(responses.map((response) => response.response_date))).toEqual(new Set([fact.responseDate]));
  });

  it('links the owners of seed 003 to officers and the Cabinet Member to the portfolio holder', async () => {
    const fact = gold['003_6351ff344f2add5f.txt'].callIns[0];
    const rows = await recommendationsOf(fact.item);
    const owners = await database.db
      .selectFrom('scrutiny_action_owner as o')
      .leftJoin('person as p', 'p.id', 'o.person_id')
      .select(['o.recommendation_id', 'o.printed', 'o.person_id', 'p.family_name', 'p.kind'])
      .where(
        'o.recommendation_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('o.position')
      .execute();
    for (const [number, names] of Object.entries(fact.owners as Record<string, string[]>)) {
      const recommendation = rows.find((row) => row.number === Number(number))!;
      const mine = owners.filter((owner) => owner.recommendation_id === recommendation.id);
      expect(mine.map((owner) => owner.printed)).toEqual(names);
      expect(mine.every((owner) => owner.person_id)).toBe(true);
    }
    const twelve = owners.find((owner) => owner.recommendation_id === rows[11]!.id)!;
    expect(twelve.person_id).toBe(rows[11]!.portfolio_holder_id);
    const brightwell = owners.filter((owner) => owner.printed === 'Paul Brightwell');
    expect(new Set(brightwell.map((owner) => owner.person_id)).size).toBe(1);
    expect(brightwell[0]!.kind).toBe('officer');
    const doran = await database.db.selectFrom('person').select(['id', 'kind']).where('family_name', '=', 'Doran').execute();
    expect(doran).toHaveLength(1);
  });

  it('imports the POSC recommendation to Cabinet from the Specialist Children’s Services POSC', async () => {
    const fact = gold['003_6351ff344f2add5f.txt'].poscRecommendations[0];
    const row = await database.db
      .selectFrom('scrutiny_item as i')
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .innerJoin('body as b', 'b.id', 'i.body_id')
      .innerJoin('scrutiny_recommendation as r', 'r.item_id', 'i.id')
      .select(['b.name', 'm.date', 'i.addressed_to', 'r.status', 'r.text'])
      .where('i.kind', '=', 'posc-recommendation')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Specialist Children's Services Policy Overview and Scrutiny Committee",
      date: fact.meetingDate,
      addressed_to: fact.to,
      status: 'PENDING',
    });
    expect(row.text).toMatch(/adequate funding is made available/);
  });

  it('starts every recommendation’s status history with its imported status', async () => {
    const counts = await database.db
      .selectFrom('scrutiny_recommendation as r')
      .leftJoin('scrutiny_status_change as c', 'c.recommendation_id', 'r.id')
      .select((eb) => ['r.id', 'r.status', eb.fn.count<string>('c.id').as('changes'), eb.fn.max('c.to_status').as('last')])
      .groupBy(['r.id', 'r.status'])
      .execute();
    expect(counts).toHaveLength(24);
    expect(counts.every((row) => Number(row.changes) === 1 && row.last === row.status)).toBe(true);
  });

  it('refuses to rewrite the status history', async () => {
    await expect(sql`update scrutiny_status_change set reason = 'rewritten'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from scrutiny_status_change`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('writes every created row to the audit log with the importing actor', async () => {
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'table_name'])
      .where('table_name', '=', 'scrutiny_recommendation')
      .where('action', '=', 'insert')
      .execute();
    expect(audit).toHaveLength(24);
    expect(audit.every((row) => row.actor === 'test-import')).toBe(true);
  });

  it('importing the same papers again creates nothing', async () => {
    const again = await importScrutinySeed(database, '003_');
    expect(again.created).toEqual({});
  });
});
