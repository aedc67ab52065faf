/**
 * The plan facts of the gold file, asserted on the database after storing seeds 001, 002 and 004 through
 * extractPlanPaper + persistPlan, one transaction per paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapabilityOutcome } from '../../src/import/persist/context.ts';
import { seedPlanPapers } from './seed-plans.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';

describe.skipIf(databaseUnavailable)('importing the plan papers', () => {
  let database: TestDatabase;
  let results: CapabilityOutcome[];
  const gold = goldFacts();
  const fact = gold['001_078369eba01f855e.txt'].improvementPlan;

  beforeAll(async () => {
    database = await createTestDatabase();
    results = await seedPlanPapers(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('stores the three papers', () => {
    expect(results).toHaveLength(3);
    expect(results[0]!.issues.map((issue) => issue.message)).toEqual([expect.stringContaining('2.3.8 repeats action 2.3.6')]);
    expect(results[0]!.created).toMatchObject({ plans: 1, priorities: 6, actions: 128, requirements: 49, indicators: 6 });
  });

  it('stores the plan with 6 priorities and 128 actions, 1.1.1 to 6.3.6, each remembering its lines', async () => {
    const { db } = database;
    const plan = await db.selectFrom('plan').selectAll().executeTakeFirstOrThrow();
    expect(plan.title).toBe(fact.title);
    expect(plan.issued_month).toBe(fact.date);
    const actions = await db.selectFrom('plan_action').select(['ref', 'source_line_from']).where('plan_id', '=', plan.id).orderBy('position').execute();
    expect(actions).toHaveLength(fact.actions);
    expect(actions[0]!.ref).toBe(fact.firstAction);
    expect(actions.at(-1)!.ref).toBe(fact.lastAction);
    expect(actions.every((a) => (a.source_line_from ?? 0) > 590)).toBe(true);
    const priorities = await db.selectFrom('plan_priority').select('number').where('plan_id', '=', plan.id).execute();
    expect(priorities).toHaveLength(fact.priorities);
    const governance = await db.selectFrom('plan_governance').innerJoin('body', 'body.id', 'plan_governance.body_id').select('body.name').execute();
    expect(governance.map((g) => g.name)).toContain("Kent Children's Trust Board");
  });

  it('stores the requirement sets with their sizes and the Ofsted timings', async () => {
    const { db } = database;
    const sets = await db
      .selectFrom('requirement_set')
      .innerJoin('requirement', 'requirement.set_id', 'requirement_set.id')
      .select(['requirement_set.name', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('requirement_set.name')
      .execute();
    expect(Object.fromEntries(sets.map((s) => [s.name, Number(s.n)]))).toEqual(fact.requirementSets);
    for (const [number, timing] of Object.entries(fact.ofstedTiming)) {
      const row = await db.selectFrom('requirement').select('due_category').where('code', '=', `O ${number}`).executeTakeFirstOrThrow();
      expect(row.due_category).toBe(timing);
    }
  });

  it('stores action 2.1.3 with its role lead, its requirements and its August milestone', async () => {
    const { db } = database;
    const sample = fact.actionSample;
    const action = await db.selectFrom('plan_action').selectAll().where('ref', '=', sample.ref).executeTakeFirstOrThrow();
    const codes = await db
      .selectFrom('plan_action_requirement')
      .innerJoin('requirement', 'requirement.id', 'plan_action_requirement.requirement_id')
      .select('requirement.code')
      .where('action_id', '=', action.id)
      .execute();
    expect(codes.map((c) => c.code).sort()).toEqual([...sample.requirements].sort());
    const milestones = await db.selectFrom('plan_milestone').selectAll().where('action_id', '=', action.id).orderBy('position').execute();
    const august = milestones.find((m) => m.start_date === sample.milestone.start)!;
    expect(august.end_date).toBe(sample.milestone.end);
    const measures = await db.selectFrom('plan_measure').select('text').where('milestone_id', '=', august.id).execute();
    expect(measures.map((m) => m.text)).toEqual([sample.milestone.measure]);
    const leads = await db
      .selectFrom('plan_lead')
      .select(['role', 'person_id'])
      .where(
        'milestone_id',
        'in',
        milestones.map((m) => m.id),
      )
      .execute();
    expect([...new Set(leads.map((l) => l.role))]).toEqual(sample.leads);
    expect(leads.every((l) => l.person_id === null)).toBe(true);
  });

  it('stores the leads as officers with their job titles, never "Heads of Service" as a person', async () => {
    const { db } = database;
    const titled = await db
      .selectFrom('person')
      .select(['given_name', 'family_name', 'job_title'])
      .where('kind', '=', 'officer')
      .where('job_title', 'is not', null)
      .execute();
    const shkalla = titled.find((p) => p.family_name === 'Shkalla');
    expect(shkalla?.job_title).toBe('Head of Management Information');
    const leadPeople = await db
      .selectFrom('plan_lead')
      .innerJoin('person', 'person.id', 'plan_lead.person_id')
      .select(['person.family_name', 'person.job_title'])
      .distinct()
      .execute();
    expect(leadPeople.filter((p) => p.job_title).length).toBeGreaterThanOrEqual(fact.leadsWithJobTitles - 1);
    expect(await db.selectFrom('person').select('id').where('family_name', '=', 'Service').execute()).toEqual([]);
  });

  it('stores the six dashboard indicators, the figures of seeds 001 and 002 and the IN 3 / IN 9 targets', async () => {
    const { db } = database;
    const indicators = await db.selectFrom('indicator').select(['id', 'name']).orderBy('position').execute();
    expect(indicators.map((i) => i.name)).toEqual(gold['001_078369eba01f855e.txt'].indicators.names);
    const observations = await db
      .selectFrom('indicator_observation')
      .select(['indicator_id', 'period', 'value', 'as_at', 'printed_label'])
      .orderBy('as_at')
      .orderBy('period')
      .execute();
    const series = (label: string, asAt: string) => observations.filter((o) => o.printed_label === label && o.as_at === asAt).map((o) => [o.period, o.value]);
    for (const fact of gold['001_078369eba01f855e.txt'].indicators.observations) expect(series(fact.indicator, '2011-05-12')).toEqual(fact.values);
    for (const fact of gold['002_a8dad1b4c03f7028.txt'].observations) {
      for (const value of fact.values) expect(series(fact.indicator, '2011-06-21')).toContainEqual(value);
    }
    const unallocated = indicators[0]!.id;
    expect(observations.filter((o) => o.indicator_id === unallocated).map((o) => o.value)).toEqual(expect.arrayContaining([2269, 973, 338]));
    const targets = await db
      .selectFrom('indicator_target')
      .innerJoin('indicator', 'indicator.id', 'indicator_target.indicator_id')
      .leftJoin('requirement', 'requirement.id', 'indicator_target.requirement_id')
      .select(['indicator.name', 'indicator_target.value', 'indicator_target.comparison', 'indicator_target.deadline', 'requirement.code'])
      .execute();
    expect(targets).toContainEqual({ name: indicators[1]!.name, value: 200, comparison: 'at-most', deadline: '2011-08-31', code: 'IN 3' });
    expect(targets).toContainEqual({ name: indicators[3]!.name, value: 100, comparison: 'at-most', deadline: '2011-08-31', code: 'IN 3' });
    expect(targets).toContainEqual({ name: indicators[0]!.name, value: 200, comparison: 'at-most', deadline: '2011-08-31', code: 'IN 3' });
    expect(targets).toContainEqual({ name: 'Percentage of caseholding posts filled', value: 90, comparison: 'at-least', deadline: null, code: 'IN 9' });
  });

  it('writes every plan record to the audit log, and importing again adds nothing', async () => {
    const { db } = database;
    const audited = await db.selectFrom('audit_log').select('id').where('table_name', '=', 'plan_action').execute();
    expect(audited).toHaveLength(fact.actions);
    const again = await seedPlanPapers(database.db);
    expect(again.map((r) => r.created)).toEqual([{}, {}, {}]);
  });
});

describe.skipIf(databaseUnavailable)('the paper importer stores plans too', () => {
  let database: TestDatabase;
  afterAll(async () => {
    await database?.destroy();
  });

  it('imports seeds 001, 002 and 004 with the plan, its indicators and figures, and the 2.3.8 issue recorded once', async () => {
    database = await createTestDatabase();
    const { paperImporter } = await import('../../src/services/paper-importer.ts');
    const { seedFile } = await import('../support/seeds.ts');
    const summary = await paperImporter({
      database,
      authorityName: 'Kent County Council',
      paths: [seedFile('001_'), seedFile('002_'), seedFile('004_')],
      actor: 'test',
    });
    expect(summary.files.map((f) => [f.status, f.reason])).toEqual([
      ['imported', undefined],
      ['imported', undefined],
      ['imported', undefined],
    ]);
    const { db } = database;
    expect(await db.selectFrom('plan_action').select('id').execute()).toHaveLength(128);
    expect(await db.selectFrom('indicator').select('id').execute()).toHaveLength(6);
    expect(await db.selectFrom('indicator_observation').select('id').execute()).toHaveLength(12);
    const issues = await db.selectFrom('import_issue').select('message').where('message', 'like', '%2.3.8 repeats%').execute();
    expect(issues).toHaveLength(1);
    // Officers who are plan leads and appear in the committee papers are one person each.
    const newsam = await db.selectFrom('person').select(['id', 'job_title']).where('family_name', '=', 'Newsam').execute();
    expect(newsam).toHaveLength(1);
  });
});
