/**
 * The development corpus (../shared/corpus/): each paper imported alone into an empty database, every hand-checked
 * fact looked for in what it created. Prints per-file and overall scores; fails when the overall score drops below
 * the floor, which is raised as the importer improves (the goal is 90%).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter, type ImportFileResult } from '../../src/services/paper-importer.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { resetDatabase } from '../support/reset-database.ts';
import { corpusDir, corpusFacts, formatScores, scoreFile, type FileScore, type FileView } from '../support/corpus.ts';

/** The overall share of facts that must be found; raise it with every improvement, never lower it. */
const FLOOR = 0.955;

/** What a file not recognised leaves: nothing. */
const EMPTY: FileView = {
  doc: { meetings: [], people: [], bodies: [], reports: [], decisions: [], authority: { id: '', name: '' } } as unknown as FileView['doc'],
  allowances: [],
  actions: [],
};

async function viewOf(database: TestDatabase): Promise<FileView> {
  const { db } = database;
  if (!(await db.selectFrom('authority').select('id').executeTakeFirst())) return EMPTY;
  const [doc, schemes, posts, actions, leads] = await Promise.all([
    buildExport(db),
    db.selectFrom('allowance_scheme').select(['basic_allowance_pence']).execute(),
    db.selectFrom('allowance_sra_post').select(['name', 'printed', 'amount_pence']).execute(),
    db.selectFrom('plan_action').select(['id', 'ref', 'status']).execute(),
    // An action's leads are its milestones' (a person, or a role that stays a role).
    db
      .selectFrom('plan_lead')
      .innerJoin('plan_milestone', 'plan_milestone.id', 'plan_lead.milestone_id')
      .leftJoin('person', 'person.id', 'plan_lead.person_id')
      .select(['plan_milestone.action_id', 'person.given_name', 'person.family_name', 'plan_lead.role'])
      .execute(),
  ]);
  const allowances = [
    ...schemes.map((scheme) => ({ name: 'Basic Allowance', pence: Number(scheme.basic_allowance_pence) })),
    ...posts.map((post) => ({ name: `${post.name} ${post.printed}`, pence: Number(post.amount_pence) })),
  ];
  return {
    doc,
    allowances,
    actions: actions.map((action) => {
      const lead = leads.find((row) => row.action_id === action.id);
      return {
        ref: action.ref,
        status: action.status ?? '',
        lead: lead ? (lead.family_name ? `${lead.given_name ?? ''} ${lead.family_name}`.trim() : lead.role) : null,
      };
    }),
  };
}

describe.skipIf(databaseUnavailable)('the development corpus of other councils’ papers', () => {
  let database: TestDatabase;
  const scores: FileScore[] = [];
  const results: ImportFileResult[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const entry of corpusFacts()) {
      await resetDatabase(database);
      const summary = await paperImporter({ database, authorityName: 'Corpus Test Council', paths: [path.join(corpusDir, entry.file)], actor: 'test' });
      results.push(...summary.files);
      for (const file of summary.files) {
        if (file.status === 'unrecognised') console.log(`not recognised: ${entry.file}: ${file.reason}`);
      }
      scores.push(scoreFile(await viewOf(database), entry));
    }
    console.log(formatScores(scores, process.env.CORPUS_VERBOSE === '1'));
  }, 600_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('imports every file without failing (a file not recognised says why)', () => {
    expect(results.filter((result) => result.status === 'failed').map((result) => `${result.file}: ${result.reason}`)).toEqual([]);
  });

  it(`finds at least ${FLOOR * 100}% of the hand-checked facts`, () => {
    const found = scores.reduce((sum, score) => sum + score.found, 0);
    const total = scores.reduce((sum, score) => sum + score.total, 0);
    expect(total).toBeGreaterThan(250);
    expect(found / total).toBeGreaterThanOrEqual(FLOOR);
  });
});
