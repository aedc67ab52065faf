/**
 * Test support for plans: the plan papers stored through extractPlanPaper + persistPlan, one transaction per paper,
 * on a test database, without the committee records: quicker, and independent of the committee importer. The paper
 * importer runs the same two steps in each file's transaction (src/import/capabilities.ts); persist-plan.test.ts checks that too.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import * as store from '../../src/db/repositories/paper-store.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { extractPlanPaper } from '../../src/import/extract/plan/plan.ts';
import { PeopleDirectory } from '../../src/import/persist/people.ts';
import { persistPlan } from '../../src/import/persist/plans.ts';
import type { CapabilityOutcome } from '../../src/import/persist/context.ts';
import { seedFile } from '../support/seeds.ts';
import { ensureAuthority } from '../../src/db/records/authorities.ts';

export const AUTHORITY = 'Kent County Council';

export async function seedPlanPapers(db: Kysely<Database>, prefixes = ['001_', '002_', '004_']): Promise<CapabilityOutcome[]> {
  const results: CapabilityOutcome[] = [];
  for (const prefix of prefixes) {
    const file = seedFile(prefix);
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const hash = createHash('sha256').update(text).digest('hex');
    const sourceId = stableId('source', hash);
    const extract = extractPlanPaper({ name: file, format: 'text', lines, warnings: [] });
    results.push(
      await db.transaction().execute(async (trx) => {
        await store.setActor(trx, 'test');
        await trx
          .insertInto('source_document')
          .values({ id: sourceId, content_hash: hash, file_name: path.basename(file), format: 'text', bytes: text.length, line_count: lines.length })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const authorityId = await ensureAuthority(trx, stableId('authority', AUTHORITY), AUTHORITY);
        const people = new PeopleDirectory(authorityId, await store.loadPeople(trx, authorityId));
        const bodies = new Map((await store.loadBodies(trx, authorityId)).map((body) => [body.name, body.id]));
        return persistPlan({ trx, authorityId, authorityName: AUTHORITY, sourceId, people, bodies }, extract);
      }),
    );
  }
  return results;
}
