/**
 * allowancesImporter: reads the allowances out of papers already imported (or not): one transaction per file.
 * Until the committee importer calls persistAllowances itself, this is how schemes get in (tests; a CLI command is
 * still to come), and it links to the paper's source record when the paper has been imported.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/paper-store.ts';
import { setActor } from '../../db/repositories/allowances.ts';
import { stableId } from '../../domain/stable-id.ts';
import { readDocument } from '../../import/read/index.ts';
import { segmentDocument } from '../../import/segment.ts';
import { extractAllowances } from '../../import/extract/allowances/index.ts';
import { persistAllowances, type PersistAllowancesResult } from './persist-allowances.ts';

export interface AllowancesImporterProps {
  database: DatabaseHandle;
  authorityName: string;
  file: string;
  /** Who is importing, for the audit log. */
  actor: string;
}

export async function allowancesImporter(props: AllowancesImporterProps): Promise<PersistAllowancesResult & { file: string }> {
  const bytes = new Uint8Array(fs.readFileSync(props.file));
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const document = await readDocument({ name: props.file, bytes });
  const extract = extractAllowances(segmentDocument(document.lines));
  const result = await props.database.db.transaction().execute(async (trx) => {
    await setActor(trx, props.actor);
    const authorityId = await store.ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
    const source = await store.findSourceByHash(trx, contentHash);
    return persistAllowances({ trx, authorityId, authorityName: props.authorityName, sourceId: source?.id ?? null }, extract);
  });
  return { ...result, file: path.basename(props.file) };
}
