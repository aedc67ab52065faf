/**
 * planImporter: imports the improvement plans, indicators and progress figures of council papers. Each paper is first
 * imported as committee records by paperImporter (which owns source documents); then, one transaction per paper, its
 * plan records are stored against that same source document. Safe to run again: ids are stable, nothing is added twice.
 * Until the paper importer calls persistPlan itself, this is how plans get in (CLI: quorum plans import).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/paper-store.ts';
import * as plans from '../../db/repositories/plans.ts';
import { stableId } from '../../domain/stable-id.ts';
import { extractPlanPaper } from '../../import/extract/plan/plan.ts';
import { PeopleDirectory } from '../../import/people.ts';
import type { Counts } from '../../import/persist.ts';
import { readDocument } from '../../import/read/index.ts';
import type { ImportIssue } from '../../import/types.ts';
import { collectFiles, paperImporter } from '../paper-importer.ts';
import { persistPlan } from './persist-plan.ts';

export interface PlanImporterProps {
  database: DatabaseHandle;
  authorityName: string;
  paths: string[];
  /** Who is importing, for the audit log. */
  actor: string;
}

export interface PlanImportResult {
  file: string;
  status: 'imported' | 'failed';
  reason?: string;
  created: Counts;
  issues: ImportIssue[];
}

export async function planImporter(props: PlanImporterProps): Promise<PlanImportResult[]> {
  const files = collectFiles(props.paths);
  const papers = await paperImporter({ database: props.database, authorityName: props.authorityName, paths: files, actor: props.actor });
  const paperFailures = new Map(papers.files.filter((f) => f.status === 'failed').map((f) => [f.file, f.reason ?? 'failed']));
  const { db } = props.database;
  const results: PlanImportResult[] = [];
  for (const file of files) {
    try {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const hash = createHash('sha256').update(bytes).digest('hex');
      const sourceRow = await plans.findSourceByHash(db, hash);
      if (!sourceRow) throw new Error(`the paper importer did not import it: ${paperFailures.get(file) ?? 'no source document'}`);
      const document = await readDocument({ name: file, bytes });
      const extract = extractPlanPaper(document);
      const outcome = await db.transaction().execute(async (trx) => {
        await store.setActor(trx, props.actor);
        const authorityId = await store.ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
        const people = new PeopleDirectory(authorityId, await store.loadPeople(trx, authorityId));
        const bodies = new Map((await store.loadBodies(trx, authorityId)).map((body) => [body.name, body.id]));
        return persistPlan({ trx, authorityId, authorityName: props.authorityName, sourceId: sourceRow.id, people, bodies }, extract);
      });
      results.push({ file, status: 'imported', created: outcome.created, issues: outcome.issues });
    } catch (error) {
      results.push({ file, status: 'failed', reason: (error as Error).message, created: {}, issues: [] });
    }
  }
  return results;
}
