/** Recommendations of Policy Overview and Scrutiny Committees to Cabinet: one item and one recommendation each. */
import * as store from '../../../db/repositories/scrutiny.ts';
import { responseDeadline } from '../../../domain/scrutiny/deadline.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { ScrutinyExtract } from '../../extract/scrutiny/types.ts';
import type { OnRecord } from './on-record.ts';
import { meetingId, poscItemId, type Places } from './places.ts';
import { addItem, recordHistory, where, type ScrutinyScope } from './scope.ts';

export function gatherPoscRecommendations(scope: ScrutinyScope, extract: ScrutinyExtract, places: Places, onRecord: OnRecord): void {
  const { ctx, batch } = scope;
  for (const posc of extract.poscRecommendations) {
    const committeeId = places.poscBodies.get(posc)!;
    const itemId = poscItemId(places, posc);
    addItem(scope, {
      id: itemId,
      authority_id: ctx.authorityId,
      kind: 'posc-recommendation',
      body_id: committeeId,
      meeting_id: meetingId(places, committeeId, posc.meetingDate),
      title: `Recommendation following the ${posc.from.replace(/[’‘]/g, "'")} to ${posc.to}`,
      ...store.ITEM_WITHOUT_DETAILS,
      addressed_to: posc.to,
      source_document_id: ctx.sourceId,
      source_line_from: posc.lineFrom,
      source_line_to: posc.lineTo,
    });
    const id = stableId('scrutiny-recommendation', itemId, 1);
    if (batch.has('scrutiny_recommendation', id) || onRecord.recommendationIds.has(id)) continue;
    batch.add('scrutiny_recommendation', {
      id,
      item_id: itemId,
      number: 1,
      text: posc.text,
      context: null,
      addressee: posc.to,
      status: 'PENDING',
      due_date: responseDeadline(posc.meetingDate, scope.months),
      tracking_notes: null,
      published: true,
      source_document_id: ctx.sourceId,
      source_line_from: posc.lineFrom,
      source_line_to: posc.lineTo,
    });
    recordHistory(scope, id, null, 'PENDING', posc.meetingDate, `Imported from the paper, ${where(posc.lineFrom, posc.lineTo)}`);
  }
}
