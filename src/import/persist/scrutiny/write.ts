/** Writes a paper's gathered scrutiny rows: one statement for every table, parents first, then the status changes. */
import * as store from '../../../db/repositories/scrutiny.ts';
import { addCount } from '../context.ts';
import type { ScrutinyScope } from './scope.ts';

export async function writeScrutiny(scope: ScrutinyScope): Promise<void> {
  const { pending, created } = scope;
  const { trx } = scope.ctx;
  const counts = await store.insertNewMany(trx, [
    { table: 'meeting', rows: pending.meetings },
    { table: 'scrutiny_item', rows: [...pending.items.values()] },
    { table: 'scrutiny_recommendation', rows: [...pending.recommendations.values()] },
    { table: 'scrutiny_status_change', rows: pending.statusChanges },
    { table: 'scrutiny_action_owner', rows: pending.owners },
    { table: 'scrutiny_response', rows: pending.responses },
    { table: 'scrutiny_tracking_sheet', rows: pending.sheets },
    { table: 'scrutiny_tracking_row', rows: pending.trackingRows },
  ]);
  const [meetings, items, recommendations, , owners, responses, sheets, trackingRows] = counts;
  addCount(created, 'meetings', meetings!);
  addCount(created, 'scrutinyItems', items!);
  addCount(created, 'scrutinyRecommendations', recommendations!);
  addCount(created, 'scrutinyOwners', owners!);
  addCount(created, 'scrutinyResponses', responses!);
  addCount(created, 'scrutinyTrackingSheets', sheets!);
  addCount(created, 'scrutinyTrackingRows', trackingRows!);
  for (const [id, status] of pending.statusUpdates) await store.updateRecommendation(trx, id, { status });
}
