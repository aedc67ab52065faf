/** Writes a paper's gathered scrutiny rows: the batch (people first, then every table, parents first), then the status changes. */
import * as store from '../../../db/repositories/scrutiny.ts';
import type { Counts } from '../context.ts';
import type { ScrutinyScope } from './scope.ts';

export async function writeScrutiny(scope: ScrutinyScope): Promise<Counts> {
  const { trx, people } = scope.ctx;
  const created = await scope.batch.write(trx, people);
  for (const [id, status] of scope.statusUpdates) await store.updateRecommendation(trx, id, { status });
  return created;
}
