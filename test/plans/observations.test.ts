/**
 * Figures entered by form or uploaded as CSV: bad rows are reported by line and nothing is half-loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observationRecorder } from '../../src/services/plans/observation-recorder.ts';
import { observationsUploader } from '../../src/services/plans/observations-uploader.ts';
import { progressUpdater } from '../../src/services/plans/progress-updater.ts';
import { isQuorumError } from '../../src/domain/errors.ts';
import type { InputProblem } from '../../src/services/plans/input-error.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedPlanPapers } from './seed-plans.ts';

const UNALLOCATED = 'number-of-cases-unallocated-for-over-28-days';
const FILLED = 'percentage-of-caseholding-posts-filled';

async function problemsOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isQuorumError(error) && error.kind === 'invalid') return error.problems as InputProblem[];
    throw error;
  }
  throw new Error('expected a validation error');
}

describe.skipIf(databaseUnavailable)('recording and uploading observations', () => {
  let database: TestDatabase;
  const count = async () =>
    Number(
      (
        await database.db
          .selectFrom('indicator_observation')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedPlanPapers(database.db, ['001_']);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('loads a valid CSV in one go, indicators by slug or name', async () => {
    const before = await count();
    const csv = [
      'indicator,period,value,as_at,commentary',
      `${UNALLOCATED},2011-06,150,2011-07-20,Peripatetic team`,
      `Percentage of caseholding posts filled,2011-06,91.5%,2011-07-20,`,
    ].join('\n');
    expect(await observationsUploader({ db: database.db, csv, actor: { job: 'test' } })).toEqual({ loaded: 2 });
    expect(await count()).toBe(before + 2);
    const row = await database.db
      .selectFrom('indicator_observation')
      .innerJoin('indicator', 'indicator.id', 'indicator_id')
      .select(['value', 'commentary'])
      .where('indicator.slug', '=', FILLED)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ value: 91.5, commentary: null });
  });

  it('reports every bad row by line and loads nothing', async () => {
    const before = await count();
    const csv = [
      'indicator,period,value,as_at',
      `${UNALLOCATED},2011-07,120,2011-08-20`,
      '',
      `${UNALLOCATED},July 2011,120,2011-08-20`,
      `no-such-indicator,2011-07,5,2011-08-20`,
      `${FILLED},2011-07,lots,2011-02-30`,
      `${UNALLOCATED},2011-07,121,2011-08-20`,
    ].join('\r\n');
    const problems = await problemsOf(observationsUploader({ db: database.db, csv, actor: { job: 'test' } }));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'period must be a month as YYYY-MM, like 2011-05'],
      [5, expect.stringContaining('indicator "no-such-indicator" is not one of')],
      [6, 'value must be a number, like 338 or 92.5'],
      [6, 'as_at must be a real date'],
      [7, 'repeats line 2 (same indicator, period and as_at)'],
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a file without the required columns, or without rows', async () => {
    expect(await problemsOf(observationsUploader({ db: database.db, csv: 'indicator,month,value\nx,2011-01,1', actor: { job: 'test' } }))).toEqual([
      { field: 'line 1', line: 1, message: 'the header must name the columns indicator, period, value, as_at; missing period, as_at' },
    ]);
    expect((await problemsOf(observationsUploader({ db: database.db, csv: '', actor: { job: 'test' } })))[0]!.message).toContain('empty');
    expect((await problemsOf(observationsUploader({ db: database.db, csv: 'indicator,period,value,as_at\n', actor: { job: 'test' } })))[0]!.message).toContain(
      'no rows',
    );
    expect(
      (
        await problemsOf(observationsUploader({ db: database.db, csv: 'indicator,period,value,as_at\n"unclosed,2011-01,1,2011-01-01', actor: { job: 'test' } }))
      )[0]!.message,
    ).toContain('not readable as CSV');
  });

  it('records a figure from the form, says which field is wrong, and corrects a figure reported again the same day', async () => {
    expect(
      await problemsOf(
        observationRecorder({ db: database.db, indicator: UNALLOCATED, input: { period: '2011', value: '', asAt: '21/06/2011' }, actor: { job: 'test' } }),
      ),
    ).toEqual([
      { field: 'period', message: 'must be a month as YYYY-MM, like 2011-05' },
      { field: 'value', message: 'enter a value' },
      { field: 'asAt', message: 'must be a date as YYYY-MM-DD, like 2011-06-21' },
    ]);
    const first = await observationRecorder({
      db: database.db,
      indicator: UNALLOCATED,
      input: { period: '2011-05', value: '71', asAt: '2011-06-21', commentary: 'Over 28 days' },
      actor: { job: 'officer:test' },
    });
    const again = await observationRecorder({
      db: database.db,
      indicator: UNALLOCATED,
      input: { period: '2011-05', value: '72', asAt: '2011-06-21' },
      actor: { job: 'officer:test' },
    });
    expect(again.id).toBe(first.id);
    const row = await database.db.selectFrom('indicator_observation').select(['value']).where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.value).toBe(72);
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'action']).where('record_id', '=', first.id).orderBy('id').execute();
    expect(audit).toEqual([
      { actor: 'officer:test', action: 'insert' },
      { actor: 'officer:test', action: 'update' },
    ]);
  });

  it('adds progress updates to an action, refusing a measure of another action', async () => {
    const action = await database.db.selectFrom('plan_action').select(['id']).where('ref', '=', '2.1.6').executeTakeFirstOrThrow();
    const otherMeasure = await database.db
      .selectFrom('plan_measure')
      .innerJoin('plan_milestone', 'plan_milestone.id', 'plan_measure.milestone_id')
      .innerJoin('plan_action', 'plan_action.id', 'plan_milestone.action_id')
      .select('plan_measure.id')
      .where('plan_action.ref', '=', '2.1.3')
      .executeTakeFirstOrThrow();
    const author = { name: 'Test Officer', personId: null };
    expect(
      await problemsOf(
        progressUpdater({ db: database.db, actionId: action.id, input: { date: '2011-06-01', rag: 'purple', narrative: '' }, author, actor: { job: 't' } }),
      ),
    ).toEqual([
      { field: 'rag', message: 'choose red, amber or green' },
      { field: 'narrative', message: 'enter what has happened' },
    ]);
    expect(
      await problemsOf(
        progressUpdater({
          db: database.db,
          actionId: action.id,
          input: { date: '2011-06-01', rag: 'green', narrative: 'Done', measureId: otherMeasure.id, measureCompleted: 'yes' },
          author,
          actor: { job: 't' },
        }),
      ),
    ).toEqual([{ field: 'measureId', message: 'is not a measure of action 2.1.6' }]);
    await progressUpdater({
      db: database.db,
      actionId: action.id,
      input: { date: '2011-06-01', rag: 'amber', narrative: 'Protocol drafted' },
      author,
      actor: { job: 't' },
    });
    const updates = await database.db
      .selectFrom('plan_progress_update')
      .select(['rag', 'narrative', 'author_name'])
      .where('action_id', '=', action.id)
      .execute();
    expect(updates).toEqual([{ rag: 'amber', narrative: 'Protocol drafted', author_name: 'Test Officer' }]);
  });
});
