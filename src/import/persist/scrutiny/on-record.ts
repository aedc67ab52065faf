/**
 * What is on record at the meetings a paper's scrutiny records name, each in one query before the rows are built: the
 * items and recommendations at the meetings of rows tracked elsewhere, and which of the recommendation ids the paper
 * could add are already on record.
 */
import type { Row } from '../../../db/types.ts';
import * as store from '../../../db/repositories/scrutiny.ts';
import { groupBy } from '../../../domain/group-by.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { ScrutinyExtract } from '../../extract/scrutiny/types.ts';
import type { UnmatchedRow } from './match.ts';
import { callInItemId, meetingId, poscItemId, rowMeeting, type Places } from './places.ts';
import { recommendationId, type ScrutinyScope } from './scope.ts';

export interface OnRecord {
  itemsByMeeting: Map<string, Array<Row<'scrutiny_item'>>>;
  recommendationsByItem: Map<string, Array<Row<'scrutiny_recommendation'>>>;
  /** Recommendation ids of this paper already on record (an earlier paper): they keep their history. */
  recommendationIds: Set<string>;
}

export async function loadOnRecord(scope: ScrutinyScope, extract: ScrutinyExtract, places: Places, unmatched: UnmatchedRow[]): Promise<OnRecord> {
  const { trx } = scope.ctx;
  const added = new Set(scope.batch.keysOf('meeting'));
  const itemsByMeeting = groupBy(
    await store.itemsOfMeetings(
      trx,
      [...new Set(unmatched.map((entry) => rowMeeting(places, entry)))].filter((id) => !added.has(id)),
    ),
    (item) => item.meeting_id,
  );
  const recommendationsByItem = groupBy(
    await store.recommendationsOfItems(
      trx,
      [...itemsByMeeting.values()].flat().map((item) => item.id),
    ),
    (recommendation) => recommendation.item_id,
  );
  const candidates = candidateRecommendationIds(extract, places, unmatched, itemsByMeeting);
  return { itemsByMeeting, recommendationsByItem, recommendationIds: await store.existingRecommendationIds(trx, [...candidates]) };
}

/** Every recommendation id the paper could add, so one query says which are already on record. */
function candidateRecommendationIds(
  extract: ScrutinyExtract,
  places: Places,
  unmatched: UnmatchedRow[],
  itemsByMeeting: Map<string, Array<Row<'scrutiny_item'>>>,
): Set<string> {
  const candidates = new Set<string>();
  for (const callIn of extract.callIns) for (const r of callIn.recommendations) candidates.add(recommendationId(callInItemId(places, callIn), r.number));
  for (const posc of extract.poscRecommendations) candidates.add(recommendationId(poscItemId(places, posc), 1));
  for (const entry of unmatched) {
    const meeting = rowMeeting(places, entry);
    const itemIds = [
      ...(itemsByMeeting.get(meeting) ?? []).map((item) => item.id),
      ...extract.callIns
        .filter((callIn) => meetingId(places, places.callInBodies.get(callIn)!, callIn.meetingDate) === meeting)
        .map((callIn) => callInItemId(places, callIn)),
      stableId('scrutiny-item', meeting, entry.row.item),
    ];
    for (const itemId of itemIds) candidates.add(recommendationId(itemId, entry.row.recommendationNumber));
  }
  return candidates;
}
