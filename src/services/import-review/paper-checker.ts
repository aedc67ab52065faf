/**
 * paperChecker: an officer marks a paper's extraction as checked (or not checked after all). Kept by the paper's
 * identity (its content hash), so the mark outlives a re-import; audited like every record.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import * as review from '../../db/repositories/import-review.ts';
import { type Actor, auditName, writeOperation } from '../write-operation.ts';
import { NotFound } from '../../domain/errors.ts';
import { stableId } from '../../domain/stable-id.ts';

export interface PaperCheckerProps {
  database: DatabaseHandle;
  sourceId: string;
  /** The officer's account id: the audit log's actor and who checked. */
  actor: Actor;
  checked: boolean;
}

export async function paperChecker(props: PaperCheckerProps): Promise<void> {
  await writeOperation({ db: props.database.db, actor: props.actor }, async ({ trx }) => {
    const source = await review.findSource(trx, props.sourceId);
    if (!source) throw NotFound('No imported paper with that id');
    if (props.checked) await review.markChecked(trx, stableId('paper-check', source.content_hash), source.content_hash, auditName(props.actor));
    else await review.unmarkChecked(trx, source.content_hash);
  });
}
