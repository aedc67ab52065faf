/**
 * Scrutiny test support: a database holding every seed paper (committee import), then the scrutiny records of seeds
 * 000 and 003 through extractScrutiny + persistScrutiny, as the import hook will run them.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../../src/db/engine.ts';
import * as paperStore from '../../src/db/repositories/paper-store.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { extractScrutiny } from '../../src/import/extract/scrutiny/index.ts';
import { persistScrutiny } from '../../src/import/persist/scrutiny.ts';
import type { CapabilityOutcome } from '../../src/import/persist/context.ts';
import { PeopleDirectory } from '../../src/import/persist/people.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { seedFile, seedsDir } from '../support/seeds.ts';
import { ensureAuthority } from '../../src/db/records/authorities.ts';

export const AUTHORITY = 'Kent County Council';

export async function importScrutinySeed(database: DatabaseHandle, prefix: string): Promise<CapabilityOutcome> {
  const file = seedFile(prefix);
  const bytes = fs.readFileSync(file);
  const sourceId = stableId('source', createHash('sha256').update(bytes).digest('hex'));
  const extract = extractScrutiny({ name: file, format: 'text', lines: bytes.toString('utf8').split(/\r?\n/), warnings: [] });
  return database.db.transaction().execute(async (trx) => {
    await paperStore.setActor(trx, 'test-import');
    const authorityId = await ensureAuthority(trx, stableId('authority', AUTHORITY), AUTHORITY);
    const people = new PeopleDirectory(authorityId, await paperStore.loadPeople(trx, authorityId));
    const bodies = new Map((await paperStore.loadBodies(trx, authorityId)).map((body) => [body.name, body.id]));
    return persistScrutiny({ trx, authorityId, authorityName: AUTHORITY, sourceId, people, bodies, actor: 'test-import' }, extract);
  });
}

/**
 * Every seed through the paper importer, which runs the scrutiny extractor and persistScrutiny in each file's
 * transaction; returns what the files of seeds 000 and 003 created and reported.
 */
export async function importAllScrutinySeeds(database: DatabaseHandle): Promise<Array<CapabilityOutcome>> {
  const summary = await paperImporter({ database, authorityName: AUTHORITY, paths: [seedsDir], actor: 'test-import' });
  if (summary.failed) throw new Error(`seed import failed: ${summary.files.map((f) => f.reason).join('; ')}`);
  return ['000_', '003_'].map((prefix) => {
    const file = summary.files.find((result) => path.basename(result.file).startsWith(prefix));
    if (!file) throw new Error(`seed ${prefix} was not imported`);
    return { created: file.created, issues: file.issues };
  });
}
